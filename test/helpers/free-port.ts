// A TCP port free on 127.0.0.1 right now, for a server a test starts (in process or as a child).
import { createServer } from 'node:net'

export function freePort(): Promise<number> {
  return new Promise<number>((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => ok(port))
    })
  })
}
