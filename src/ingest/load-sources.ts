// The source list wherever ENTENTE_SOURCES points, for both runtimes: an http(s) URL goes through the poller's
// guarded fetch and its limits (fetchSourceList); anything else is a local list the runtime reads (a file on Node,
// the bundled OPML on Workers), so the choice and the error text live here once.
import type { Source } from '../types.ts'
import type { FetchLike } from './fetch-source.ts'
import { fetchSourceList } from './fetch-source-list.ts'
import { readOpml } from './read-opml.ts'

export async function loadSources(
  location: string,
  fetchFn: FetchLike,
  readLocal: (location: string) => string,
): Promise<Source[]> {
  if (/^https?:\/\//i.test(location)) return fetchSourceList(fetchFn, location)
  let text: string
  try {
    text = readLocal(location)
  } catch (err) {
    throw new Error(`cannot read ENTENTE_SOURCES file ${location}: ${(err as Error).message}`)
  }
  return readOpml(text)
}
