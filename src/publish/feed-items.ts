// What Atom and RSS entries share: one `feed` item per shift, its text guarded against `feed`'s traps.
import type { Item } from 'feed'
import { cdataSafe, escapeHtml } from './escape.ts'
import type { FeedPage, ShiftView } from './feed-page.ts'
import { shiftHtml } from './shift-content.ts'

export const COPYRIGHT = 'Quoted evidence belongs to its publishers; Entente data under CC BY 4.0'

export function feedItem(v: ShiftView, category: Item['category']): Item {
  return {
    id: v.id,
    title: cdataSafe(v.title),
    link: v.url,
    date: new Date(v.updated),
    published: new Date(v.published),
    description: cdataSafe(escapeHtml(v.summary)),
    content: cdataSafe(shiftHtml(v)),
    category,
  }
}

export function feedOptions(page: FeedPage) {
  return {
    id: page.id,
    title: page.title,
    description: page.description,
    updated: new Date(page.updated),
    generator: 'Entente',
    language: 'en',
    link: page.links.alternate,
    copyright: COPYRIGHT,
  }
}
