// Where each feed lives. Routes, WebSub notifications and the hub links inside the feeds build their URLs here,
// so the topic a hub is told about is exactly the URL a reader subscribed to.
export const FEED_FORMATS = ['atom', 'rss', 'json'] as const
export type FeedFormat = (typeof FEED_FORMATS)[number]

export type FeedScope =
  { kind: 'global' } | { kind: 'corrections' } | { kind: 'pair'; pair: string } | { kind: 'actor'; id: string }

export function feedPath(scope: FeedScope, format: FeedFormat): string {
  if (scope.kind === 'pair') return `/feeds/pairs/${scope.pair}.${format}`
  if (scope.kind === 'actor') return `/feeds/actors/${scope.id}.${format}`
  if (scope.kind === 'corrections') return `/feeds/corrections.${format}`
  return `/feeds/shifts.${format}`
}

/**
 * The feeds a change to these pairs changes, each in every format: the global feed, each pair's, and each of
 * their actors', and the corrections feed when a published shift was corrected or withdrawn. Unfiltered first pages
 * only: they are the URLs that advertise the hub.
 */
export function changedFeedUrls(baseUrl: string, pairs: string[], corrected = false): string[] {
  if (!pairs.length) return []
  const scopes: FeedScope[] = [{ kind: 'global' }, ...(corrected ? [{ kind: 'corrections' } as const] : [])]
  const actors = new Set<string>()
  for (const pair of pairs) {
    scopes.push({ kind: 'pair', pair })
    for (const id of pair.split('--')) actors.add(id)
  }
  for (const id of [...actors].sort()) scopes.push({ kind: 'actor', id })
  return scopes.flatMap((scope) => FEED_FORMATS.map((f) => `${baseUrl}${feedPath(scope, f)}`))
}
