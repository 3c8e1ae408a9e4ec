// `npm run data:format`: rewrite every data file of the engine (src/analyze/data/**/*.json but the schemas) in its
// canonical form — header fields one per line, each entry on one line — so that edits diff as one line per entry.
// `--check` only reports the files that are not canonical and exits 1 if there are any.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { formatDataFile, type DataFile } from '../analyze/data/data-file.ts'

const root = fileURLToPath(new URL('../analyze/data/', import.meta.url))
const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    if (statSync(p).isDirectory()) return f === 'schema' ? [] : walk(p)
    return p.endsWith('.json') ? [p] : []
  })

const check = process.argv.includes('--check')
let off = 0
for (const file of walk(root)) {
  const text = readFileSync(file, 'utf8')
  const canonical = formatDataFile(JSON.parse(text) as DataFile<unknown>)
  if (canonical === text) continue
  off++
  if (check) console.log(`not canonical: ${file}`)
  else writeFileSync(file, canonical)
}
if (check && off) process.exit(1)
if (!check) console.log(`${off} file(s) rewritten`)
