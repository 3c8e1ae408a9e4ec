// SVG charts of a pair's level over time: a labelled chart for the pair page, a sparkline for listings. Pure strings,
// escaped, accessible (role="img" with a title and a description), no scripts, the same output for the same input.
// The chart reads with one day (a dot with its date and level) as with 500 (dots shrink to their spacing, the axis
// shows years, months or days, as many as fit without touching).
import type { Direction } from '../types.ts'
import { escapeHtml } from './escape.ts'

export interface LevelPoint {
  day: string
  level: number
  direction: Direction
  score: number
}

export const COLOURS: Record<Direction, string> = { improving: '#0a7a2f', deteriorating: '#b3261e', frozen: '#1f5fa8', stable: '#666666' }
const DAY_MS = 86_400_000
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

function xScale(points: LevelPoint[], left: number, width: number): (day: string) => number {
  const t0 = Date.parse(points[0]!.day)
  const t1 = Date.parse(points[points.length - 1]!.day)
  const span = Math.max(DAY_MS, t1 - t0)
  return (day) => (t0 === t1 ? left + width / 2 : left + ((Date.parse(day) - t0) / span) * width)
}

const fixed = (n: number) => n.toFixed(1)
const signed = (x: number) => (x > 0 ? `+${x.toFixed(2)}` : x < 0 ? `−${Math.abs(x).toFixed(2)}` : '0.00')

export function sparkline(points: LevelPoint[], label: string, width = 120, height = 28): string {
  if (!points.length) return ''
  const x = xScale(points, 2, width - 4)
  const y = (level: number) => 2 + ((1 - level) / 2) * (height - 4)
  const last = points[points.length - 1]!
  // One day is a short flat stroke ending in its dot, not a dot floating alone.
  const path = points.length === 1 ? `${fixed(width / 2 - 12)},${fixed(y(last.level))} ${fixed(width / 2)},${fixed(y(last.level))}` : points.map((p) => `${fixed(x(p.day))},${fixed(y(p.level))}`).join(' ')
  return (
    `<svg class="sparkline" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(label)}">` +
    `<line x1="0" x2="${width}" y1="${fixed(y(0))}" y2="${fixed(y(0))}" stroke="#ccc" stroke-width="1"/>` +
    `<polyline points="${path}" fill="none" stroke="#333" stroke-width="1.5"/>` +
    `<circle cx="${fixed(x(last.day))}" cy="${fixed(y(last.level))}" r="2.5" fill="${COLOURS[last.direction]}"/></svg>`
  )
}

interface Tick {
  t: number
  label: string
}

/** Calendar ticks between t0 and t1 (UTC ms): every `step` days, months or years, each labelled for its unit. */
function ticks(t0: number, t1: number, unit: 'day' | 'month' | 'year', step: number): Tick[] {
  const out: Tick[] = []
  const start = new Date(t0)
  let d =
    unit === 'day' ? new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate())) : unit === 'month' ? new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1)) : new Date(Date.UTC(start.getUTCFullYear(), 0, 1))
  for (let guard = 0; guard < 1000 && d.getTime() <= t1; guard++) {
    const aligned = unit === 'day' ? true : unit === 'month' ? d.getUTCMonth() % step === 0 : d.getUTCFullYear() % step === 0
    if (aligned && d.getTime() >= t0) {
      const first = !out.length
      const label =
        unit === 'year'
          ? String(d.getUTCFullYear())
          : unit === 'month'
            ? `${MONTHS[d.getUTCMonth()]}${first || d.getUTCMonth() === 0 ? ` ${d.getUTCFullYear()}` : ''}`
            : `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}${first || (d.getUTCMonth() === 0 && d.getUTCDate() <= step) ? ` ${d.getUTCFullYear()}` : ''}`
      out.push({ t: d.getTime(), label })
    }
    d = unit === 'day' ? new Date(d.getTime() + step * DAY_MS) : unit === 'month' ? new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)) : new Date(Date.UTC(d.getUTCFullYear() + 1, 0, 1))
  }
  return out
}

const STEPS: ['day' | 'month' | 'year', number][] = [
  ['day', 1], ['day', 2], ['day', 7], ['day', 14], ['month', 1], ['month', 2], ['month', 3], ['month', 6], ['year', 1], ['year', 2], ['year', 5], ['year', 10], ['year', 25],
]

/** The finest calendar ticks whose labels fit the plot width without touching. */
function axisTicks(t0: number, t1: number, plotWidth: number, fontSize: number): Tick[] {
  const charWidth = fontSize * 0.62
  for (const [unit, step] of STEPS) {
    const list = ticks(t0, t1, unit, step)
    if (list.length < 2) continue
    const widest = Math.max(...list.map((t) => t.label.length)) * charWidth
    const gap = (plotWidth * (list[1]!.t - list[0]!.t)) / Math.max(DAY_MS, t1 - t0)
    if (gap >= widest + fontSize) return list
  }
  return []
}

