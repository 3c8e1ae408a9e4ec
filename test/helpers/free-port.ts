// A TCP port free on 127.0.0.1, for a server a test starts (in process or as a child) by number. Taken from below
// Linux's ephemeral range (32768–60999), which bind(0) never hands out, so between the check here and the server's
// own bind no other socket of the suite can take it; each Vitest worker has its own block of 400, so parallel test
// files never pick the same one either.
import { createServer } from 'node:net'

const BLOCK = 400
let next = 0

function bindable(port: number): Promise<boolean> {
  return new Promise((ok) => {
    const s = createServer()
    s.once('error', () => ok(false))
    s.listen(port, '127.0.0.1', () => s.close(() => ok(true)))
  })
}

export async function freePort(): Promise<number> {
  const base = 20_000 + (Number(process.env.VITEST_POOL_ID ?? 0) % 30) * BLOCK
  for (let tries = 0; tries < BLOCK; tries++) {
    const port = base + (next++ % BLOCK)
    if (await bindable(port)) return port
  }
  throw new Error(`no free port in ${base}–${base + BLOCK - 1}`)
}
