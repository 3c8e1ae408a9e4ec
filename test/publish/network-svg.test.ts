// The network pictures as pure functions: deterministic, escaped, capped, and their lines and names all links.
import { describe, expect, it } from 'vitest'
import { egoNetwork, pairNetwork, type NetworkPair } from '../../src/publish/network-svg.ts'
import type { Direction } from '../../src/types.ts'

const actor = (id: string, name = id[0]!.toUpperCase() + id.slice(1)) => ({ id, name })
const pair = (
  x: ReturnType<typeof actor>,
  y: ReturnType<typeof actor>,
  direction: Direction,
  level: number,
): NetworkPair => {
  const [a, b] = x.id < y.id ? [x, y] : [y, x]
  return { pair: `${a.id}--${b.id}`, a, b, direction, level }
}
const iran = actor('iran')
const partners = Array.from({ length: 30 }, (_, i) =>
  pair(
    iran,
    actor(`p${String(i).padStart(2, '0')}`),
    (['improving', 'deteriorating', 'frozen', 'stable'] as const)[i % 4]!,
    0.9 - i * 0.03,
  ),
)

describe('egoNetwork', () => {
  it('draws the strongest 24 partners, each line a link to its pair and each name to its actor, and says how many it left out', () => {
    const svg = egoNetwork(iran, partners)
    expect(svg.match(/<a href="\/pairs\//g)).toHaveLength(24)
    expect(svg.match(/<a href="\/actors\//g)).toHaveLength(25)
    expect(svg).toContain(
      'Iran and the 24 strongest of its 30 partners: 6 improving, 6 deteriorating, 6 frozen, 6 stable.',
    )
    expect(svg).not.toContain('/actors/p24')
  })

  it('weights lines by |level|, dashes the frozen ones and colours each by its direction', () => {
    const svg = egoNetwork(iran, [
      pair(iran, actor('a'), 'improving', 1),
      pair(iran, actor('b'), 'frozen', -0.2),
      pair(iran, actor('c'), 'deteriorating', -1),
    ])
    expect(svg).toContain('class="stroke" stroke="#0a7a2f" stroke-width="6.5" stroke-linecap="round"/>')
    expect(svg).toContain(
      'class="stroke" stroke="#1f5fa8" stroke-width="2.5" stroke-linecap="round" stroke-dasharray="6 4"/>',
    )
    expect(svg).toContain('class="stroke" stroke="#b3261e" stroke-width="6.5" stroke-linecap="round"/>')
  })

  it('escapes names, clips long ones in the drawing and keeps them whole in the link name', () => {
    const svg = egoNetwork(iran, [
      pair(iran, actor('x', 'Saint Vincent <and> the "Grenadines" & Co'), 'improving', 0.5),
    ])
    expect(svg).toContain('aria-label="Saint Vincent &lt;and&gt; the &quot;Grenadines&quot; &amp; Co"')
    expect(svg).toMatch(/>Saint Vincent (&lt;|&lt;a|&lt;an|&lt;and&gt;)?[^<]*…<\/text>/)
    expect(svg).not.toContain('<and>')
  })

  it('gives the same bytes for the same pairs, and nothing for none', () => {
    expect(egoNetwork(iran, partners)).toBe(
      egoNetwork(
        iran,
        partners.map((p) => ({ ...p })),
      ),
    )
    expect(egoNetwork(iran, [])).toBe('')
  })
})

describe('pairNetwork', () => {
  const [a, b, c, d, e] = ['a', 'b', 'c', 'd', 'e'].map((id) => actor(id))
  const pairs = [
    pair(a!, b!, 'improving', 0.5),
    pair(a!, c!, 'deteriorating', -0.4),
    pair(a!, d!, 'frozen', -0.1),
    pair(b!, c!, 'stable', 0),
    pair(d!, e!, 'improving', 0.3),
  ]

  it('links every pair and every actor once, named for screen readers', () => {
    const svg = pairNetwork(pairs, 'Most active', 'the most active in the 30 days to 2019-04-20')
    expect(svg).toMatch(
      /^<svg class="network" id="pair-network" width="400" height="[\d.]+" viewBox="0 0 400 [\d.]+" role="group" aria-labelledby="pair-network-title" aria-describedby="pair-network-desc">/,
    )
    expect(svg.match(/<a href="\/pairs\//g)).toHaveLength(5)
    expect(svg.match(/<a href="\/actors\//g)).toHaveLength(5)
    expect(svg).toContain(
      '<desc id="pair-network-desc">5 pairs between 5 actors, the most active in the 30 days to 2019-04-20: 2 improving, 1 deteriorating, 1 frozen, 1 stable.',
    )
  })

  it('puts the most connected actor on one side and its partners on the other, bending the line between two on one side', () => {
    const svg = pairNetwork(pairs, 'Most active', 'x')
    const x = (id: string) =>
      Number(new RegExp(`href="/actors/${id}"[^>]*><title>[^<]*</title><circle cx="([\\d.]+)"`).exec(svg)![1])
    expect(x('a')).toBeGreaterThan(200)
    for (const id of ['b', 'c', 'd']) expect(x(id)).toBeLessThan(200)
    // b and c sit on one side: their pair is a curve, not a line through the names between them.
    expect(svg).toMatch(/<a href="\/pairs\/b--c"[^>]*><title>[^<]*<\/title><path d="M[\d. ]+Q/)
    expect(pairNetwork(pairs, 'Most active', 'x')).toBe(svg)
  })
})
