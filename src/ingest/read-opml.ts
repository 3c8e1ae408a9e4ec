// OPML source lists. Only outline attributes matter, so a small scanner is enough and keeps the Worker free of a
// second XML stack. It reads each tag once with indexOf: the list may come from a URL, so it is hostile input.
import type { Source } from '../types.ts'
import { decodeEntities, stripControlChars } from './html-to-text.ts'
import { httpUrl } from './http-url.ts'
import { FeedError } from './parse-feed.ts'

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13

/** Attributes of one start tag's inside (`name="v" other='w'`), lower-cased names, entities decoded. */
function attributes(tag: string): Record<string, string> {
  const attrs: Record<string, string> = {}
  let i = 0
  const n = tag.length
  while (i < n) {
    while (i < n && (isSpace(tag.charCodeAt(i)) || tag[i] === '/')) i++
    const nameStart = i
    while (i < n && !isSpace(tag.charCodeAt(i)) && tag[i] !== '=' && tag[i] !== '/') i++
    const name = tag.slice(nameStart, i).toLowerCase()
    while (i < n && isSpace(tag.charCodeAt(i))) i++
    if (tag[i] !== '=') {
      if (i === nameStart) i++
      continue
    }
    i++
    while (i < n && isSpace(tag.charCodeAt(i))) i++
    const quote = tag[i]
    let value: string
    if (quote === '"' || quote === "'") {
      const end = tag.indexOf(quote, i + 1)
      value = tag.slice(i + 1, end < 0 ? n : end)
      i = end < 0 ? n : end + 1
    } else {
      const start = i
      while (i < n && !isSpace(tag.charCodeAt(i))) i++
      value = tag.slice(start, i)
    }
    if (name && !(name in attrs)) attrs[name] = decodeEntities(value)
  }
  return attrs
}

export function readOpml(text: string): Source[] {
  if (!/<opml[\s>]/i.test(text)) throw new FeedError('not an OPML document: no <opml> element')
  const sources: Source[] = []
  const seen = new Set<string>()
  const outline = /<outline(?=[\s/>])/gi
  for (let m = outline.exec(text); m; m = outline.exec(text)) {
    const end = text.indexOf('>', m.index)
    if (end < 0) break
    outline.lastIndex = end + 1
    const attrs = attributes(text.slice(m.index + 8, end))
    const url = attrs.xmlurl?.trim()
    if (!url) continue
    try {
      new URL(url)
    } catch {
      throw new FeedError(`OPML outline has an invalid xmlUrl: ${url.slice(0, 200)}`)
    }
    const parsed = httpUrl(url)
    if (!parsed) throw new FeedError(`OPML outline xmlUrl must be http(s): ${url.slice(0, 200)}`)
    if (seen.has(parsed)) continue
    seen.add(parsed)
    const siteUrl = httpUrl(attrs.htmlurl)
    sources.push({
      url: parsed,
      title: stripControlChars(attrs.title || attrs.text || new URL(parsed).hostname).trim().slice(0, 300),
      ...(siteUrl ? { siteUrl } : {}),
    })
  }
  return sources
}
