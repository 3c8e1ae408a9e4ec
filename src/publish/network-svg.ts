// Pictures of alignments as server-rendered SVG: an actor's ego network (the actor in the middle, its partners
// around it) and a network of the most active pairs. Each line is a pair, coloured by its current direction, thicker
// the larger its |level|, dashed when frozen; every line and name links to its pair or actor page. Names sit on the
// left and right of an ellipse, one row each, so labels never overlap however many there are and stay legible in a
// 400-unit drawing scaled to a 390 px phone. Pure and deterministic: the same pairs give the same bytes.
import type { Direction } from '../types.ts'
import { escapeHtml } from './escape.ts'
import { COLOURS } from './level-chart.ts'

export interface NetworkActor {
  id: string
  name: string
}

export interface NetworkPair {
  pair: string
  a: NetworkActor
  b: NetworkActor
  direction: Direction
  level: number
}

const WIDTH = 400
const ROW = 24
const FONT = 13
const fixed = (n: number) => n.toFixed(1)
const signed = (x: number) => (x > 0 ? `+${x.toFixed(2)}` : x < 0 ? `−${Math.abs(x).toFixed(2)}` : '0.00')

/**
 * The advance of a character in em, from the widths of a wide sans-serif (DejaVu Sans, what Linux offers for
 * system-ui): narrower fonts only clip a little early, and no label runs out of the drawing.
 */
function advance(ch: string): number {
  if ("il.,:;|!'ıj".includes(ch)) return 0.3
  if ('frt()-'.includes(ch)) return 0.42
  if (ch === ' ') return 0.33
  if ('mw'.includes(ch)) return 0.9
  if ('MW'.includes(ch)) return 0.95
  if (/[A-Z]/.test(ch)) return 0.74
  if (/[a-z0-9]/.test(ch)) return 0.63
  return 0.7
}

const textWidth = (s: string) => [...s].reduce((w, ch) => w + advance(ch), 0) * FONT

/** A name cut to `room` units with an ellipsis; the full name stays in the link's label and tooltip. */
function clipName(name: string, room: number): string {
  if (textWidth(name) <= room) return name
  const chars = [...name]
  while (chars.length > 3 && textWidth(`${chars.join('').trimEnd()}…`) > room) chars.pop()
  return `${chars.join('').trimEnd()}…`
}

interface Placed {
  actor: NetworkActor
  x: number
  y: number
  side: 'left' | 'right' | 'centre'
}

/**
 * Positions on the two sides of an ellipse around (cx, cy), each side top to bottom in equal rows, x following the
 * ellipse so the whole reads as a ring (or, not curved, two columns).
 */
function ring(
  right: NetworkActor[],
  left: NetworkActor[],
  cx: number,
  cy: number,
  rx: number,
  row: number,
  curved = true,
): Placed[] {
  const ry = (Math.max(right.length, left.length) * row) / 2 + row / 2
  const column = (list: NetworkActor[], side: 'left' | 'right') =>
    list.map((actor, j): Placed => {
      const y = cy - ((list.length - 1) * row) / 2 + j * row
      // Never closer to the middle than 40 units: a partner right above the centre would hide its line.
      const dx = curved ? Math.max(40, rx * Math.sqrt(Math.max(0, 1 - ((y - cy) / ry) ** 2))) : rx
      return { actor, x: side === 'right' ? cx + dx : cx - dx, y, side }
    })
  return [...column(right, 'right'), ...column(left, 'left')]
}

/** Rows spread to fill a readable height when there are few, ROW apart when there are many. */
const rowFor = (rows: number) => Math.max(ROW, Math.min(44, 240 / Math.max(1, rows)))

