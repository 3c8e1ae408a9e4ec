// The real Node server (startServer: app, compression, guarded poll) on a free port, over a temporary database
// and a source list of the given feed URLs, with the feed server's host in ENTENTE_ALLOW_HOSTS and polling left
// to POST /admin/poll.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseConfig } from '../../src/config.ts'
import { startServer } from '../../src/runtime/node/index.ts'
import { freePort } from './free-port.ts'
import { silentLog } from './temp-db.ts'

export const ADMIN_TOKEN = 'real-server-admin-token'

export async function startRealServer(
  outlines: { title: string; url: string }[],
  allowHost: string,
  env: Record<string, string> = {},
) {
  const dir = mkdtempSync(join(tmpdir(), 'entente-server-'))
  writeFileSync(
    join(dir, 'sources.opml'),
    `<opml version="2.0"><body>${outlines.map((o) => `<outline text="${o.title}" xmlUrl="${o.url}"/>`).join('')}</body></opml>`,
  )
  const port = await freePort()
  const config = parseConfig(
    {
      PORT: String(port),
      ENTENTE_DB: join(dir, 'entente.db'),
      ENTENTE_SOURCES: join(dir, 'sources.opml'),
      ENTENTE_POLL_MINUTES: '0',
      ENTENTE_ADMIN_TOKEN: ADMIN_TOKEN,
      ENTENTE_ALLOW_HOSTS: allowHost,
      ...env,
    },
    { sources: '', dbPath: '' },
  )
  const running = await startServer(config, silentLog)
  const base = `http://127.0.0.1:${port}`
  return {
    ...running,
    base,
    dbPath: config.dbPath,
    poll: () => fetch(`${base}/admin/poll`, { method: 'POST', headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } }),
    close: async () => {
      await running.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
