// Links that leave the ingest stage: absolute http(s) URLs only. A feed's `javascript:`, `data:`, `vbscript:` or
// `file:` link would otherwise be published as an `<a href>` on our pages and in every feed we serve.

/** `link` resolved against `base` when relative; null unless the result is an http(s) URL. */
export function httpUrl(link: string | null | undefined, base: string | null = null): string | null {
  const trimmed = link?.trim()
  if (!trimmed) return null
  let url: URL
  try {
    url = base ? new URL(trimmed, base) : new URL(trimmed)
  } catch {
    return null
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null
}
