// For tuning: sorts every expected pair the engine misses into why — an actor not mentioned at all, mentioned but
// never as a party, no cue in any sentence naming both, or a cue there that no frame attached to the pair.
// Usage: npx tsx bench/miss-categories.ts SET.jsonl… [--show CATEGORY]
import { createHash } from 'node:crypto'
import { analyzeText, type SentenceTrace } from '../src/analyze/analyze-text.ts'
import { getEngine } from '../src/analyze/engine.ts'
import { loadCases } from '../test/analyze/score-cases.ts'

const args = process.argv.slice(2)
const show = args.includes('--show') ? args[args.indexOf('--show') + 1] : undefined
const files = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--show')
const tuneOnly = args.includes('--tune')
const half = (id: string) => (createHash('sha256').update(id).digest()[0]! & 1 ? 'holdout' : 'tune')
const g = getEngine().gazetteer
const norm = (s: string) => s.toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ').trim()
const byName = new Map<string, string>()
for (const a of g.actors.values())
  for (const n of [a.id, a.name, ...a.aliases]) if (!byName.has(norm(n))) byName.set(norm(n), a.id)
const resolve = (label: string) =>
  label
    .split('|')
    .map((l) => byName.get(norm(l)))
    .filter((x): x is string => !!x)
const counts = new Map<string, number>()
for (const file of files) {
  for (const c of loadCases(file)) {
    if (tuneOnly && /wire-dev/.test(file) && half(c.id) !== 'tune') continue
    const sentences: SentenceTrace[] = []
    const { pairs } = analyzeText(c.text, { date: c.date, trace: (t) => sentences.push(t) })
    const found = new Set(pairs.map((p) => p.pair))
    for (const e of (c as { expect?: { a: string; b: string }[] }).expect ?? []) {
      const as = resolve(e.a)
      const bs = resolve(e.b)
      if (as.some((a) => bs.some((b) => found.has([a, b].sort().join('--'))))) continue
      const ment = (ids: string[]) =>
        sentences.flatMap((s) => s.mentions.filter((m) => ids.includes(m.rollup)).map((m) => ({ s, m })))
      const ma = ment(as)
      const mb = ment(bs)
      let cat: string
      if (!ma.length || !mb.length) cat = 'actor not mentioned'
      else if (!ma.some((x) => x.m.role === 'party') || !mb.some((x) => x.m.role === 'party'))
        cat = `never a party (${[...new Set([...ma, ...mb].filter((x) => x.m.role !== 'party').map((x) => x.m.role))].join('/')})`
      else {
        const both = sentences.filter(
          (s) =>
            s.mentions.some((m) => as.includes(m.rollup) && m.role === 'party') &&
            s.mentions.some((m) => bs.includes(m.rollup) && m.role === 'party'),
        )
        if (!both.length) cat = 'parties in different sentences'
        else if (!both.some((s) => s.cues.length)) cat = 'no cue in a sentence naming both'
        else cat = 'cue present, no frame'
      }
      counts.set(cat, (counts.get(cat) ?? 0) + 1)
      if (show && cat.startsWith(show)) console.log(`${c.id}: ${e.a}–${e.b}\n   ${c.text.slice(0, 300)}`)
    }
  }
}
for (const [k, v] of [...counts].sort((a, b) => b[1] - a[1])) console.log(String(v).padStart(4), k)
