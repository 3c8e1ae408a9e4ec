// SVG charts of a pair's level over time: a labelled chart for the pair page, a sparkline for listings. Pure strings,
// escaped, accessible (role="img" with a title and a description), no scripts, the same output for the same input.
// The chart reads with one day (a dot with its date and level) as with 500 (dots shrink to their spacing, the axis
// shows years, months or days, as many as fit without touching). Given the level as of today, both draw its decay
// since the last shift as a dashed line, so old news visibly fades: to scale when the last shift is recent beside the
// history, else past a break in the time axis, so a pair last seen years ago keeps its history legible.
import type { Direction } from '../types.ts'
import { escapeHtml } from './escape.ts'

export interface LevelPoint {
  day: string
  level: number
  direction: Direction
  score: number
}

export const COLOURS: Record<Direction, string> = {
  improving: '#0a7a2f',
  deteriorating: '#b3261e',
  frozen: '#1f5fa8',
  stable: '#666666',
}
const DAY_MS = 86_400_000
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** The level on the day of reading, when later than the last point. */
export interface TodayPoint {
  day: string
  level: number
}

/** Days without shifts from which the decay to today is drawn past a break in the axis rather than to scale. */
const BREAK_AFTER_DAYS = 14
/** Room between the history's last dot and the break. */
const BREAK_PAD = 8

interface TimeAxis {
  x: (day: string) => number
  /** where the axis breaks (the decay to today is drawn past it, not to scale); null when all is to scale */
  breakX: number | null
  /** the history's first and last instants and the width it is drawn over */
  t0: number
  t1: number
  span: number
}

/**
 * Where each day sits between `left` and `left + width`, today (when given) at the right end. To scale when today
 * is at most two weeks, or a quarter of the history, after the last shift; otherwise the history keeps the width
 * less a tail (`tail` of it), and the decay to today crosses a break: squeezing years of silence to scale would
 * press the whole history against the left edge.
 */
function timeAxis(
  points: LevelPoint[],
  left: number,
  width: number,
  today: TodayPoint | undefined,
  tail: number,
): TimeAxis {
  const t0 = Date.parse(points[0]!.day)
  const last = Date.parse(points[points.length - 1]!.day)
  const gap = today ? (Date.parse(today.day) - last) / DAY_MS : 0
  if (!today || gap <= Math.max(BREAK_AFTER_DAYS, (last - t0) / DAY_MS / 4)) {
    const t1 = today ? Date.parse(today.day) : last
    const span = Math.max(DAY_MS, t1 - t0)
    return {
      x: (day) => (t0 === t1 ? left + width / 2 : left + ((Date.parse(day) - t0) / span) * width),
      breakX: null,
      t0,
      t1,
      span: width,
    }
  }
  const span = width - tail - BREAK_PAD
  const end = left + width
  return {
    x: (day) =>
      day === today.day ? end : t0 === last ? left + span / 2 : left + ((Date.parse(day) - t0) / (last - t0)) * span,
    breakX: left + width - tail,
    t0,
    t1: last,
    span,
  }
}

/** Two slanted strokes across the time axis at `x`: the span between its sides is not drawn to scale. */
const breakMark = (x: number, y: number, size: number, title: string) =>
  `<g class="axis-break" stroke="#777" stroke-width="1.5"><title>${escapeHtml(title)}</title><line x1="${fixed(x - size)}" y1="${fixed(y + size)}" x2="${fixed(x - size / 3)}" y2="${fixed(y - size)}"/><line x1="${fixed(x + size / 3)}" y1="${fixed(y + size)}" x2="${fixed(x + size)}" y2="${fixed(y - size)}"/></g>`

const gapText = (from: string, to: string) => {
  const days = Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS)
  return `${days} day${days === 1 ? '' : 's'} without shifts between ${from} and ${to}`
}

const later = (points: LevelPoint[], today?: TodayPoint) =>
  today && today.day > points[points.length - 1]!.day ? today : undefined

const fixed = (n: number) => n.toFixed(1)
const signed = (x: number) => (x > 0 ? `+${x.toFixed(2)}` : x < 0 ? `−${Math.abs(x).toFixed(2)}` : '0.00')

