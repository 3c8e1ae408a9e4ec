// Top self-time functions of a V8 .cpuprofile (from `node --cpu-prof`), for the profiles in RESULTS.md.
// Usage: npx tsx bench/profile-summary.ts FILE.cpuprofile [N]
import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
}

interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

export function topSelfTime(profile: Profile, n = 20): { fn: string; ms: number; pct: number }[] {
  const byId = new Map(profile.nodes.map((x) => [x.id, x]))
  const self = new Map<string, number>()
  let total = 0
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0
    const f = byId.get(id)!.callFrame
    const where = f.url ? `${f.url.replace(/^.*\/(node_modules|src|bench)\//, '$1/')}:${f.lineNumber + 1}` : ''
    const key = `${f.functionName || '(anonymous)'} ${where}`.trim()
    self.set(key, (self.get(key) ?? 0) + dt)
    total += dt
  })
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([fn, us]) => ({ fn, ms: Math.round(us / 1000), pct: Math.round((1000 * us) / total) / 10 }))
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const file = process.argv[2]
  if (!file) throw new Error('usage: profile-summary.ts FILE.cpuprofile [N]')
  for (const r of topSelfTime(JSON.parse(readFileSync(file, 'utf8')) as Profile, Number(process.argv[3]) || 20)) {
    process.stdout.write(`${String(r.pct).padStart(5)} %  ${String(r.ms).padStart(6)} ms  ${r.fn}\n`)
  }
}
