#!/usr/bin/env node
// Scores the engine on a fixed half of each real-wire labeled set. The halves are fixed by a hash of each case
// id, so they never change: `tune` is the half the rules may be developed against, `holdout` the half kept
// untouched until the end as our own estimate of how the engine does on items nobody tuned to.
// Usage: node bench/score-halves.mjs tune|holdout [--verbose] [FILE…]
import { createHash } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const args = process.argv.slice(2)
const half = args[0]
if (half !== 'tune' && half !== 'holdout') {
  console.error('usage: score-halves.mjs tune|holdout [--verbose] [FILE…]')
  process.exit(2)
}
const verbose = args.includes('--verbose')
const files = args.slice(1).filter((a) => !a.startsWith('--'))
const sets = files.length ? files : ['../shared/corpus/wire-dev.jsonl', '../shared/corpus/wire-dev-dense.jsonl']

/** The half a case belongs to: the low bit of the first byte of SHA-256 of its id. */
export const halfOf = (id) => (createHash('sha256').update(id).digest()[0] & 1 ? 'holdout' : 'tune')

const dir = mkdtempSync(join(tmpdir(), 'entente-halves-'))
for (const file of sets) {
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
  const kept = lines.filter((l) => halfOf(JSON.parse(l).id) === half)
  const out = join(dir, file.split('/').pop().replace('.jsonl', `.${half}.jsonl`))
  writeFileSync(out, kept.join('\n') + '\n')
  console.log(`== ${file} (${half} half: ${kept.length} of ${lines.length} cases)`)
  const scorer = new URL('../../shared/tools/score-corpus.mjs', import.meta.url).pathname
  process.stdout.write(
    execFileSync('node', [scorer, out, ...(verbose ? ['--verbose'] : [])], { encoding: 'utf8', maxBuffer: 1 << 26 }),
  )
}
