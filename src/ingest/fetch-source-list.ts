// The source list from an http(s) URL, Node and Workers alike: the same deadline, byte cap, redirect limit and
// address policy as a feed, so a hanging or endless list URL fails the poll that asked instead of every poll after it.
import type { Source } from '../types.ts'
import { decodeBody } from './decode-body.ts'
import { DEFAULT_LIMITS, fetchSource, type FetchLike, type FetchLimits } from './fetch-source.ts'
import { readOpml } from './read-opml.ts'

export async function fetchSourceList(
  fetchFn: FetchLike,
  url: string,
  limits: FetchLimits = DEFAULT_LIMITS,
): Promise<Source[]> {
  const res = await fetchSource(fetchFn, url, {}, limits)
  if (res.kind === 'error') throw new Error(`ENTENTE_SOURCES ${url}: ${res.message}`)
  if (res.kind === 'not-modified') throw new Error(`ENTENTE_SOURCES ${url} answered 304 to an unconditional request`)
  return readOpml(decodeBody(res.bytes, res.contentType).text)
}
