// Parses a decoded feed document with rss-parser, after removing the hazards it does not guard against:
// entity-expansion DTDs, HTML pages served in place of feeds, and Atom dates that make it reject the whole feed.
// Dates are read from the publisher's own text by parseFeedDate, never through rss-parser's `new Date()`.
// The XML is parsed in chunks that yield to the event loop, so a 5 MB feed never stalls the server's requests.
import Parser from 'rss-parser'
import type { FeedItem } from '../types.ts'
import { htmlToText, stripControlChars } from './html-to-text.ts'
import { contentHash } from './content-hash.ts'
import { detectLanguage } from './detect-language.ts'
import { httpUrl } from './http-url.ts'
import { parseFeedDate } from './parse-date.ts'
import { rootStartTag, scanProlog } from './scan-prolog.ts'
import { yieldToEventLoop } from '../yield-to-event-loop.ts'

export class FeedError extends Error {
  override name = 'FeedError'
}

export interface ParsedFeed {
  title: string
  siteUrl: string | null
  format: 'atom' | 'rss2' | 'rss1' | 'rss0.9x'
  items: FeedItem[]
}

type RawItem = Record<string, unknown>

const MAX_ITEMS = 500
/** Characters handed to the XML parser between yields to the event loop (a few milliseconds of work). */
const PARSE_CHUNK = 64 * 1024
const ITEMS_PER_SLICE = 25
/**
 * Markup read per field. Items keep at most 50,000 characters of text, which 256 KB of HTML covers; reading a
 * 5 MB description whole would hold the event loop for half a second.
 */
const MAX_MARKUP = 256 * 1024

const textOf = (v: unknown): string => htmlToText(str(v).slice(0, MAX_MARKUP))

/** Rejects what must never reach the XML parser; returns the document ready to parse. */
export function prepareXml(text: string): string {
  let s = text.replace(/^\uFEFF/, '')
  const prolog = scanProlog(s)
  if ((prolog.doctype && /^<!doctype\s+html/i.test(prolog.doctype.text)) || prolog.root?.toLowerCase() === 'html') {
    throw new FeedError('not a feed: the URL answered with an HTML page')
  }
  if (prolog.doctype) {
    if (/<!ENTITY/i.test(prolog.doctype.internalSubset ?? ''))
      throw new FeedError('refused: the document declares DTD entities (possible entity-expansion attack)')
    s = s.slice(0, prolog.doctype.start) + s.slice(prolog.doctype.end)
  }
  if (/<!ENTITY/i.test(s.slice(0, 4096))) throw new FeedError('refused: the document declares DTD entities')
  // rss-parser throws on the whole feed when one Atom entry has a date `new Date()` cannot read, and reads a zone-less
  // one in the server's own zone: Atom dates are renamed out of its way and read by parseFeedDate instead.
  // `[^<>]` keeps each attempt within one tag, so the pass stays linear.
  s = s.replace(
    /<((?:[\w-]+:)?(published|updated))(\s[^<>]*)?>([^<]*)<\/\1>/g,
    (_whole, _tag, name: string, _attrs, value: string) => `<entente-${name}>${value}</entente-${name}>`,
  )
  // The declaration's encoding no longer applies: the text is already decoded.
  s = s.replace(/^\s*<\?xml[^>]*\?>/, '<?xml version="1.0" encoding="utf-8"?>')
  return stripControlChars(s)
}

function str(v: unknown): string {
  if (v == null) return ''
  if (typeof v === 'string') return v
  if (typeof v === 'number') return String(v)
  if (Array.isArray(v)) return str(v[0])
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>
    if (typeof o._ === 'string') return o._
    if (typeof o.$ === 'object' && o.$ && typeof (o.$ as Record<string, unknown>).href === 'string')
      return (o.$ as Record<string, string>).href!
  }
  return ''
}

function formatOf(root: string, startTag: string): ParsedFeed['format'] {
  if (root === 'feed' || root.endsWith(':feed')) return 'atom'
  if (root.toLowerCase() === 'rdf:rdf') return 'rss1'
  const version = /\bversion\s*=\s*["']([^"']+)["']/.exec(startTag)?.[1]
  return version && version.startsWith('0.9') ? 'rss0.9x' : 'rss2'
}

/** Date elements rss-parser does not copy on its own (Atom's, renamed by prepareXml, and Dublin Core terms). */
const DATE_FIELDS = ['dcterms:issued', 'dcterms:created', 'entente-updated', 'dcterms:modified']

type Built = Awaited<ReturnType<Parser<Record<string, unknown>, RawItem>['parseString']>>
interface RssParserInternals {
  xmlParser: {
    parseString(xml: string, cb: (err: Error | null, result: unknown) => void): void
    emit(event: unknown, ...args: unknown[]): boolean
    listenerCount(event: string): number
    remaining?: string
  }
  buildAtomFeed(r: unknown): Built
  buildRSS2(r: unknown): Built
  buildRSS1(r: unknown): Built
  buildRSS0_9(r: unknown): Built
}

