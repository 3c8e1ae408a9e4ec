// The level chart as a pure function: one day and 500 days both read, with ticks that fit and dots that shrink.
import { describe, expect, it } from 'vitest'
import { levelChart, levelFigure, type LevelPoint } from '../../src/publish/level-chart.ts'

const days = (n: number, start = Date.UTC(2017, 10, 1)): LevelPoint[] =>
  Array.from({ length: n }, (_, i) => ({
    day: new Date(start + i * 86_400_000).toISOString().slice(0, 10),
    level: Math.sin(i / 10) * 0.6,
    direction: i % 2 ? 'improving' : 'deteriorating',
    score: 0.5,
  }))

describe('levelChart', () => {
  it('draws one day as a centred dot with its date and its level, no line', () => {
    const svg = levelChart(
      [{ day: '2015-07-20', level: 0.42, direction: 'improving', score: 0.6 }],
      'Cuba–United States',
    )
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
    const ticks = [...svg.matchAll(/<text class="axis" x="([\d.]+)"[^>]*>([^<]+)</g)].map((m) => ({
      x: Number(m[1]),
      label: m[2]!,
    }))
    expect(ticks.map((t) => t.label)).toEqual([
      'Nov 2017',
      'Jan 2018',
      'Mar',
      'May',
      'Jul',
      'Sep',
      'Nov',
      'Jan 2019',
      'Mar',
    ])
    for (let i = 1; i < ticks.length; i++) expect(ticks[i]!.x - ticks[i - 1]!.x).toBeGreaterThan(11 * 0.62 * 8)
    const narrow = levelChart(days(500), 'Iran–Iraq', { width: 360, height: 220 })
    expect([...narrow.matchAll(/<text class="axis"[^>]*>([^<]+)</g)].map((m) => m[1])).toEqual([
      'Jan 2018',
      'Jul',
      'Jan 2019',
    ])
  })

  it('draws the decay to a recent day of reading to scale, the axis running to that day', () => {
    const points = days(100)
    const svg = levelChart(points, 'Iran–Iraq', { today: { day: '2018-02-21', level: 0.1 } })
    expect(svg).toContain('<line class="decay" x1="')
    expect(svg).not.toContain('axis-break')
    // The 100 days end on 8 February; 13 days later, the dashed line ends at the right edge (720 − 16).
    expect(svg).toMatch(/<line class="decay" x1="[\d.]+" y1="[\d.]+" x2="704\.0"/)
    expect(svg).toContain('decayed to 0.10 by 2018-02-21 (dashed).')
    expect(svg).toMatch(/<text class="now" [^>]*>\+0\.10<\/text>/)
  })

  it('breaks the axis before a day of reading long after the history, which keeps its own scale', () => {
    const points = days(100)
    const today = { day: '2026-12-06', level: 0 }
    const svg = levelChart(points, 'Iran–Iraq', { today })
    const xs = [...svg.matchAll(/<circle class="shift[^"]*" data-day="[^"]+" cx="([\d.]+)"/g)].map((m) => Number(m[1]))
    // Without the break nine years of silence would press the 100 days into the first 3 % of the plot.
    expect(xs[0]).toBe(44)
    expect(xs.at(-1)!).toBeGreaterThan(500)
    expect(svg).toContain('<title>3223 days without shifts between 2018-02-08 and 2026-12-06</title>')
    expect(svg).toContain(
      '; the time axis breaks over the 3223 days without shifts between 2018-02-08 and 2026-12-06).',
    )
    expect(svg).toMatch(/<text class="axis today" x="704\.0"[^>]*>2026-12-06<\/text>/)
    expect(svg).toMatch(/<text class="now" [^>]*>0\.00<\/text>/)
    expect(svg).toMatch(/<text class="last" [^>]*>[+−]0\.\d\d<\/text>/)
    // The history's month ticks stop short of today's date.
    const labels = [...svg.matchAll(/<text class="axis" x="([\d.]+)"[^>]*>([^<]+)</g)].map((m) => ({
      x: Number(m[1]),
      label: m[2]!,
    }))
    expect(labels.map((l) => l.label)).toEqual(['Nov 2017', 'Dec', 'Jan 2018', 'Feb'])
    expect(Math.max(...labels.map((l) => l.x + (l.label.length * 11 * 0.62) / 2))).toBeLessThan(704 - 10 * 11 * 0.62)
    // One day read years later sits in the middle of its history, its date under it and today's at the end.
    const one = levelChart(points.slice(0, 1), 'X', { today })
    expect([...one.matchAll(/<text class="axis[^"]*"[^>]*>([^<]+)</g)].map((m) => m[1])).toEqual([
      '2017-11-01',
      '2026-12-06',
    ])
    expect(one).toContain('Alignment level from 2017-11-01 to 2026-12-06')
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
