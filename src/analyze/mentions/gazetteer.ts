// The actor index: every surface form of every actor, office holder and seat of power, in a token trie.
import type { ActorData, ActorKind, OfficeRole } from '../data/actor-data.ts'
import { kindNouns } from '../data/context-words.ts'
import { tokenize, type Token } from '../text/tokenize.ts'

export type Via = 'name' | 'alias' | 'capital' | 'demonym' | 'metonym' | 'person'

export interface Actor {
  id: string
  name: string
  kind: ActorKind
  aliases: string[]
  capital?: string
  demonyms?: string[]
  metonyms?: string[]
  parent?: string
  within?: string
  home?: string
  governs?: { state: string; from: string; to?: string }[]
  region?: string
  /** class nouns a definite reference may use ("kingdom", "group"), specific and generic */
  nouns: string[]
}

interface Entry {
  actor: string
  via: Via
  /** acronyms match only in capitals */
  exact: string | null
  /** a capitalised alias must appear capitalised */
  capitalised: boolean
  from?: string
  to?: string
  role?: OfficeRole
  person?: string
}

interface Node {
  next: Map<string, Node>
  entries: Entry[]
}

export interface Match {
  start: number // token index
  end: number // token index, exclusive
  actor: string
  via: Via
  person?: string
  role?: OfficeRole
  /** other actors the same words name ("Brussels": the EU, or Belgium's capital), for context to decide */
  alternatives?: { actor: string; via: Via }[]
}

export interface PersonData {
  name: string
  aliases: string[]
  actor: string
  role: OfficeRole
  from: string
  to?: string
}

const CAPITAL = /^\p{Lu}/u
const VIA_RANK: Record<Via, number> = { name: 0, alias: 1, metonym: 2, person: 3, capital: 4, demonym: 5 }

const GRACE_DAYS = 90
const graceMemo = new Map<string, string>()
/** The day GRACE_DAYS before a YYYY-MM-DD date. */
function graceFrom(from: string): string {
  let out = graceMemo.get(from)
  if (!out) {
    out = new Date(Date.parse(`${from}T00:00:00Z`) - GRACE_DAYS * 86_400_000).toISOString().slice(0, 10)
    graceMemo.set(from, out)
  }
  return out
}

/** An acronym said as a word ("NATO", "OPEC", "ETA"), which some style guides write in title case. */
function spokenAcronym(s: string): boolean {
  return /^[A-Z]+$/.test(s) && ((s.length >= 4 && /[AEIOU]/.test(s)) || s === 'ETA')
}

function isAcronym(s: string): boolean {
  return /^[\p{Lu}\d.&+-]+$/u.test(s) && /\p{Lu}.*\p{Lu}/u.test(s)
}

export class Gazetteer {
  readonly actors = new Map<string, Actor>()
  private readonly root: Node = { next: new Map(), entries: [] }

  constructor(actors: ActorData[], people: PersonData[], nonActors: string[] = []) {
    for (const a of actors) {
      const aliases = a.aliases.map((x) => (typeof x === 'string' ? x : x.text))
      this.actors.set(a.id, {
        id: a.id,
        name: a.name,
        kind: a.kind,
        aliases,
        ...(a.capital ? { capital: a.capital } : {}),
        ...(a.demonyms ? { demonyms: a.demonyms } : {}),
        ...(a.metonyms ? { metonyms: a.metonyms } : {}),
        ...(a.parent ? { parent: a.parent } : {}),
        ...(a.within ? { within: a.within } : {}),
        ...(a.home ? { home: a.home } : {}),
        ...(a.governs ? { governs: a.governs } : {}),
        ...(a.region ? { region: a.region } : {}),
        nouns: [...new Set([...(a.nouns ?? []), ...(kindNouns[a.kind] ?? [])].map((n) => n.toLowerCase()))],
      })
      this.add(a.name, { actor: a.id, via: 'name' })
      for (const x of a.aliases) {
        if (typeof x === 'string') this.add(x, { actor: a.id, via: 'alias' })
        else
          this.add(x.text, {
            actor: a.id,
            via: 'alias',
            ...(x.from ? { from: x.from } : {}),
            ...(x.to ? { to: x.to } : {}),
          })
      }
      if (a.capital) this.add(a.capital, { actor: a.id, via: 'capital' })
      for (const d of a.demonyms ?? []) this.add(d, { actor: a.id, via: 'demonym' })
      for (const m of a.metonyms ?? []) this.add(m, { actor: a.id, via: 'metonym' })
    }
    // Longer names that only contain an actor's name: matched as a unit so that nothing is reported for them.
    for (const n of nonActors) this.add(n, { actor: '', via: 'name' })
    for (const p of people) {
      if (!this.actors.has(p.actor)) continue
      for (const n of [p.name, ...p.aliases]) {
        this.add(n, {
          actor: p.actor,
          via: 'person',
          from: p.from,
          ...(p.to ? { to: p.to } : {}),
          role: p.role,
          person: p.name,
        })
      }
    }
  }