/**
 * rss-parser over xml2js in chunked mode. rss-parser's own parseString cannot be used so: it builds the feed
 * inside xml2js's callback, and in chunked mode xml2js swallows what that callback throws (it emits the error
 * under the wrong event name), so a feed its builders choke on would leave the promise pending forever. Here the
 * callback only settles the promise, the feed is built after it, and the misnamed emit is redirected.
 */
async function parseXml(xml: string): Promise<Built> {
  // One instance per document: rss-parser keeps one xml2js parser per instance, and chunked parses interleave.
  const parser = new Parser<Record<string, unknown>, RawItem>({
    defaultRSS: 2,
    customFields: { item: ['entente-published', ...DATE_FIELDS] },
    xml2js: { strict: true, async: true, chunkSize: PARSE_CHUNK },
  }) as unknown as RssParserInternals
  const inner = parser.xmlParser
  const emit = inner.emit.bind(inner)
  inner.emit = (event: unknown, ...args: unknown[]) =>
    event instanceof Error ? inner.listenerCount('error') > 0 && emit('error', event) : emit(event, ...args)
  let result: Record<string, unknown> | null
  try {
    result = await new Promise<Record<string, unknown> | null>((resolve, reject) =>
      inner.parseString(xml, (err, res) => (err ? reject(err) : resolve(res as Record<string, unknown> | null))),
    )
  } finally {
    // After an error xml2js would go on feeding the remaining chunks to a fresh parser: stop it.
    inner.remaining = ''
  }
  if (!result) throw new Error('Unable to parse XML.')
  // The same choice of builder as rss-parser's parseString.
  const rss = result.rss as { $?: { version?: string } } | undefined
  if (result.feed) return parser.buildAtomFeed(result)
  if (rss?.$?.version && /^2/.test(rss.$.version)) return parser.buildRSS2(result)
  if (result['rdf:RDF']) return parser.buildRSS1(result)
  if (rss?.$?.version && /0\.9/.test(rss.$.version)) return parser.buildRSS0_9(result)
  if (rss) return parser.buildRSS2(result)
  throw new Error('Feed not recognized as RSS 1 or 2.')
}

/** The first `max` UTF-16 units, never ending in half a surrogate pair. */
function clip(s: string, max: number): string {
  if (s.length <= max) return s
  const code = s.charCodeAt(max - 1)
  return s.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max)
}

/** The first of an item's dates that can be read, most specific first: Atom's published, RSS pubDate, Dublin Core, updates. */
function itemDate(it: RawItem): string | null {
  for (const field of ['entente-published', 'pubDate', 'dc:date', ...DATE_FIELDS]) {
    const date = parseFeedDate(str(it[field]).slice(0, 200))
    if (date) return date
  }
  return null
}

export async function parseFeed(text: string, baseUrl: string | null = null): Promise<ParsedFeed> {
  const xml = prepareXml(text)
  const prolog = scanProlog(xml)
  const root = prolog.root ?? ''
  if (!/^(?:[\w.-]+:)?(?:rss|feed|rdf)$/i.test(root)) {
    throw new FeedError('not a feed: no <rss>, <feed> or <rdf:RDF> root element')
  }
  let raw: Awaited<ReturnType<typeof parseXml>>
  try {
    raw = await parseXml(xml)
  } catch (err) {
    const msg = err instanceof Error ? err.message.split('\n').slice(0, 2).join(' ') : String(err)
    throw new FeedError(`malformed feed: ${msg}`)
  }
  const siteUrl = httpUrl(str(raw.link), baseUrl)
  const drafts: {
    title: string
    body: string
    textBody: string
    url: string | null
    published: string | null
    language: string
    it: (typeof raw.items)[number]
  }[] = []
  for (const [n, it] of (raw.items ?? []).slice(0, MAX_ITEMS).entries()) {
    if (n % ITEMS_PER_SLICE === ITEMS_PER_SLICE - 1) await yieldToEventLoop()
    const title = textOf(it.title)
    const body = textOf(str(it['content:encoded']) || str(it.content) || str(it.summary) || str(it.description))
    const url = httpUrl(str(it.link), baseUrl ?? siteUrl)
    const published = itemDate(it)
    const textBody = body && body !== title ? `${title}\n${body}` : title
    // Language detection takes up to 2 ms an item: inside the loop that yields, not after it.
    if (textBody.trim()) drafts.push({ title, body, textBody, url, published, language: detectLanguage(textBody), it })
  }
  // All digests at once: Web Crypto works off the main thread, so awaiting them one by one only adds waits.
  const hashes = await Promise.all(drafts.map((d) => contentHash(`${d.title}\n${d.body}`)))
  const items = drafts.map(({ title, textBody, url, published, language, it }, i): FeedItem => {
    const hash = hashes[i]!
    const guid = str(it.guid) || str(it.id) || str(it['rdf:about']) || url || `hash:${hash}`
    return {
      guid: clip(stripControlChars(guid.trim()), 1000),
      url,
      title: clip(title, 1000),
      text: clip(textBody, 50_000),
      published,
      author: clip(textOf(str(it.creator) || str(it.author)), 300) || null,
      contentHash: hash,
      language,
    }
  })
  return {
    title: clip(textOf(raw.title), 1000) || '(untitled feed)',
    siteUrl,
    format: formatOf(root, rootStartTag(xml, prolog)),
    items,
  }
}