export function sparkline(
  points: LevelPoint[],
  label: string,
  width = 120,
  height = 28,
  todayPoint?: TodayPoint,
): string {
  if (!points.length) return ''
  const today = later(points, todayPoint)
  const axis = timeAxis(points, 2, width - 4, today, Math.round((width - 4) * 0.2))
  const x = axis.x
  const y = (level: number) => 2 + ((1 - level) / 2) * (height - 4)
  const last = points[points.length - 1]!
  // One day is a short flat stroke ending in its dot, not a dot floating alone.
  const path =
    points.length === 1
      ? `${fixed(Math.max(0, x(last.day) - 12))},${fixed(y(last.level))} ${fixed(x(last.day))},${fixed(y(last.level))}`
      : points.map((p) => `${fixed(x(p.day))},${fixed(y(p.level))}`).join(' ')
  return (
    `<svg class="sparkline" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(label)}">` +
    `<line x1="0" x2="${width}" y1="${fixed(y(0))}" y2="${fixed(y(0))}" stroke="#ccc" stroke-width="1"/>` +
    (axis.breakX !== null && today ? breakMark(axis.breakX, y(0), 3, gapText(last.day, today.day)) : '') +
    `<polyline points="${path}" fill="none" stroke="#333" stroke-width="1.5"/>` +
    (today
      ? `<line x1="${fixed(x(last.day))}" y1="${fixed(y(last.level))}" x2="${fixed(x(today.day))}" y2="${fixed(y(today.level))}" stroke="#999" stroke-width="1.5" stroke-dasharray="3 2"/>`
      : '') +
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
    unit === 'day'
      ? new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate()))
      : unit === 'month'
        ? new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1))
        : new Date(Date.UTC(start.getUTCFullYear(), 0, 1))
  for (let guard = 0; guard < 1000 && d.getTime() <= t1; guard++) {
    const aligned =
      unit === 'day' ? true : unit === 'month' ? d.getUTCMonth() % step === 0 : d.getUTCFullYear() % step === 0
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
    d =
      unit === 'day'
        ? new Date(d.getTime() + step * DAY_MS)
        : unit === 'month'
          ? new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))
          : new Date(Date.UTC(d.getUTCFullYear() + 1, 0, 1))
  }
  return out
}

const STEPS: ['day' | 'month' | 'year', number][] = [
  ['day', 1],
  ['day', 2],
  ['day', 7],
  ['day', 14],
  ['month', 1],
  ['month', 2],
  ['month', 3],
  ['month', 6],
  ['year', 1],
  ['year', 2],
  ['year', 5],
  ['year', 10],
  ['year', 25],
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
  /** the level on the day of reading, drawn as a dashed decay from the last shift when later than it */
  today?: TodayPoint
}

