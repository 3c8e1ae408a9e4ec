// A deterministic corpus of real-looking news feeds: RSS 2.0, Atom and RSS 1.0 (RDF), with escaped HTML in
// descriptions as publishers send it, so the parser and the HTML reducer do their usual work.
import { createRng, type Rng } from './prng.ts'
import { headline, paragraph } from './generate-sentences.ts'

export type FeedFormat = 'rss2' | 'atom' | 'rss1'

export interface GeneratedItem {
  guid: string
  link: string
  title: string
  html: string
  published: Date
}

export interface GeneratedFeed {
  format: FeedFormat
  title: string
  site: string
  contentType: string
  body: Uint8Array<ArrayBuffer>
  items: number
}

/**
 * Item n of a source is dated n hours (times a per-source pace) after a fixed day, so a feed's newer items are
 * newer news, every date is in the past and the corpus never changes.
 */
export const ANCHOR = Date.UTC(2025, 3, 1, 12)

const DATELINES = [
  'GENEVA',
  'CAIRO',
  'BRUSSELS',
  'ANKARA',
  'DOHA',
  'NEW YORK',
  'ADDIS ABABA',
  'TOKYO',
  'VIENNA',
  'RIYADH',
]
const FORMATS: readonly FeedFormat[] = ['rss2', 'rss2', 'atom', 'rss1']
const TYPES: Record<FeedFormat, string> = {
  rss2: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  rss1: 'application/rdf+xml; charset=utf-8',
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** The n-th item of a source's endless stream; the same (source, n) always gives the same item. */
export function streamItem(source: number, n: number): GeneratedItem {
  const rng = createRng(source * 1_000_003 + n * 7919 + 17)
  const site = `https://desk${source}.example`
  const html =
    `<p>${rng.pick(DATELINES)} (Desk ${source}) — ${esc(paragraph(rng))}</p>` +
    (rng.next() < 0.2 ? `<p>${esc(paragraph(rng))}</p>` : '')
  return {
    guid: `${site}/story/${n}`,
    link: `${site}/world/${n}-${rng.int(1000, 9999)}`,
    title: headline(rng),
    html,
    published: new Date(ANCHOR + n * 3_600_000 * (1 + (source % 5)) + rng.int(0, 3_000_000)),
  }
}

function rss2(title: string, site: string, items: GeneratedItem[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>${esc(title)}</title>
<link>${site}/</link>
<description>World news from ${esc(title)}</description>
<language>en</language>
<atom:link href="${site}/feed.rss" rel="self" type="application/rss+xml"/>
${items
  .map(
    (it, i) => `<item>
<title>${esc(it.title)}</title>
<link>${it.link}</link>
<guid isPermaLink="false">${it.guid}</guid>
<pubDate>${it.published.toUTCString()}</pubDate>
<dc:creator>Staff ${i % 7}</dc:creator>
<category>World</category>
<description>${i % 2 ? `<![CDATA[${it.html}]]>` : esc(it.html)}</description>
</item>`,
  )
  .join('\n')}
</channel>
</rss>
`
}

function atom(title: string, site: string, items: GeneratedItem[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>${esc(title)}</title>
<id>tag:${site.slice(8)},2020:feed</id>
<updated>${items[0]?.published.toISOString() ?? new Date(ANCHOR).toISOString()}</updated>
<link rel="alternate" href="${site}/"/>
<link rel="self" href="${site}/feed.atom"/>
${items
  .map(
    (it) => `<entry>
<title type="html">${esc(esc(it.title))}</title>
<id>${it.guid}</id>
<link rel="alternate" href="${it.link}"/>
<published>${it.published.toISOString()}</published>
<updated>${it.published.toISOString()}</updated>
<author><name>Desk staff</name></author>
<summary type="html">${esc(it.html)}</summary>
</entry>`,
  )
  .join('\n')}
</feed>
`
}

function rss1(title: string, site: string, items: GeneratedItem[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="${site}/feed.rdf">
<title>${esc(title)}</title>
<link>${site}/</link>
<description>World news from ${esc(title)}</description>
<items><rdf:Seq>${items.map((it) => `<rdf:li rdf:resource="${it.link}"/>`).join('')}</rdf:Seq></items>
</channel>
${items
  .map(
    (it) => `<item rdf:about="${it.link}">
<title>${esc(it.title)}</title>
<link>${it.link}</link>
<description>${esc(it.html)}</description>
<dc:date>${it.published.toISOString()}</dc:date>
</item>`,
  )
  .join('\n')}
</rdf:RDF>
`
}

const encoder = new TextEncoder()

/** Source `source`'s feed showing `count` items of its stream starting at item `first` (newest first). */
export function renderFeed(source: number, first: number, count: number): GeneratedFeed {
  const format = FORMATS[source % FORMATS.length]!
  const site = `https://desk${source}.example`
  const title = `World Desk ${source}`
  const items = Array.from({ length: count }, (_, k) => streamItem(source, first + count - 1 - k))
  const xml =
    format === 'rss2'
      ? rss2(title, site, items)
      : format === 'atom'
        ? atom(title, site, items)
        : rss1(title, site, items)
  return { format, title, site, contentType: TYPES[format], body: encoder.encode(xml), items: count }
}

/** The ingest corpus: `n` feeds of 20–200 items each. */
export function feedCorpus(n: number, seed = 20260101): GeneratedFeed[] {
  const rng: Rng = createRng(seed)
  return Array.from({ length: n }, (_, i) => renderFeed(i, 0, rng.int(20, 200)))
}
