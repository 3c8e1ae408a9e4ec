import { Feed } from 'feed'
import { attributeSafe, cdataSafe, escapeHtml } from './escape.ts'
import type { FeedPage } from './feed-page.ts'
import { shiftHtml } from './shift-content.ts'

export function renderAtom(page: FeedPage): string {
  const feed = new Feed({
    id: page.id,
    title: page.title,
    description: page.description,
    updated: new Date(page.updated),
    generator: 'Entente',
    language: 'en',
    link: page.links.alternate,
    feedLinks: { atom: page.links.self },
    author: { name: 'Entente', link: page.baseUrl + '/' },
    copyright: 'Quoted evidence belongs to its publishers; Entente data under CC BY 4.0',
  })
  for (const v of page.shifts) {
    feed.addItem({
      id: v.id,
      title: cdataSafe(v.title),
      link: v.url,
      date: new Date(v.updated),
      published: new Date(v.published),
      description: cdataSafe(escapeHtml(v.summary)),
      content: cdataSafe(shiftHtml(v)),
      category: [
        { term: v.a.id, name: attributeSafe(v.a.name), scheme: `${page.baseUrl}/actors/` },
        { term: v.b.id, name: attributeSafe(v.b.name), scheme: `${page.baseUrl}/actors/` },
        { term: v.direction, name: v.direction, scheme: `${page.baseUrl}/directions/` },
      ],
    })
  }
  // RFC 5005 paging and alternate formats: `feed` only writes alternate and self links.
  const extra = [
    `<link rel="first" href="${escapeHtml(page.links.first)}"/>`,
    page.links.next ? `<link rel="next" href="${escapeHtml(page.links.next)}"/>` : '',
    page.links.previous ? `<link rel="previous" href="${escapeHtml(page.links.previous)}"/>` : '',
    `<link rel="alternate" type="application/rss+xml" href="${escapeHtml(page.links.rss)}"/>`,
    `<link rel="alternate" type="application/feed+json" href="${escapeHtml(page.links.json)}"/>`,
  ].filter(Boolean)
  const xml = feed.atom1()
  return xml.replace(/(<link rel="self"[^>]*\/>)/, (m) => `${m}\n    ${extra.join('\n    ')}`)
}
