import { Feed } from 'feed'
import { attributeSafe, escapeHtml } from './escape.ts'
import { feedItem, feedOptions } from './feed-items.ts'
import type { FeedPage } from './feed-page.ts'

export function renderRss(page: FeedPage, ttlMinutes = 15): string {
  const feed = new Feed({ ...feedOptions(page), ttl: ttlMinutes, feedLinks: { rss: page.links.self } })
  for (const v of page.shifts) {
    feed.addItem(
      feedItem(v, [{ name: attributeSafe(v.a.name) }, { name: attributeSafe(v.b.name) }, { name: v.direction }]),
    )
  }
  const next = page.links.next ? `\n        <atom:link href="${escapeHtml(page.links.next)}" rel="next"/>` : ''
  const hub = page.links.hub ? `\n        <atom:link href="${escapeHtml(page.links.hub)}" rel="hub"/>` : ''
  return feed.rss2().replace(/(<atom:link [^>]*rel="self"[^>]*\/>)/, (m) => m + next + hub)
}
