// The date an item is filed under, and how it was found. A date the feed gives is kept when plausible; without
// one the item is filed under the time it was first seen and marked, so it weighs less and says so. On a source's
// first poll an undated item is its backlog, of any age: it is kept as known but never becomes a shift dated today.
import type { ItemDating } from '../types.ts'

const DAY_MS = 86_400_000
/** Before this no feed item is dated: a 1970 or 1900 date is a publisher's default, not news. */
const EARLIEST = Date.UTC(1990, 0, 1)

export interface FiledDate {
  published: string
  dating: ItemDating
}

export function dateItem(published: string | null, firstSeen: Date, firstPoll: boolean): FiledDate {
  const t = published ? Date.parse(published) : Number.NaN
  // A date more than a day ahead of the clock is a publisher's mistake (or a zone read wrong), not the item's date.
  if (!Number.isNaN(t) && t <= firstSeen.getTime() + DAY_MS && t >= EARLIEST)
    return { published: new Date(t).toISOString(), dating: 'feed' }
  return { published: firstSeen.toISOString(), dating: firstPoll ? 'backlog' : 'first-seen' }
}