  private add(surface: string, e: Omit<Entry, 'exact' | 'capitalised'>): void {
    const stripped = surface.replace(/^the\s+/i, '').trim()
    if (!stripped) return
    const tokens = tokenize(stripped)
    if (!tokens.length) return
    let node = this.root
    for (const t of tokens) {
      let next = node.next.get(t.norm)
      if (!next) {
        next = { next: new Map(), entries: [] }
        node.next.set(t.norm, next)
      }
      node = next
    }
    const exact =
      isAcronym(stripped) && stripped.replace(/[^\p{L}]/gu, '').length <= 6 ? tokens.map((t) => t.text).join(' ') : null
    node.entries.push({ ...e, exact, capitalised: /^\p{Lu}/u.test(stripped) })
  }

  /** Roll-up target for pair scoring: the parent of a part, or the state a movement governed on `date`. */
  rollup(id: string, date?: string): string {
    const actor = this.actors.get(id)
    const parent = actor?.parent
    const top = parent && this.actors.has(parent) ? parent : id
    const governed = date
      ? this.actors.get(top)?.governs?.find((g) => date >= g.from && (!g.to || date <= g.to))
      : undefined
    return governed && this.actors.has(governed.state) ? governed.state : top
  }

  /** Whether one of the two actors is an organ of the other ("UN Security Council" within "United Nations"). */
  organOf(a: string, b: string): boolean {
    return this.actors.get(a)?.within === b || this.actors.get(b)?.within === a
  }

  /** Whether one of the two is a political party of the other state ("the opposition MDC" and Zimbabwe): domestic politics. */
  domestic(a: string, b: string): boolean {
    return this.actors.get(a)?.home === b || this.actors.get(b)?.home === a
  }

  name(id: string): string {
    return this.actors.get(id)?.name ?? id
  }

  /** Longest matches, left to right, valid on `date` (YYYY-MM-DD). */
  find(tokens: Token[], date: string): Match[] {
    const out: Match[] = []
    let i = 0
    while (i < tokens.length) {
      let node: Node | undefined = this.root
      let best: { end: number; entry: Entry; node: Node } | null = null
      for (let j = i; j < tokens.length && node; j++) {
        node = node.next.get(tokens[j]!.norm)
        if (!node) break
        if (node.entries.length) {
          const entry = this.pick(node.entries, tokens, i, j + 1, date)
          if (entry) best = { end: j + 1, entry, node }
        }
      }
      if (best && !best.entry.actor) i = best.end
      else if (best) {
        const e = best.entry
        // "President Xi Jinping": a name of the same actor that starts inside the match and runs past it extends it
        for (let k = i + 1; k < best.end; k++) {
          const end = this.longestFrom(tokens, k, date, e.actor)
          if (end > best.end) best.end = end
        }
        const others =
          best.node.entries.length > 1
            ? this.valid(best.node.entries, tokens, i, best.end, date).filter(
                (o) =>
                  o.actor && o.actor !== e.actor && (o.via === 'capital' || o.via === 'metonym' || o.via === 'alias'),
              )
            : []
        const alternatives = others.length
          ? [...new Map(others.map((o) => [o.actor, { actor: o.actor, via: o.via }])).values()]
          : []
        out.push({
          start: i,
          end: best.end,
          actor: e.actor,
          via: e.via,
          ...(e.person ? { person: e.person } : {}),
          ...(e.role ? { role: e.role } : {}),
          ...(alternatives.length ? { alternatives } : {}),
        })
        i = best.end
      } else i++
    }
    return out
  }

  /** The end of the longest name of `actor` starting at token k, or -1. */
  private longestFrom(tokens: Token[], k: number, date: string, actor: string): number {
    let node: Node | undefined = this.root
    let end = -1
    for (let j = k; j < tokens.length && node; j++) {
      node = node.next.get(tokens[j]!.norm)
      if (node?.entries.some((x) => x.actor === actor && this.isValid(x, tokens, k, j + 1, date))) end = j + 1
    }
    return end
  }

  private isValid(e: Entry, tokens: Token[], start: number, end: number, date: string): boolean {
    if (e.exact !== null) {
      const text = tokens
        .slice(start, end)
        .map((t) => t.text)
        .join(' ')
      // "Nato", "Eta", "Opec": British style writes an acronym spoken as a word in title case
      if (e.exact !== text && !(spokenAcronym(e.exact) && text === e.exact[0] + e.exact.slice(1).toLowerCase()))
        return false
    }
    if (e.capitalised && !CAPITAL.test(tokens[start]!.text)) return false
    // an office holder speaks for the actor from shortly before taking office (president-elect, prime minister
    // designate), and news dated roughly is read with that much slack
    if (e.from && date < (e.via === 'person' ? graceFrom(e.from) : e.from)) return false
    return !(e.to && date > e.to)
  }

  private valid(entries: Entry[], tokens: Token[], start: number, end: number, date: string): Entry[] {
    return entries.filter((e) => this.isValid(e, tokens, start, end, date))
  }

  private pick(entries: Entry[], tokens: Token[], start: number, end: number, date: string): Entry | null {
    let best: Entry | null = null
    for (const e of entries.length === 1
      ? this.isValid(entries[0]!, tokens, start, end, date)
        ? entries
        : []
      : this.valid(entries, tokens, start, end, date)) {
      // an actor's own name wins over a non-actor name spelled the same way
      if (!best || (!best.actor && e.actor) || (!!e.actor === !!best.actor && VIA_RANK[e.via] < VIA_RANK[best.via]))
        best = e
    }
    return best
  }
}
