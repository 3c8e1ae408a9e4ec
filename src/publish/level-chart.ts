// SVG charts of a pair's level over time: a labelled chart for the pair page, a sparkline for listings.
// Pure strings, escaped, accessible (role="img" with a title and a description), no scripts. Given the level as of
// today, both draw its decay since the last shift as a dashed line, so old news visibly fades.
import type { Direction } from '../types.ts'
import { escapeHtml } from './escape.ts'

export interface LevelPoint {
  day: string
  level: number
  direction: Direction
  score: number
}

const COLOURS: Record<Direction, string> = { improving: '#0a7a2f', deteriorating: '#b3261e', frozen: '#1f5fa8', stable: '#666666' }
const DAY_MS = 86_400_000

/** The level on the day of reading, when later than the last point. */
export interface TodayPoint {
  day: string
  level: number
}

function xScale(points: LevelPoint[], left: number, width: number, today?: TodayPoint): (day: string) => number {
  const t0 = Date.parse(points[0]!.day)
  const t1 = Date.parse(today?.day ?? points[points.length - 1]!.day)
  const span = Math.max(DAY_MS, t1 - t0)
  return (day) => (t1 === t0 ? left + width / 2 : left + ((Date.parse(day) - t0) / span) * width)
}

const later = (points: LevelPoint[], today?: TodayPoint) => (today && today.day > points[points.length - 1]!.day ? today : undefined)

const fixed = (n: number) => n.toFixed(1)

export function sparkline(points: LevelPoint[], label: string, width = 120, height = 28, todayPoint?: TodayPoint): string {
  if (!points.length) return ''
  const today = later(points, todayPoint)
  const x = xScale(points, 2, width - 4, today)
  const y = (level: number) => 2 + ((1 - level) / 2) * (height - 4)
  const path = points.map((p) => `${fixed(x(p.day))},${fixed(y(p.level))}`).join(' ')
  const last = points[points.length - 1]!
  return (
    `<svg class="sparkline" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(label)}">` +
    `<line x1="0" x2="${width}" y1="${fixed(y(0))}" y2="${fixed(y(0))}" stroke="#ccc" stroke-width="1"/>` +
    `<polyline points="${path}" fill="none" stroke="#333" stroke-width="1.5"/>` +
    (today ? `<line x1="${fixed(x(last.day))}" y1="${fixed(y(last.level))}" x2="${fixed(x(today.day))}" y2="${fixed(y(today.level))}" stroke="#999" stroke-width="1.5" stroke-dasharray="3 2"/>` : '') +
    `<circle cx="${fixed(x(last.day))}" cy="${fixed(y(last.level))}" r="2.5" fill="${COLOURS[last.direction]}"/></svg>`
  )
}

export function levelChart(points: LevelPoint[], title: string, width = 720, height = 260, todayPoint?: TodayPoint): string {
  if (!points.length) return ''
  const today = later(points, todayPoint)
  const m = { left: 44, right: 16, top: 16, bottom: 32 }
  const w = width - m.left - m.right
  const h = height - m.top - m.bottom
  const x = xScale(points, m.left, w, today)
  const y = (level: number) => m.top + ((1 - level) / 2) * h
  const ticks = [1, 0.5, 0, -0.5, -1]
    .map((v) => `<g class="tick"><line x1="${m.left}" x2="${width - m.right}" y1="${fixed(y(v))}" y2="${fixed(y(v))}" stroke="${v === 0 ? '#999' : '#e5e5e5'}"/><text x="${m.left - 6}" y="${fixed(y(v) + 4)}" text-anchor="end" font-size="11">${v > 0 ? '+' : ''}${v}</text></g>`)
    .join('')
  const first = points[0]!.day
  const lastPoint = points[points.length - 1]!
  const last = today?.day ?? lastPoint.day
  const path = points.map((p) => `${fixed(x(p.day))},${fixed(y(p.level))}`).join(' ')
  const marks = points
    .map(
      (p) =>
        `<a href="#${p.day}"><circle class="shift ${p.direction}" data-day="${p.day}" cx="${fixed(x(p.day))}" cy="${fixed(y(p.level))}" r="5" fill="${COLOURS[p.direction]}"><title>${escapeHtml(`${p.day}: ${p.direction}, level ${p.level.toFixed(2)}`)}</title></circle></a>`,
    )
    .join('')
  const fade = today
    ? `<line class="decay" x1="${fixed(x(lastPoint.day))}" y1="${fixed(y(lastPoint.level))}" x2="${fixed(x(today.day))}" y2="${fixed(y(today.level))}" stroke="#999" stroke-width="2" stroke-dasharray="6 4"><title>${escapeHtml(`${today.day} (today): level ${today.level.toFixed(2)}, decayed since the last shift`)}</title></line>`
    : ''
  const desc =
    `Alignment level from ${first} to ${last}, between −1 (conflict) and +1 (cooperation); ${points.length} day${points.length === 1 ? '' : 's'} with shifts, level at the last shift ${lastPoint.level.toFixed(2)}` +
    (today ? `, decayed to ${today.level.toFixed(2)} by ${today.day} (dashed).` : '.')
  return (
    `<svg class="level-chart" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="chart-title chart-desc">` +
    `<title id="chart-title">${escapeHtml(title)}</title><desc id="chart-desc">${escapeHtml(desc)}</desc>` +
    ticks +
    `<text x="${m.left}" y="${height - 8}" font-size="11">${first}</text>` +
    (last !== first ? `<text x="${width - m.right}" y="${height - 8}" font-size="11" text-anchor="end">${last}</text>` : '') +
    (points.length > 1 ? `<polyline points="${path}" fill="none" stroke="#333" stroke-width="2"/>` : '') +
    fade +
    marks +
    `</svg>`
  )
}
