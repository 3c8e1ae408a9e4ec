// `npm run bench [-- part …]`: runs each part in its own process, then prints a table and, last, one
// `name value` line per figure. Every figure is a ratio of two things measured side by side in the same run
// (or a size); nothing here compares against absolute timings.
import { spawn } from 'node:child_process'
import { loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import type { PartResult } from './bench-child.ts'

interface Figure {
  name: string
  goal: string
  met: (v: number) => boolean | null
}

interface Part {
  id: string
  file: string
  figures: Figure[]
}

const PARTS: Part[] = [
  {
    id: 'worker',
    file: 'worker-bundle.ts',
    figures: [{ name: 'worker_bundle_gzip_kib', goal: '≤ 1024', met: (v) => v <= 1024 }],
  },
  {
    id: 'analyze',
    file: 'analyze-rate.ts',
    figures: [{ name: 'analyze_sentences_per_s', goal: '≥ 5000', met: (v) => v >= 5000 }],
  },
  {
    id: 'ingest',
    file: 'ingest-ratio.ts',
    figures: [
      { name: 'ingest_ratio', goal: '≥ 0.5', met: (v) => v >= 0.5 },
      // analysis time over rss-parser's parse time for the same items: the engine may grow, this may not pass 6
      { name: 'analyze_parse_ratio', goal: '≤ 6', met: (v) => v <= 6 },
    ],
  },
  {
    id: 'serve',
    file: 'serve-ratio.ts',
    figures: [
      { name: 'serve_ratio', goal: '≥ 0.8', met: (v) => v >= 0.8 },
      // The same comparison by the server's CPU per request (see serve-ratio.ts): not a goal of its own.
      { name: 'serve_cpu_ratio', goal: '(reported)', met: () => null },
    ],
  },
  { id: 'scale', file: 'scale-ratio.ts', figures: [{ name: 'scale_ratio', goal: '≤ 2', met: (v) => v <= 2 }] },
  {
    id: 'poll',
    file: 'poll-cycle.ts',
    figures: [
      { name: 'poll_cycle_ratio', goal: '≤ 0.2', met: (v) => v <= 0.2 },
      { name: 'rss_mb', goal: '(reported)', met: () => null },
    ],
  },
]

function runChild(file: string): Promise<PartResult> {
  const path = fileURLToPath(new URL(file, import.meta.url))
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path], { stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.on('error', fail)
    child.on('close', (code) => {
      const last = out.trim().split('\n').pop() ?? ''
      if (code !== 0 || !last.startsWith('{')) return fail(new Error(`${file} exited with ${code}`))
      ok(JSON.parse(last) as PartResult)
    })
  })
}

// Other work on the machine shows up as noise in every figure; the load average says how much there was.
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')

const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length))

async function main(): Promise<number> {
  const wanted = process.argv.slice(2)
  const unknown = wanted.filter((w) => !PARTS.some((p) => p.id === w))
  if (unknown.length) {
    process.stderr.write(`unknown part ${unknown.join(', ')}; parts: ${PARTS.map((p) => p.id).join(' ')}\n`)
    return 2
  }
  const parts = wanted.length ? PARTS.filter((p) => wanted.includes(p.id)) : PARTS
  const results = new Map<string, PartResult>()
  let failed = false
  const started = performance.now()
  for (const part of parts) {
    const t0 = performance.now()
    process.stderr.write(`[bench] ${part.id} (${part.file}), load average ${load()}\n`)
    try {
      results.set(part.id, await runChild(part.file))
      process.stderr.write(
        `[bench] ${part.id} done in ${Math.round((performance.now() - t0) / 1000)} s, load average ${load()}\n`,
      )
    } catch (err) {
      failed = true
      process.stderr.write(`[bench] ${part.id} FAILED: ${(err as Error).message}\n`)
    }
  }
  const rows: string[][] = [['figure', 'value', 'goal', '']]
  const lines: string[] = []
  for (const part of parts) {
    const r = results.get(part.id)
    for (const f of part.figures) {
      const v = r?.[f.name]
      const met = typeof v === 'number' ? f.met(v) : null
      rows.push([f.name, v === undefined ? 'failed' : String(v), f.goal, met === null ? '' : met ? 'met' : 'MISSED'])
      if (v !== undefined) lines.push(`${f.name} ${v}`)
    }
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...r[i]!].length)))
  const out: string[] = [
    '',
    `Entente benchmarks (${Math.round((performance.now() - started) / 1000)} s, load average at the end ${load()})`,
    '',
  ]
  for (const [i, r] of rows.entries()) {
    out.push(
      r
        .map((c, j) => pad(c, widths[j]!))
        .join('  ')
        .trimEnd(),
    )
    if (i === 0) out.push(widths.map((w) => '-'.repeat(w)).join('  '))
  }
  out.push('', 'details:')
  for (const part of parts) {
    const r = results.get(part.id)
    if (!r) continue
    const names = new Set(part.figures.map((f) => f.name))
    out.push(
      `  ${pad(part.id, 8)} ${Object.entries(r)
        .filter(([k]) => !names.has(k))
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')}`,
    )
  }
  out.push('', ...lines)
  process.stdout.write(out.join('\n') + '\n')
  return failed ? 1 : 0
}

main().then((code) => process.exit(code))