export function levelChart(points: LevelPoint[], title: string, options: ChartOptions = {}): string {
  if (!points.length) return ''
  const { width = 720, height = 260, id = 'chart', className = 'level-chart', linked } = options
  const today = later(points, options.today)
  const font = 11
  const m = { left: width < 500 ? 34 : 44, right: 16, top: 18, bottom: 32 }
  const w = width - m.left - m.right
  const h = height - m.top - m.bottom
  // The tail past a break holds today's date under its end and the level beside it.
  const axis = timeAxis(points, m.left, w, today, Math.max(56, Math.round(w * 0.16)))
  const x = axis.x
  const y = (level: number) => m.top + ((1 - level) / 2) * h
  const grid = [1, 0.5, 0, -0.5, -1]
    .map(
      (v) =>
        `<g class="tick"><line x1="${m.left}" x2="${width - m.right}" y1="${fixed(y(v))}" y2="${fixed(y(v))}" stroke="${v === 0 ? '#999' : '#e5e5e5'}"/><text x="${m.left - 6}" y="${fixed(y(v) + 4)}" text-anchor="end" font-size="${font}">${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v)}</text></g>`,
    )
    .join('')
  const first = points[0]!
  const lastPoint = points[points.length - 1]!
  const last = today ?? lastPoint
  const base = height - m.bottom
  const label = (cls: string, lx: number, text: string, anchor = 'middle') =>
    `<text class="${cls}" x="${fixed(lx)}" y="${height - 10}" font-size="${font}" text-anchor="${anchor}">${text}</text>`
  // Past a break, today's date ends the axis; the history's ticks stop short of it.
  const todayLabel = axis.breakX !== null ? label('axis today', m.left + w, last.day, 'end') : ''
  const room = axis.breakX !== null ? m.left + w - last.day.length * font * 0.62 - font : Infinity
  const charWidth = font * 0.62
  // One day (to scale, or alone before a break): its own date under its dot. More: calendar ticks, as many as fit.
  const ticksHtml =
    axis.t0 === axis.t1
      ? label('axis', x(first.day), first.day)
      : axisTicks(axis.t0, axis.t1, axis.span, font)
          .map((t) => ({ ...t, tx: m.left + ((t.t - axis.t0) / (axis.t1 - axis.t0)) * axis.span }))
          .filter((t) => t.tx + (t.label.length * charWidth) / 2 <= room)
          .map(
            (t) =>
              `<line x1="${fixed(t.tx)}" x2="${fixed(t.tx)}" y1="${base}" y2="${base + 4}" stroke="#999"/>${label('axis', t.tx, t.label)}`,
          )
          .join('')
  // Dots as large as their spacing allows: five pixels for a few days, under two for hundreds.
  const spacing = points.length > 1 ? (x(lastPoint.day) - x(first.day)) / (points.length - 1) : w
  const r = Math.max(1.75, Math.min(5, spacing * 0.4))
  const path = points.map((p) => `${fixed(x(p.day))},${fixed(y(p.level))}`).join(' ')
  const marks = points
    .map((p) => {
      const dot = `<circle class="shift ${p.direction}" data-day="${p.day}" cx="${fixed(x(p.day))}" cy="${fixed(y(p.level))}" r="${fixed(r)}" fill="${COLOURS[p.direction]}"><title>${escapeHtml(`${p.day}: ${p.direction}, level ${signed(p.level)}`)}</title></circle>`
      return !linked || linked.has(p.day) ? `<a href="#${p.day}">${dot}</a>` : dot
    })
    .join('')
  const gap = today && axis.breakX !== null ? gapText(lastPoint.day, today.day) : ''
  const fade = today
    ? `<line class="decay" x1="${fixed(x(lastPoint.day))}" y1="${fixed(y(lastPoint.level))}" x2="${fixed(x(today.day))}" y2="${fixed(y(today.level))}" stroke="#999" stroke-width="2" stroke-dasharray="6 4"><title>${escapeHtml(`${today.day} (today): level ${today.level.toFixed(2)}, decayed since the last shift`)}</title></line>` +
      (axis.breakX !== null ? breakMark(axis.breakX, base, 5, gap) : '')
    : ''
  // A level beside its point, kept inside the frame: the level now at the end of the line, and past a break the level
  // the last shift left, beside its dot (under it when the two would touch).
  const levelText = (cls: string, day: string, level: number, below = false) => {
    const lx = x(day)
    const nearRight = lx > width - m.right - 40
    const tx = nearRight ? lx - r - 3 : lx + r + 3
    const ty = below ? y(level) + r + font : y(level) - r - 3
    const text = signed(level)
    const x0 = nearRight ? tx - text.length * charWidth : tx
    return {
      html: `<text class="${cls}" x="${fixed(tx)}" y="${fixed(ty)}" font-size="${font}" text-anchor="${nearRight ? 'end' : 'start'}">${text}</text>`,
      box: [x0, ty - font, x0 + text.length * charWidth, ty] as const,
    }
  }
  const touch = (a: readonly number[], b: readonly number[]) =>
    a[0]! < b[2]! && b[0]! < a[2]! && a[1]! < b[3]! && b[1]! < a[3]!
  const nowText = levelText('now', last.day, last.level)
  let lastText = gap ? levelText('last', lastPoint.day, lastPoint.level) : null
  if (lastText && touch(lastText.box, nowText.box)) lastText = levelText('last', lastPoint.day, lastPoint.level, true)
  const now = nowText.html + (lastText?.html ?? '')
  const desc =
    `Alignment level ${first.day === last.day ? `on ${first.day}` : `from ${first.day} to ${last.day}`}, between −1 (conflict) and +1 (cooperation); ${points.length} day${points.length === 1 ? '' : 's'} with shifts, ` +
    (today
      ? `level at the last shift ${lastPoint.level.toFixed(2)}, decayed to ${today.level.toFixed(2)} by ${today.day} (dashed${gap ? `; the time axis breaks over the ${gap}` : ''}).`
      : `latest level ${lastPoint.level.toFixed(2)}.`)
  return (
    `<svg class="${className}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc">` +
    `<title id="${id}-title">${escapeHtml(title)}</title><desc id="${id}-desc">${escapeHtml(desc)}</desc>` +
    grid +
    ticksHtml +
    todayLabel +
    (points.length > 1
      ? `<polyline points="${path}" fill="none" stroke="#333" stroke-width="${points.length > 100 ? 1.25 : 2}"/>`
      : '') +
    fade +
    marks +
    now +
    `</svg>`
  )
}

/**
 * The chart twice, wide for desktops and narrow for phones, the stylesheet showing one: scaled down to a phone, the
 * wide drawing's text would shrink to half its size. The hidden one is display:none, so it is not read twice.
 */
export function levelFigure(
  points: LevelPoint[],
  title: string,
  linked?: ReadonlySet<string>,
  today?: TodayPoint,
): string {
  const link = { ...(linked ? { linked } : {}), ...(today ? { today } : {}) }
  return (
    levelChart(points, title, { id: 'chart', className: 'level-chart chart-wide', ...link }) +
    levelChart(points, title, {
      width: 360,
      height: 220,
      id: 'chart-narrow',
      className: 'level-chart chart-narrow',
      ...link,
    })
  )
}