function edge(p: NetworkPair, from: Placed, to: Placed): string {
  const label = `${p.a.name}–${p.b.name}: ${p.direction}, level ${signed(p.level)}`
  // Between two names on one side a straight line would run through the names in between: it bends inwards.
  const bend =
    from.side === to.side && from.side !== 'centre'
      ? (from.side === 'right' ? -1 : 1) * (18 + Math.abs(to.y - from.y) * 0.35)
      : 0
  const shape = bend
    ? `path d="M${fixed(from.x)} ${fixed(from.y)}Q${fixed((from.x + to.x) / 2 + bend)} ${fixed((from.y + to.y) / 2)} ${fixed(to.x)} ${fixed(to.y)}" fill="none"`
    : `line x1="${fixed(from.x)}" y1="${fixed(from.y)}" x2="${fixed(to.x)}" y2="${fixed(to.y)}"`
  // From the level as its label shows it, so two lines that say the same level are drawn alike.
  const width = 1.5 + 5 * Math.min(1, Math.abs(Number(p.level.toFixed(2))))
  return (
    `<a href="/pairs/${p.pair}" class="edge ${p.direction}" aria-label="${escapeHtml(label)}"><title>${escapeHtml(label)}</title>` +
    `<${shape} class="stroke" stroke="${COLOURS[p.direction]}" stroke-width="${fixed(width)}" stroke-linecap="round"${p.direction === 'frozen' ? ' stroke-dasharray="6 4"' : ''}/>` +
    // A wide transparent twin: a thin line is hard to tap.
    `<${shape} class="hit" stroke-width="14"/></a>`
  )
}

function node(n: Placed, edgeOf?: NetworkPair): string {
  const { actor, x, y, side } = n
  const anchor = side === 'right' ? 'start' : side === 'left' ? 'end' : 'middle'
  const room = side === 'right' ? WIDTH - x - 16 : side === 'left' ? x - 16 : WIDTH
  const tx = side === 'right' ? x + 10 : side === 'left' ? x - 10 : x
  const ty = side === 'centre' ? y + 26 : y + FONT * 0.35
  const colour = edgeOf ? COLOURS[edgeOf.direction] : '#555'
  return (
    `<a href="/actors/${actor.id}" class="node${side === 'centre' ? ' centre' : ''}" aria-label="${escapeHtml(actor.name)}"><title>${escapeHtml(actor.name)}</title>` +
    `<circle cx="${fixed(x)}" cy="${fixed(y)}" r="${side === 'centre' ? 9 : 6}" fill="${side === 'centre' ? '#1b1b1b' : '#fff'}" stroke="${colour}" stroke-width="2"/>` +
    `<text x="${fixed(tx)}" y="${fixed(ty)}" font-size="${FONT}" text-anchor="${anchor}"${side === 'centre' ? ' font-weight="600" stroke="#fff" stroke-width="4" paint-order="stroke"' : ''}>${escapeHtml(side === 'centre' ? actor.name : clipName(actor.name, room))}</text></a>`
  )
}

function frame(id: string, title: string, desc: string, height: number, body: string): string {
  return (
    // role="group", not "img": an image's children are hidden from screen readers, and these are links.
    `<svg class="network" id="${id}" width="${WIDTH}" height="${fixed(height)}" viewBox="0 0 ${WIDTH} ${fixed(height)}" role="group" aria-labelledby="${id}-title" aria-describedby="${id}-desc">` +
    `<title id="${id}-title">${escapeHtml(title)}</title><desc id="${id}-desc">${escapeHtml(desc)}</desc>${body}</svg>`
  )
}

const describe = (pairs: NetworkPair[]) => {
  const counts = (['improving', 'deteriorating', 'frozen', 'stable'] as const)
    .map((d) => [d, pairs.filter((p) => p.direction === d).length] as const)
    .filter(([, n]) => n)
  return counts.map(([d, n]) => `${n} ${d}`).join(', ')
}

/**
 * `centre` and its partners: `pairs` are the centre's pairs, strongest first; the first `max` are drawn. Partners
 * alternate right and left in that order, so the strongest sit at the top of both sides.
 */