export interface ChartOptions {
  width?: number
  height?: number
  /** prefix of the ids inside, unique on the page when several renderings of a chart sit side by side */
  id?: string
  className?: string
  /** days whose dot links to its evidence on the page (`#day`); default every day */
  linked?: ReadonlySet<string>
}

export function levelChart(points: LevelPoint[], title: string, options: ChartOptions = {}): string {
  if (!points.length) return ''
  const { width = 720, height = 260, id = 'chart', className = 'level-chart', linked } = options
  const font = 11
  const m = { left: width < 500 ? 34 : 44, right: 16, top: 18, bottom: 32 }
  const w = width - m.left - m.right
  const h = height - m.top - m.bottom
  const x = xScale(points, m.left, w)
  const y = (level: number) => m.top + ((1 - level) / 2) * h
  const grid = [1, 0.5, 0, -0.5, -1]
    .map((v) => `<g class="tick"><line x1="${m.left}" x2="${width - m.right}" y1="${fixed(y(v))}" y2="${fixed(y(v))}" stroke="${v === 0 ? '#999' : '#e5e5e5'}"/><text x="${m.left - 6}" y="${fixed(y(v) + 4)}" text-anchor="end" font-size="${font}">${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v)}</text></g>`)
    .join('')
  const first = points[0]!
  const last = points[points.length - 1]!
  const t0 = Date.parse(first.day)
  const t1 = Date.parse(last.day)
  // One day: its own date under its dot. More: calendar ticks, as many as fit.
  const axis =
    t0 === t1
      ? `<text class="axis" x="${fixed(x(first.day))}" y="${height - 10}" font-size="${font}" text-anchor="middle">${first.day}</text>`
      : axisTicks(t0, t1, w, font)
          .map((t) => {
            const tx = m.left + ((t.t - t0) / (t1 - t0)) * w
            return `<line x1="${fixed(tx)}" x2="${fixed(tx)}" y1="${height - m.bottom}" y2="${height - m.bottom + 4}" stroke="#999"/><text class="axis" x="${fixed(tx)}" y="${height - 10}" font-size="${font}" text-anchor="middle">${t.label}</text>`
          })
          .join('')
  // Dots as large as their spacing allows: five pixels for a few days, under two for hundreds.
  const spacing = points.length > 1 ? w / (points.length - 1) : w
  const r = Math.max(1.75, Math.min(5, spacing * 0.4))
  const path = points.map((p) => `${fixed(x(p.day))},${fixed(y(p.level))}`).join(' ')
  const marks = points
    .map((p) => {
      const dot = `<circle class="shift ${p.direction}" data-day="${p.day}" cx="${fixed(x(p.day))}" cy="${fixed(y(p.level))}" r="${fixed(r)}" fill="${COLOURS[p.direction]}"><title>${escapeHtml(`${p.day}: ${p.direction}, level ${signed(p.level)}`)}</title></circle>`
      return !linked || linked.has(p.day) ? `<a href="#${p.day}">${dot}</a>` : dot
    })
    .join('')
  // The level now, beside the last dot, kept inside the frame.
  const lx = x(last.day)
  const nearRight = lx > width - m.right - 40
  const now = `<text class="now" x="${fixed(nearRight ? lx - r - 3 : lx + r + 3)}" y="${fixed(y(last.level) - r - 3)}" font-size="${font}" text-anchor="${nearRight ? 'end' : 'start'}">${signed(last.level)}</text>`
  const desc = `Alignment level ${t0 === t1 ? `on ${first.day}` : `from ${first.day} to ${last.day}`}, between −1 (conflict) and +1 (cooperation); ${points.length} day${points.length === 1 ? '' : 's'} with shifts, latest level ${last.level.toFixed(2)}.`
  return (
    `<svg class="${className}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc">` +
    `<title id="${id}-title">${escapeHtml(title)}</title><desc id="${id}-desc">${escapeHtml(desc)}</desc>` +
    grid +
    axis +
    (points.length > 1 ? `<polyline points="${path}" fill="none" stroke="#333" stroke-width="${points.length > 100 ? 1.25 : 2}"/>` : '') +
    marks +
    now +
    `</svg>`
  )
}

/**
 * The chart twice, wide for desktops and narrow for phones, the stylesheet showing one: scaled down to a phone, the
 * wide drawing's text would shrink to half its size. The hidden one is display:none, so it is not read twice.
 */
export function levelFigure(points: LevelPoint[], title: string, linked?: ReadonlySet<string>): string {
  const link = linked ? { linked } : {}
  return (
    levelChart(points, title, { id: 'chart', className: 'level-chart chart-wide', ...link }) +
    levelChart(points, title, { width: 360, height: 220, id: 'chart-narrow', className: 'level-chart chart-narrow', ...link })
  )
}
