// Scores the engine in-process on every labeled set we tune against, one line per set, so a rule change shows its
// effect everywhere at once. The held-out halves of the real-wire sets and of the fresh-* sets are left out unless
// --holdout is given.
// Usage: npx tsx bench/score-sets.ts [--verbose SETNAME] [--holdout]
import { createHash } from 'node:crypto'
import { existsSync, readdirSync } from 'node:fs'
import { loadCases, scoreCases, type LabeledCase } from '../test/analyze/score-cases.ts'

const args = process.argv.slice(2)
const verboseSet = args.includes('--verbose') ? args[args.indexOf('--verbose') + 1] : undefined
const half = (id: string) => (createHash('sha256').update(id).digest()[0]! & 1 ? 'holdout' : 'tune')
const shared = new URL('../../shared/corpus/', import.meta.url)
const fixtures = new URL('../test/analyze/fixtures/', import.meta.url)

const sets: [string, LabeledCase[]][] = []
if (existsSync(shared)) {
  sets.push(['dev', loadCases(new URL('dev.jsonl', shared))])
  for (const f of ['wire-dev', 'wire-dev-dense']) {
    const all = loadCases(new URL(`${f}.jsonl`, shared))
    sets.push([`${f}:tune`, all.filter((c) => half(c.id) === 'tune')])
    if (args.includes('--holdout')) sets.push([`${f}:holdout`, all.filter((c) => half(c.id) === 'holdout')])
  }
}
for (const f of readdirSync(fixtures)
  .filter((f) => f.endsWith('.jsonl'))
  .sort()) {
  const name = f.replace('.jsonl', '')
  const all = loadCases(new URL(f, fixtures))
  // the sets written blind late in the work keep a held-out half too
  if (!name.startsWith('fresh-')) sets.push([name, all])
  else {
    sets.push([`${name}:tune`, all.filter((c) => half(c.id) === 'tune')])
    if (args.includes('--holdout')) sets.push([`${name}:holdout`, all.filter((c) => half(c.id) === 'holdout')])
  }
}

const t0 = performance.now()
for (const [name, cases] of sets) {
  const s = scoreCases(cases)
  // strict precision counts only expected pairs with the right direction: an allowed side pair still costs
  const sP = s.predicted ? s.correct / s.predicted : 1
  const sR = s.expected ? s.correct / s.expected : 1
  console.log(
    `${name.padEnd(28)} n=${String(s.cases).padStart(4)} exp=${String(s.expected).padStart(4)}  P ${s.pairPrecision.toFixed(3)}  R ${s.pairRecall.toFixed(3)}  strictF1 ${s.strictF1.toFixed(3)} (sP ${sP.toFixed(2)} sR ${sR.toFixed(2)} pred ${s.predicted})  viol ${s.violations}  none ${s.noneClean}/${s.noneCases}  unres ${s.unresolved}`,
  )
  if (name === verboseSet) for (const m of s.misses) console.log('   ', m)
}
console.log(`(${Math.round(performance.now() - t0)} ms)`)
