// worker_bundle_gzip_kib: what `wrangler deploy --dry-run` would upload, each .js output gzipped with zlib.
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { progress, round, runPart, withTempDir } from './bench-child.ts'

export async function measureWorkerBundle() {
  return withTempDir('worker', async (dir) => {
    progress('wrangler deploy --dry-run')
    const root = new URL('..', import.meta.url).pathname
    execFileSync(join(root, 'node_modules', '.bin', 'wrangler'), ['deploy', '--dry-run', '--outdir', dir], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_UPDATE_NOTIFIER: '1' },
    })
    let raw = 0
    let gz = 0
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.js'))) {
      const bytes = readFileSync(join(dir, f))
      raw += bytes.length
      gz += gzipSync(bytes).length
    }
    if (!raw) throw new Error('wrangler produced no .js output')
    return { worker_bundle_kib: round(raw / 1024, 1), worker_bundle_gzip_kib: round(gz / 1024, 1) }
  })
}

runPart(import.meta.url, measureWorkerBundle)
