// The HTML shell of every page: semantic landmarks, feed autodiscovery, no scripts, one stylesheet that the CSP admits
// by its hash. The stylesheet lays pages out for a 390 px phone as well as a desktop: tables of pairs become one card
// per pair, charts scale, and the level chart has a narrow drawing of its own so its text stays legible.
import { html, raw } from 'hono/html'
import type { HtmlEscapedString } from 'hono/utils/html'

export interface FeedTriple {
  atom: string
  rss: string
  json: string
}

export const STYLE = `*,*::before,*::after{box-sizing:border-box}
body{font:16px/1.5 system-ui,sans-serif;max-width:62rem;margin:0 auto;padding:1rem;color:#1b1b1b;overflow-wrap:anywhere}
a{color:#0b57d0}header,footer{color:#555}h1{font-size:1.9rem;line-height:1.25;margin:.75rem 0}
table{border-collapse:collapse;width:100%}
td,th{padding:.35rem .5rem;border-bottom:1px solid #ddd;text-align:left;vertical-align:middle}th{font-weight:600}
caption{text-align:left;font-weight:600;padding:.25rem 0}
.improving{color:#0a7a2f}.deteriorating{color:#b3261e}.frozen{color:#1f5fa8}.stable{color:#555}
blockquote{margin:.5rem 0;padding:.25rem 1rem;border-left:3px solid #ccc}blockquote p{margin:.25rem 0}
figure{margin:1rem 0}figcaption{color:#555;font-size:.9em}svg text{fill:#444;font-family:system-ui,sans-serif}
svg{max-width:100%;height:auto}.feeds a{margin-right:.5rem}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem}.note{color:#555;font-size:.9em}
blockquote.historical{border-left-color:#d9b44a;background:#fbf7ea}
.chart-narrow{display:none}table.pairs td.direction,table.pairs td.level{white-space:nowrap}
.legend{margin:.75rem 0 1rem;padding:.5rem .75rem;background:#f6f7f9;border-radius:4px;font-size:.9em}
.legend summary{cursor:pointer;color:#0b57d0;margin-top:.25rem}.legend ul{margin:.5rem 0 0;padding-left:1.2rem}
.key{display:inline-block;margin-right:.9rem;white-space:nowrap}
.key::before{content:"";display:inline-block;width:.75em;height:.75em;border-radius:50%;margin-right:.3em;background:currentColor}
.network{display:block;width:100%;max-width:30rem;margin:0 auto}
.network a:focus{outline:2px solid #0b57d0}.network .hit{stroke:transparent}
.status{border-left:4px solid #b3261e;padding:.25rem 1rem;background:#fdf3f2}.status.waiting{border-left-color:#1f5fa8;background:#f2f6fc}
code{background:#f2f2f2;padding:0 .2em;border-radius:3px}
@media (max-width:40rem){
body{padding:.75rem}h1{font-size:1.5rem}
.chart-wide{display:none}.chart-narrow{display:block}
table.pairs,table.pairs tbody,table.pairs caption{display:block}
table.pairs thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}
table.pairs tr{display:grid;grid-template-columns:auto auto 1fr;gap:.15rem .75rem;align-items:center;padding:.5rem 0;border-bottom:1px solid #ddd}
table.pairs th,table.pairs td{display:block;border:0;padding:0}
table.pairs th[scope=row],table.pairs td.last{grid-column:1/-1}
}`

export function layout(title: string, feeds: FeedTriple | null, body: HtmlEscapedString | Promise<HtmlEscapedString>) {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Ccircle cx='8' cy='8' r='7' fill='%231f5fa8'/%3E%3C/svg%3E">
${
  feeds
    ? html`<link rel="alternate" type="application/atom+xml" title="${title} (Atom)" href="${feeds.atom}">
<link rel="alternate" type="application/rss+xml" title="${title} (RSS)" href="${feeds.rss}">
<link rel="alternate" type="application/feed+json" title="${title} (JSON Feed)" href="${feeds.json}">`
    : ''
}
<style>${raw(STYLE)}</style>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header><nav aria-label="Site"><a href="/">Entente</a> — geopolitical alignment shifts · <a href="/feeds.opml">all feeds (OPML)</a> · <a href="/api/pairs">API</a> · <a href="/api/sources">sources</a></nav></header>
<main id="main">${body}</main>
<footer><p>Evidence quotes belong to their publishers. Levels run from −1 (conflict) to +1 (cooperation).</p></footer>
</body>
</html>`
}

export function feedLinks(feeds: FeedTriple) {
  return html`<p class="feeds">Subscribe: <a href="${feeds.atom}" type="application/atom+xml">Atom</a><a href="${feeds.rss}" type="application/rss+xml">RSS</a><a href="${feeds.json}" type="application/feed+json">JSON Feed</a></p>`
}

/** What a page's readers need to read it: the direction colours always, the rest on request (no script needed). */
export function legend(parts: { chart?: boolean; network?: boolean; quotes?: boolean; table?: boolean }) {
  return html`<div class="legend"><span class="key improving">improving</span><span class="key deteriorating">deteriorating</span><span class="key frozen">frozen (stalled, suspended)</span><span class="key stable">stable</span>
<details><summary>How to read this</summary><ul>
<li><strong>Level</strong>: where a pair’s relation stands, from −1 (conflict) to +1 (cooperation): a mean of its daily scores in which older news weighs less, read as of today: it fades with the time since the pair’s last evidence.</li>
${parts.table ? html`<li><strong>Direction</strong>: where the level is heading now, from the recent days with shifts; one weak day does not flip it, and once the last evidence has aged out the pair is stable again. <strong>Trend</strong>: the level over the pair’s latest days with shifts, the dot coloured by the latest day.</li>` : ''}
${parts.chart ? html`<li><strong>Chart</strong>: the level after each day with shifts; each dot is a day, coloured by that day’s direction, and links to its evidence; a dashed line is the level’s decay from the last shift to today, drawn past a break (//) in the time axis when today is long after the history.</li>` : ''}
${parts.quotes ? html`<li><strong>Beside each quote</strong>: the kind of act it reports (a PLOVER event type such as AGREE or SANCTION), the way it points, and its mode when it is not plain news: negated, hypothetical, historical (shaded), reported.</li><li><strong>Score</strong>: the day’s move, from −1 to +1; <strong>confidence</strong> grows with independent sources.</li>` : ''}
${parts.network ? html`<li><strong>Network</strong>: each line is a pair, coloured by its direction today, thicker the stronger its level today (±1 thickest), dashed when frozen. Every name and line is a link.</li>` : ''}
</ul></details></div>`
}
