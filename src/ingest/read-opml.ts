// OPML source lists, read with a real XML parser (sax, already in the Worker through rss-parser's xml2js), so an
// outline inside a comment, a CDATA section or a processing instruction is not a source. The list may come from a
// URL, so it is hostile input: sax reads it in one linear pass, expands no DTD entities, and stops at 64 KB per
// name or attribute. It runs in loose mode because hand-written lists often carry a bare `&` in a feed URL.
import sax from 'sax'
import type { Source } from '../types.ts'
import { stripControlChars } from './html-to-text.ts'
import { httpUrl } from './http-url.ts'
import { FeedError } from './parse-feed.ts'

/** One `<outline>` with an `xmlUrl`, as written: the URL is not resolved or checked. */
export interface OpmlOutline {
  xmlUrl: string
  htmlUrl: string | null
  title: string
}

/** The outlines of an OPML document that name a feed (`xmlUrl`), in document order. */
export function readOutlines(text: string): OpmlOutline[] {
  const parser = sax.parser(false, { lowercase: true, position: false })
  const outlines: OpmlOutline[] = []
  let sawOpml = false
  let closedOpml = false
  let failure: Error | null = null
  parser.onerror = (err) => {
    failure ??= err
  }
  parser.onclosetag = (name) => {
    if (name === 'opml') closedOpml = true
  }
  parser.onopentag = (node) => {
    if (node.name === 'opml') sawOpml = true
    if (node.name !== 'outline') return
    const attrs = node.attributes as Record<string, string>
    const xmlUrl = attrs.xmlurl?.trim()
    if (!xmlUrl) return
    outlines.push({
      xmlUrl,
      htmlUrl: attrs.htmlurl?.trim() || null,
      title: stripControlChars(attrs.title || attrs.text || '')
        .trim()
        .slice(0, 300),
    })
  }
  try {
    parser.write(text).close()
  } catch (err) {
    // sax throws on the write after an error; the first error is the one worth reporting.
    failure ??= err instanceof Error ? err : new Error(String(err))
  }
  if (failure) throw new FeedError(`malformed OPML: ${failure.message.split('\n')[0]}`)
  if (!sawOpml) throw new FeedError('not an OPML document: no <opml> element')
  // Loose mode forgives a missing end tag; a list cut short may have lost outlines, so it is refused.
  if (!closedOpml) throw new FeedError('malformed OPML: the document ends before </opml> (truncated?)')
  return outlines
}

/** The sources to poll: every outline's http(s) `xmlUrl`, once each. Any other URL stops the list with an error. */
export function readOpml(text: string): Source[] {
  const sources: Source[] = []
  const seen = new Set<string>()
  for (const outline of readOutlines(text)) {
    const url = outline.xmlUrl
    try {
      new URL(url)
    } catch {
      throw new FeedError(`OPML outline has an invalid xmlUrl: ${url.slice(0, 200)}`)
    }
    const parsed = httpUrl(url)
    if (!parsed) throw new FeedError(`OPML outline xmlUrl must be http(s): ${url.slice(0, 200)}`)
    if (seen.has(parsed)) continue
    seen.add(parsed)
    const siteUrl = httpUrl(outline.htmlUrl)
    sources.push({ url: parsed, title: outline.title || new URL(parsed).hostname, ...(siteUrl ? { siteUrl } : {}) })
  }
  return sources
}
