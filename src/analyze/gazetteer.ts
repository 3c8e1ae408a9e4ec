// The actor index: every surface form of every actor, office holder and seat of power, in a token trie.
import type { ActorData, ActorKind, OfficeRole } from './data/actor-data.ts'
import { kindNouns } from './data/context-words.ts'
import { tokenize, type Token } from './tokenize.ts'

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
}

export interface PersonData {
  name: string
  aliases: string[]
  actor: string
  role: OfficeRole
  from: string
  to?: string
}

const VIA_RANK: Record<Via, number> = { name: 0, alias: 1, metonym: 2, person: 3, capital: 4, demonym: 5 }

function isAcronym(s: string): boolean {
  return /^[\p{Lu}\d.&+-]+$/u.test(s) && /\p{Lu}.*\p{Lu}/u.test(s)
}

export class Gazetteer {
  readonly actors = new Map<string, Actor>()
  private readonly root: Node = { next: new Map(), entries: [] }

  constructor(actors: ActorData[], people: PersonData[]) {
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
        ...(a.region ? { region: a.region } : {}),
        nouns: [...new Set([...(a.nouns ?? []), ...(kindNouns[a.kind] ?? [])].map((n) => n.toLowerCase()))],
      })
      this.add(a.name, { actor: a.id, via: 'name' })
      for (const x of a.aliases) {
        if (typeof x === 'string') this.add(x, { actor: a.id, via: 'alias' })
        else this.add(x.text, { actor: a.id, via: 'alias', ...(x.from ? { from: x.from } : {}), ...(x.to ? { to: x.to } : {}) })
      }
      if (a.capital) this.add(a.capital, { actor: a.id, via: 'capital' })
      for (const d of a.demonyms ?? []) this.add(d, { actor: a.id, via: 'demonym' })
      for (const m of a.metonyms ?? []) this.add(m, { actor: a.id, via: 'metonym' })
    }
    for (const p of people) {
      if (!this.actors.has(p.actor)) continue
      for (const n of [p.name, ...p.aliases]) {
        this.add(n, { actor: p.actor, via: 'person', from: p.from, ...(p.to ? { to: p.to } : {}), role: p.role, person: p.name })
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
    const exact = isAcronym(stripped) && stripped.replace(/[^\p{L}]/gu, '').length <= 6 ? tokens.map((t) => t.text).join(' ') : null
    node.entries.push({ ...e, exact, capitalised: /^\p{Lu}/u.test(stripped) })
  }

  /** Roll-up target for pair scoring. */
  rollup(id: string): string {
    const parent = this.actors.get(id)?.parent
    return parent && this.actors.has(parent) ? parent : id
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
      let best: { end: number; entry: Entry } | null = null
      for (let j = i; j < tokens.length && node; j++) {
        node = node.next.get(tokens[j]!.norm)
        if (!node) break
        if (node.entries.length) {
          const entry = this.pick(node.entries, tokens, i, j + 1, date)
          if (entry) best = { end: j + 1, entry }
        }
      }
      if (best) {
        const e = best.entry
        out.push({ start: i, end: best.end, actor: e.actor, via: e.via, ...(e.person ? { person: e.person } : {}), ...(e.role ? { role: e.role } : {}) })
        i = best.end
      } else i++
    }
    return out
  }

  private pick(entries: Entry[], tokens: Token[], start: number, end: number, date: string): Entry | null {
    const surface = tokens.slice(start, end).map((t) => t.text).join(' ')
    const first = tokens[start]!.text
    let best: Entry | null = null
    for (const e of entries) {
      if (e.exact !== null && e.exact !== surface) continue
      if (e.capitalised && !/^\p{Lu}/u.test(first)) continue
      if (e.from && date < e.from) continue
      if (e.to && date > e.to) continue
      if (!best || VIA_RANK[e.via] < VIA_RANK[best.via]) best = e
    }
    return best
  }
}
