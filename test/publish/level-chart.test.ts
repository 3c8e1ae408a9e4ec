// The level chart as a pure function: one day and 500 days both read, with ticks that fit and dots that shrink.
import { describe, expect, it } from 'vitest'
import { levelChart, levelFigure, type LevelPoint } from '../../src/publish/level-chart.ts'

const days = (n: number, start = Date.UTC(2017, 10, 1)): LevelPoint[] =>
  Array.from({ length: n }, (_, i) => ({ day: new Date(start + i * 86_400_000).toISOString().slice(0, 10), level: Math.sin(i / 10) * 0.6, direction: i % 2 ? 'improving' : 'deteriorating', score: 0.5 }))

describe('levelChart', () => {
  it('draws one day as a centred dot with its date and its level, no line', () => {
    const svg = levelChart([{ day: '2015-07-20', level: 0.42, direction: 'improving', score: 0.6 }], 'Cuba–United States')
    expect(svg).toContain('<circle class="shift improving" data-day="2015-07-20" cx="374.0"')
    expect(svg).toContain('<text class="axis" x="374.0" y="250" font-size="11" text-anchor="middle">2015-07-20</text>')
    expect(svg).toContain('>+0.42</text>')
    expect(svg).not.toContain('<polyline')
    expect(svg).toContain('Alignment level on 2015-07-20')
  })

  it('draws 500 days with small dots, a thin line and month or year ticks spaced to fit', () => {
    const svg = levelChart(days(500), 'Iran–Iraq')
    expect(svg.match(/<circle class="shift/g)).toHaveLength(500)
    expect(svg).toContain('r="1.8"')
    expect(svg).toContain('stroke-width="1.25"')
    const ticks = [...svg.matchAll(/<text class="axis" x="([\d.]+)"[^>]*>([^<]+)</g)].map((m) => ({ x: Number(m[1]), label: m[2]! }))
    expect(ticks.map((t) => t.label)).toEqual(['Nov 2017', 'Jan 2018', 'Mar', 'May', 'Jul', 'Sep', 'Nov', 'Jan 2019', 'Mar'])
    for (let i = 1; i < ticks.length; i++) expect(ticks[i]!.x - ticks[i - 1]!.x).toBeGreaterThan(11 * 0.62 * 8)
    const narrow = levelChart(days(500), 'Iran–Iraq', { width: 360, height: 220 })
    expect([...narrow.matchAll(/<text class="axis"[^>]*>([^<]+)</g)].map((m) => m[1])).toEqual(['Jan 2018', 'Jul', 'Jan 2019'])
  })

  it('links only the days given, and renders twice with distinct ids for wide and narrow screens', () => {
    const points = days(5)
    const figure = levelFigure(points, 'X', new Set([points[4]!.day]))
    expect(figure.match(/<a href="#/g)).toHaveLength(2)
    expect(figure).toContain('aria-labelledby="chart-title chart-desc"')
    expect(figure).toContain('aria-labelledby="chart-narrow-title chart-narrow-desc"')
    expect(levelFigure(points, 'X')).toBe(levelFigure(points, 'X'))
  })
})
