// The query parameters a route takes, declared once: the route validates with the declaration, the OpenAPI
// document describes from it, and a parameter the route does not take is refused (400, naming the ones it does)
// instead of being silently ignored. What a route renders, caches and links to is the canonical query built here
// from validated values only, written one way: `?min_confidence=0.50&direction=frozen` and
// `?direction=frozen&min_confidence=0.5` are one feed, one cache entry, one ETag, one self link.
import type { Gazetteer } from '../analyze/mentions/gazetteer.ts'
import { HttpError } from './errors.ts'

export interface ParamContext {
  gazetteer: Gazetteer
}

export interface QueryParam<K extends string = string, T = unknown> {
  name: K
  description: string
  /** JSON Schema of the raw value, for the OpenAPI document */
  schema: Record<string, unknown>
  /** validates a non-empty raw value; throws an HttpError(400) saying what is expected */
  parse: (raw: string, ctx: ParamContext) => T
  /** the canonical text of a parsed value (default String) */
  format?: (value: T) => string
  /** a value that means the same as leaving the parameter out: dropped from the canonical query */
  implied?: string
}

export const param = <K extends string, T>(p: QueryParam<K, T>): QueryParam<K, T> => p

type AnyParam = QueryParam<string, any>
export type ParamValues<P extends readonly AnyParam[]> = { [Q in P[number] as Q['name']]?: ReturnType<Q['parse']> }

export interface ReadQuery<P extends readonly AnyParam[]> {
  values: ParamValues<P>
  /** canonical query of the validated values, in declaration order, without `?` ('' when none) */
  canonical: URLSearchParams
}

const MAX_PARAMETERS = 30

/**
 * Validates `search` against `params`. Empty values count as absent (`?direction=`), a parameter given twice is
 * refused (lists are comma-separated), and so is any parameter the route does not take.
 */
export function readQuery<P extends readonly AnyParam[]>(
  search: URLSearchParams,
  params: P,
  ctx: ParamContext,
  route: string,
): ReadQuery<P> {
  const byName = new Map(params.map((p) => [p.name, p]))
  const seen = new Set<string>()
  let count = 0
  for (const [name] of search) {
    if (++count > MAX_PARAMETERS) throw new HttpError(400, `too many query parameters (at most ${MAX_PARAMETERS})`)
    if (!byName.has(name))
      throw new UnknownParameter(
        name,
        route,
        params.map((p) => p.name),
      )
    if (seen.has(name))
      throw new HttpError(400, `${name} is given more than once: give it once (lists are comma-separated)`)
    seen.add(name)
  }
  const values: Record<string, unknown> = {}
  const canonical = new URLSearchParams()
  for (const p of params) {
    const raw = search.get(p.name)
    if (raw === null || raw === '') continue
    const value = p.parse(raw, ctx)
    values[p.name] = value
    const text = p.format ? p.format(value) : String(value)
    if (text !== p.implied) canonical.set(p.name, text)
  }
  return { values: values as ParamValues<P>, canonical }
}

/** A 400 that also lists, machine-readably, the parameters the route takes. */
export class UnknownParameter extends HttpError {
  constructor(name: string, route: string, known: string[]) {
    super(
      400,
      `unknown parameter "${name.slice(0, 60)}": ${route} takes ${known.length ? known.join(', ') : 'no parameters'}`,
      { parameters: known },
    )
  }
}

/** `?a=1&b=2` or '': percent-encoded except commas, which separate list values and are legal in a query. */
export const queryString = (q: URLSearchParams): string =>
  q.size
    ? `?${[...q].map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v).replace(/%2C/g, ',')}`).join('&')}`
    : ''
