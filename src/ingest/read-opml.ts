// OPML source lists. Only outline attributes matter, so a small attribute scanner is enough and keeps
// the Worker free of a second XML stack.
import type { Source } from '../types.ts'
import { decodeEntities } from './html-to-text.ts'
import { FeedError } from './parse-feed.ts'

export function readOpml(text: string): Source[] {
  if (!/<opml[\s>]/i.test(text)) throw new FeedError('not an OPML document: no <opml> element')
  const sources: Source[] = []
  const seen = new Set<string>()
  for (const m of text.matchAll(/<outline\b([^>]*)>/gi)) {
    const attrs: Record<string, string> = {}
    for (const a of m[1]!.matchAll(/([\w:-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
      attrs[a[1]!.toLowerCase()] = decodeEntities(a[3] ?? a[4] ?? '')
    }
    const url = attrs.xmlurl?.trim()
    if (!url) continue
    let parsed: URL
    try {
      parsed = new URL(url)
    } catch {
      throw new FeedError(`OPML outline has an invalid xmlUrl: ${url}`)
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new FeedError(`OPML outline xmlUrl must be http(s): ${url}`)
    if (seen.has(parsed.toString())) continue
    seen.add(parsed.toString())
    sources.push({
      url: parsed.toString(),
      title: (attrs.title || attrs.text || parsed.hostname).trim(),
      ...(attrs.htmlurl ? { siteUrl: attrs.htmlurl } : {}),
    })
  }
  return sources
}