export function egoNetwork(centre: NetworkActor, pairs: NetworkPair[], max = 24): string {
  if (!pairs.length) return ''
  const shown = pairs.slice(0, max)
  const partner = (p: NetworkPair) => (p.a.id === centre.id ? p.b : p.a)
  const rows = Math.ceil(shown.length / 2)
  const row = rowFor(rows)
  const height = Math.max(120, rows * row + 40)
  const cx = WIDTH / 2
  const cy = height / 2
  const partners = shown.map(partner)
  const placed = ring(
    partners.filter((_, i) => i % 2 === 0),
    partners.filter((_, i) => i % 2 === 1),
    cx,
    cy,
    70,
    row,
  )
  const mid: Placed = { actor: centre, x: cx, y: cy, side: 'centre' }
  const at = new Map(placed.map((n) => [n.actor.id, n]))
  const edges = shown.map((p) => edge(p, mid, at.get(partner(p).id)!)).join('')
  const nodes = shown.map((p) => node(at.get(partner(p).id)!, p)).join('')
  const desc = `${centre.name} and ${shown.length === pairs.length ? `its ${pairs.length} partner${pairs.length === 1 ? '' : 's'}` : `the ${shown.length} strongest of its ${pairs.length} partners`}: ${describe(shown)}. Each line links to the pair’s page, each name to the actor’s.`
  return frame(
    'ego-network',
    `${centre.name}’s alignments`,
    desc,
    height,
    `<g class="edges">${edges}</g><g class="nodes">${nodes}${node(mid)}</g>`,
  )
}

/**
 * Several pairs between many actors, e.g. the most active of the last 30 days. Actors take sides by their distance
 * from the most connected one (odd on the left, even on the right), so most lines cross the middle instead of running
 * along a side; each side is then ordered by where its partners sit, a few sweeps back and forth, to untangle lines.
 */
export function pairNetwork(pairs: NetworkPair[], title: string, about: string): string {
  if (!pairs.length) return ''
  const actors = new Map<string, NetworkActor>()
  const links = new Map<string, string[]>()
  const link = (x: string, y: string) => {
    const list = links.get(x)
    if (list) list.push(y)
    else links.set(x, [y])
  }
  for (const p of pairs) {
    actors.set(p.a.id, p.a)
    actors.set(p.b.id, p.b)
    link(p.a.id, p.b.id)
    link(p.b.id, p.a.id)
  }
  const degree = (id: string) => links.get(id)!.length
  const byDegree = (x: string, y: string) => degree(y) - degree(x) || x.localeCompare(y)
  const depth = new Map<string, number>()
  const order: string[] = []
  for (const start of [...actors.keys()].sort(byDegree)) {
    if (depth.has(start)) continue
    depth.set(start, 0)
    const queue = [start]
    while (queue.length) {
      const id = queue.shift()!
      order.push(id)
      for (const next of [...links.get(id)!].sort(byDegree)) {
        if (depth.has(next)) continue
        depth.set(next, depth.get(id)! + 1)
        queue.push(next)
      }
    }
  }
  // Sides are not balanced: a hub alone on its side with its partners fanned out opposite reads better than half of
  // them beside it.
  let right = order.filter((id) => depth.get(id)! % 2 === 0)
  let left = order.filter((id) => depth.get(id)! % 2 === 1)
  const sweep = (side: string[], other: string[]) => {
    const row = new Map(other.map((id, i) => [id, i / Math.max(1, other.length - 1)]))
    const own = new Map(side.map((id, i) => [id, i / Math.max(1, side.length - 1)]))
    const centre = (id: string) => {
      const across = links.get(id)!.filter((n) => row.has(n))
      return across.length ? across.reduce((sum, n) => sum + row.get(n)!, 0) / across.length : own.get(id)!
    }
    return [...side].sort((x, y) => centre(x) - centre(y) || own.get(x)! - own.get(y)!)
  }
  for (let i = 0; i < 4; i++) {
    left = sweep(left, right)
    right = sweep(right, left)
  }
  const rows = Math.max(right.length, left.length)
  const row = rowFor(rows)
  const height = Math.max(100, rows * row + 24)
  // Two straight columns: the lines between the sides carry the picture.
  const placed = ring(
    right.map((id) => actors.get(id)!),
    left.map((id) => actors.get(id)!),
    WIDTH / 2,
    height / 2,
    70,
    row,
    false,
  )
  const at = new Map(placed.map((n) => [n.actor.id, n]))
  const edges = pairs.map((p) => edge(p, at.get(p.a.id)!, at.get(p.b.id)!)).join('')
  const nodes = placed.map((n) => node(n)).join('')
  const desc = `${pairs.length} pair${pairs.length === 1 ? '' : 's'} between ${actors.size} actors, ${about}: ${describe(pairs)}. Each line links to the pair’s page, each name to the actor’s.`
  return frame('pair-network', title, desc, height, `<g class="edges">${edges}</g><g class="nodes">${nodes}</g>`)
}
