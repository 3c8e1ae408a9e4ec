// Parses a decoded feed document with rss-parser, after removing the hazards it does not guard against:
// entity-expansion DTDs, HTML pages served in place of feeds, and Atom dates that make it reject the whole feed.
import Parser from 'rss-parser'
import type { FeedItem } from '../types.ts'
import { htmlToText, stripControlChars } from './html-to-text.ts'
import { contentHash } from './content-hash.ts'

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

const parser = new Parser<Record<string, unknown>, RawItem>({
  defaultRSS: 2,
  xml2js: { strict: true },
})

const MAX_ITEMS = 500

/** Rejects what must never reach the XML parser; returns the document ready to parse. */
export function prepareXml(text: string): string {
  let s = text.replace(/^\uFEFF/, '')
  const head = s.slice(0, 2048).replace(/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*/, '')
  if (/^<!doctype\s+html/i.test(head) || /^<html[\s>]/i.test(head)) {
    throw new FeedError('not a feed: the URL answered with an HTML page')
  }
  const doctype = /<!DOCTYPE[\s\S]*?(\[[\s\S]*?\]\s*)?>/i.exec(s)
  if (doctype) {
    if (/<!ENTITY/i.test(doctype[0])) throw new FeedError('refused: the document declares DTD entities (possible entity-expansion attack)')
    s = s.slice(0, doctype.index) + s.slice(doctype.index + doctype[0].length)
  }
  if (/<!ENTITY/i.test(s.slice(0, 4096))) throw new FeedError('refused: the document declares DTD entities')
  // rss-parser throws on the whole feed when one Atom entry has an unparseable date: drop such dates instead.
  s = s.replace(/<((?:[\w-]+:)?(?:published|updated))(\s[^>]*)?>([^<]*)<\/\1>/g, (whole, _tag, _attrs, value: string) =>
    Number.isNaN(Date.parse(value.trim())) ? '' : whole,
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
    if (typeof o.$ === 'object' && o.$ && typeof (o.$ as Record<string, unknown>).href === 'string') return (o.$ as Record<string, string>).href!
  }
  return ''
}

function detectFormat(xml: string): ParsedFeed['format'] {
  const root = /<([\w:-]+)[\s>]/.exec(xml.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, ''))?.[1] ?? ''
  if (root === 'feed' || root.endsWith(':feed')) return 'atom'
  if (root.toLowerCase() === 'rdf:rdf') return 'rss1'
  const version = /<rss[^>]*\bversion\s*=\s*["']([^"']+)["']/.exec(xml)?.[1]
  return version && version.startsWith('0.9') ? 'rss0.9x' : 'rss2'
}

function toIso(value: string): string | null {
  const t = Date.parse(value.trim())
  return Number.isNaN(t) ? null : new Date(t).toISOString()
}

function absolutise(link: string, base: string | null): string | null {
  if (!link) return null
  try {
    return base ? new URL(link.trim(), base).toString() : new URL(link.trim()).toString()
  } catch {
    return null
  }
}

export async function parseFeed(text: string, baseUrl: string | null = null): Promise<ParsedFeed> {
  const xml = prepareXml(text)
  if (!/<(rss|feed|rdf:RDF)\b/i.test(xml.slice(0, 4096))) {
    throw new FeedError('not a feed: no <rss>, <feed> or <rdf:RDF> root element')
  }
  let raw: Awaited<ReturnType<typeof parser.parseString>>
  try {
    raw = await parser.parseString(xml)
  } catch (err) {
    const msg = err instanceof Error ? err.message.split('\n').slice(0, 2).join(' ') : String(err)
    throw new FeedError(`malformed feed: ${msg}`)
  }
  const siteUrl = absolutise(str(raw.link), baseUrl)
  const drafts: { title: string; body: string; textBody: string; url: string | null; published: string | null; it: (typeof raw.items)[number] }[] = []
  for (const it of (raw.items ?? []).slice(0, MAX_ITEMS)) {
    const title = htmlToText(str(it.title))
    const body = htmlToText(str(it['content:encoded']) || str(it.content) || str(it.summary) || str(it.description))
    const url = absolutise(str(it.link), baseUrl ?? siteUrl)
    const published = toIso(str(it.isoDate) || str(it.pubDate) || str(it.date) || str(it['dc:date']))
    const textBody = body && body !== title ? `${title}\n${body}` : title
    if (textBody.trim()) drafts.push({ title, body, textBody, url, published, it })
  }
  // All digests at once: Web Crypto works off the main thread, so awaiting them one by one only adds waits.
  const hashes = await Promise.all(drafts.map((d) => contentHash(`${d.title}\n${d.body}`)))
  const items = drafts.map(({ title, textBody, url, published, it }, i): FeedItem => {
    const hash = hashes[i]!
    const guid = str(it.guid) || str(it.id) || str(it['rdf:about']) || url || `hash:${hash}`
    return {
      guid: guid.trim().slice(0, 1000),
      url,
      title: title.slice(0, 1000),
      text: textBody.slice(0, 50_000),
      published,
      author: htmlToText(str(it.creator) || str(it.author)) || null,
      contentHash: hash,
    }
  })
  return { title: htmlToText(str(raw.title)) || '(untitled feed)', siteUrl, format: detectFormat(xml), items }
}
