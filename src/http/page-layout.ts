// The HTML shell of every page: semantic landmarks, feed autodiscovery, no scripts.
import { html } from 'hono/html'
import type { HtmlEscapedString } from 'hono/utils/html'

export interface FeedTriple {
  atom: string
  rss: string
  json: string
}

export const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:62rem;margin:0 auto;padding:1rem;color:#1b1b1b}
a{color:#0b57d0}header,footer{color:#555}table{border-collapse:collapse;width:100%}
td,th{padding:.35rem .5rem;border-bottom:1px solid #ddd;text-align:left;vertical-align:middle}th{font-weight:600}
.improving{color:#0a7a2f}.deteriorating{color:#b3261e}.frozen{color:#1f5fa8}.stable{color:#555}
blockquote{margin:.5rem 0;padding:.25rem 1rem;border-left:3px solid #ccc}blockquote p{margin:.25rem 0}
figure{margin:1rem 0}svg text{fill:#444;font-family:system-ui,sans-serif}.feeds a{margin-right:.5rem}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem}.note{color:#555;font-size:.9em}
blockquote.historical{border-left-color:#d9b44a;background:#fbf7ea}`

export function layout(title: string, feeds: FeedTriple | null, body: HtmlEscapedString | Promise<HtmlEscapedString>) {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Ccircle cx='8' cy='8' r='7' fill='%231f5fa8'/%3E%3C/svg%3E">
${feeds
  ? html`<link rel="alternate" type="application/atom+xml" title="${title} (Atom)" href="${feeds.atom}">
<link rel="alternate" type="application/rss+xml" title="${title} (RSS)" href="${feeds.rss}">
<link rel="alternate" type="application/feed+json" title="${title} (JSON Feed)" href="${feeds.json}">`
  : ''}
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header><nav aria-label="Site"><a href="/">Entente</a> — geopolitical alignment shifts · <a href="/feeds.opml">all feeds (OPML)</a> · <a href="/api/pairs">API</a></nav></header>
<main id="main">${body}</main>
<footer><p>Evidence quotes belong to their publishers. Levels run from −1 (conflict) to +1 (cooperation).</p></footer>
</body>
</html>`
}

export function feedLinks(feeds: FeedTriple) {
  return html`<p class="feeds">Subscribe: <a href="${feeds.atom}" type="application/atom+xml">Atom</a><a href="${feeds.rss}" type="application/rss+xml">RSS</a><a href="${feeds.json}" type="application/feed+json">JSON Feed</a></p>`
}
