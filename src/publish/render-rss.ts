import { Feed } from 'feed'
import { cdataSafe, escapeHtml } from './escape.ts'
import type { FeedPage } from './feed-page.ts'
import { shiftHtml } from './shift-content.ts'

export function renderRss(page: FeedPage, ttlMinutes = 15): string {
  const feed = new Feed({
    id: page.id,
    title: page.title,
    description: page.description,
    updated: new Date(page.updated),
    generator: 'Entente',
    language: 'en',
    ttl: ttlMinutes,
    link: page.links.alternate,
    feedLinks: { rss: page.links.self },
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
      category: [{ name: v.a.name }, { name: v.b.name }, { name: v.direction }],
    })
  }
  const next = page.links.next ? `\n        <atom:link href="${escapeHtml(page.links.next)}" rel="next"/>` : ''
  return feed.rss2().replace(/(<atom:link [^>]*rel="self"[^>]*\/>)/, (m) => m + next)
}
