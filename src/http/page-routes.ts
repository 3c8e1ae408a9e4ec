// Server-rendered pages: the feed entries' links lead here. Plain HTML, escaped, no scripts.
import type { Context, Hono } from 'hono'
import { html, raw } from 'hono/html'
import type { HtmlEscapedString } from 'hono/utils/html'
import { getPair, listPairs, pairShifts } from '../store/read-queries.ts'
import type { AppDeps } from './app-deps.ts'
import { respond } from './conditional.ts'
import { HttpError } from './errors.ts'
import { cacheControl, dataVersion } from './feed-routes.ts'
import { parseActor, parsePair } from './params.ts'

const signed = (x: number) => (x > 0 ? `+${x.toFixed(2)}` : x.toFixed(2))

function layout(title: string, feeds: { atom: string; rss: string; json: string } | null, body: HtmlEscapedString | Promise<HtmlEscapedString>) {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${feeds ? html`<link rel="alternate" type="application/atom+xml" title="${title} (Atom)" href="${feeds.atom}">
<link rel="alternate" type="application/rss+xml" title="${title} (RSS)" href="${feeds.rss}">
<link rel="alternate" type="application/feed+json" title="${title} (JSON Feed)" href="${feeds.json}">` : ''}
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;width:100%}td,th{padding:.3rem .5rem;border-bottom:1px solid #ddd;text-align:left}
.improving{color:#0a7a2f}.deteriorating{color:#b3261e}.frozen{color:#1f5fa8}.stable{color:#555}
blockquote{margin:.5rem 0;padding-left:1rem;border-left:3px solid #ccc}</style></head>
<body><header><p><a href="/">Entente</a> — geopolitical alignment shifts</p></header><main>${body}</main></body></html>`
}

export function pageRoutes(app: Hono, deps: AppDeps): void {
  const feedsFor = (path: string) => ({ atom: `${deps.baseUrl}${path}.atom`, rss: `${deps.baseUrl}${path}.rss`, json: `${deps.baseUrl}${path}.json` })
  const page = async (c: Context, key: string, render: () => Promise<string>) => {
    const rep = await deps.cache.get(await dataVersion(deps), `page ${key}`, render)
    return respond(c, rep, 'text/html; charset=utf-8', cacheControl(deps))
  }
  const name = (id: string) => deps.gazetteer.name(id)

  app.get('/', (c) =>
    page(c, '/', async () => {
      const { pairs } = await listPairs(deps.db, { limit: 50, offset: 0 })
      return String(
        await layout(
          'Entente — alignment shifts',
          feedsFor('/feeds/shifts'),
          html`<h1>Recent alignment shifts</h1>
<p>Subscribe: <a href="/feeds/shifts.atom">Atom</a> · <a href="/feeds/shifts.rss">RSS</a> · <a href="/feeds/shifts.json">JSON Feed</a> · <a href="/feeds.opml">OPML</a></p>
${pairs.length ? html`<table><thead><tr><th>Pair</th><th>Direction</th><th>Level</th><th>Last shift</th></tr></thead><tbody>
${pairs.map((p) => html`<tr><td><a href="/pairs/${p.pair}">${name(p.a)}–${name(p.b)}</a></td><td class="${p.direction}">${p.direction}</td><td>${signed(p.level)}</td><td>${p.last_day}</td></tr>`)}
</tbody></table>` : html`<p>No shifts yet: the first poll may still be running.</p>`}`,
        ),
      )
    }),
  )

  app.get('/pairs/:pair', async (c) => {
    const raw_ = c.req.param('pair')
    const { pair, a, b } = parsePair(deps.gazetteer, raw_)
    if (pair !== raw_) return c.redirect(`/pairs/${pair}`, 301)
    const row = await getPair(deps.db, pair)
    if (!row) throw new HttpError(404, `no shifts recorded for ${name(a)}–${name(b)} yet`)
    return page(c, `/pairs/${pair}`, async () => {
      const shifts = (await pairShifts(deps.db, pair)).reverse()
      const title = `${name(a)}–${name(b)}`
      return String(
        await layout(
          `Entente — ${title}`,
          feedsFor(`/feeds/pairs/${pair}`),
          html`<h1>${title}: <span class="${row.direction}">${row.direction}</span></h1>
<p>Level ${signed(row.level)} · ${row.shift_count} shifts · ${row.signal_count} signals · feeds: <a href="/feeds/pairs/${pair}.atom">Atom</a> · <a href="/feeds/pairs/${pair}.rss">RSS</a> · <a href="/feeds/pairs/${pair}.json">JSON</a></p>
${shifts.map(
  (s) => html`<section id="${s.day}"><h2>${s.day}: <span class="${s.direction}">${s.direction}</span> (score ${signed(s.score)}, level ${signed(s.levelBefore)} → ${signed(s.levelAfter)}, ${s.sources} source${s.sources === 1 ? '' : 's'})</h2>
${s.evidence.map((e) => html`<blockquote><p>${e.text}</p><p>— ${e.url ? html`<a href="${e.url}">${e.source}</a>` : e.source}, ${e.published.slice(0, 10)}</p></blockquote>`)}</section>`,
)}`,
        ),
      )
    })
  })

  app.get('/actors/:id', async (c) => {
    const id = parseActor(deps.gazetteer, c.req.param('id'), 'actor id')!
    return page(c, `/actors/${id}`, async () => {
      const { pairs } = await listPairs(deps.db, { actor: id, limit: 200, offset: 0 })
      const sorted = [...pairs].sort((x, y) => Math.abs(y.last_score) - Math.abs(x.last_score))
      return String(
        await layout(
          `Entente — ${name(id)}`,
          feedsFor(`/feeds/actors/${id}`),
          html`<h1>${name(id)}</h1>
${sorted.length ? html`<table><thead><tr><th>With</th><th>Direction</th><th>Level</th><th>Last shift</th></tr></thead><tbody>
${sorted.map((p) => html`<tr><td><a href="/pairs/${p.pair}">${name(p.a === id ? p.b : p.a)}</a></td><td class="${p.direction}">${p.direction}</td><td>${signed(p.level)}</td><td>${p.last_day}</td></tr>`)}</tbody></table>` : html`<p>No shifts recorded for ${name(id)} yet.</p>`}`,
        ),
      )
    })
  })

  app.get('/docs/json-feed-extension', (c) =>
    page(c, '/docs/json-feed-extension', async () =>
      String(
        await layout(
          'Entente — the _entente JSON Feed extension',
          null,
          html`<h1>The <code>_entente</code> JSON Feed extension</h1>
<p>Every item of Entente's JSON feeds carries an <code>_entente</code> object (JSON Feed 1.1 custom extension):</p>
<dl>${raw(
            [
              ['about', 'this page'],
              ['pair, a, b', 'the pair id (sorted actor ids joined by "--") and the two actor ids (see /api/actors)'],
              ['day', 'the UTC day of the shift (YYYY-MM-DD); the item id is stable for a pair and day'],
              ['direction', 'improving, deteriorating, frozen or stable'],
              ['score', 'the day\u2019s score in [-1, 1]: cooperation positive, conflict negative'],
              ['level_before, level_after', 'the pair\u2019s alignment level in [-1, 1] before and after this day'],
              ['confidence', 'in [0, 1], rising with independent sources'],
              ['sources, signals', 'the number of distinct sources and of sentence-level signals merged into the shift'],
              ['evidence', 'the quoted sentences: {text, url, source, published}'],
            ]
              .map(([k, v]) => `<dt><code>${k}</code></dt><dd>${v}</dd>`)
              .join(''),
          )}</dl>
<p>The feed-level <code>_entente</code> object has <code>about</code>, <code>id</code> and <code>updated</code>.</p>`,
        ),
      ),
    ),
  )
}
