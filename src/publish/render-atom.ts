import { Feed } from 'feed'
import { attributeSafe, escapeHtml } from './escape.ts'
import { feedItem, feedOptions } from './feed-items.ts'
import type { FeedPage } from './feed-page.ts'

export function renderAtom(page: FeedPage): string {
  const feed = new Feed({
    ...feedOptions(page),
    feedLinks: { atom: page.links.self },
    author: { name: 'Entente', link: page.baseUrl + '/' },
  })
  for (const v of page.shifts) {
    feed.addItem(
      feedItem(v, [
        { term: v.a.id, name: attributeSafe(v.a.name), scheme: `${page.baseUrl}/actors/` },
        { term: v.b.id, name: attributeSafe(v.b.name), scheme: `${page.baseUrl}/actors/` },
        { term: v.direction, name: v.direction, scheme: `${page.baseUrl}/directions/` },
      ]),
    )
  }
  // RFC 5005 paging and alternate formats: `feed` only writes alternate and self links.
  const extra = [
    `<link rel="first" href="${escapeHtml(page.links.first)}"/>`,
    page.links.next ? `<link rel="next" href="${escapeHtml(page.links.next)}"/>` : '',
    page.links.previous ? `<link rel="previous" href="${escapeHtml(page.links.previous)}"/>` : '',
    `<link rel="alternate" type="application/rss+xml" href="${escapeHtml(page.links.rss)}"/>`,
    `<link rel="alternate" type="application/feed+json" href="${escapeHtml(page.links.json)}"/>`,
    page.links.hub ? `<link rel="hub" href="${escapeHtml(page.links.hub)}"/>` : '',
  ].filter(Boolean)
  return feed.atom1().replace(/(<link rel="self"[^>]*\/>)/, (m) => `${m}\n    ${extra.join('\n    ')}`)
}
