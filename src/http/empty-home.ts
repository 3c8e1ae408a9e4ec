// What the home page says while it has no shifts: why (no source read yet, the first poll running, every source
// failing, or items read that yielded nothing, perhaps because they are not in English) and what to do, including
// the demo, which needs no network.
import { html } from 'hono/html'
import { isAnalysed } from '../ingest/detect-language.ts'
import type { SourcesDigest } from '../publish/source-view.ts'

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

const DEMO = html`<p>To see Entente at work without the network, run <code>npm run demo</code>: it imports the sample feeds shipped in <code>feeds/samples/</code> into a fresh database and serves their shifts here in a few seconds.</p>`

export function emptyHomeStatus(d: SourcesDigest, pollMinutes: number) {
  const detail = html`<p>Each source’s outcome, error and counts: <a href="/api/sources">/api/sources</a>.</p>`
  if (d.total === 0) {
    return html`<div class="status waiting" role="status"><p><strong>No shifts yet: no source has been read.</strong> ${
      pollMinutes > 0
        ? 'The first poll starts with the server and is about to list the sources.'
        : html`Polling is off (<code>ENTENTE_POLL_MINUTES=0</code>): run <code>npx entente poll --once</code>, or import feed files with <code>npx entente import PATH…</code>.`
    }</p></div>${DEMO}`
  }
  if (d.polled === 0) {
    return html`<div class="status waiting" role="status"><p><strong>No shifts yet: the first poll is running.</strong> ${plural(d.total, 'source is', 'sources are')} listed and none has answered yet; this page fills in when it finishes.</p>${detail}</div>${DEMO}`
  }
  if (d.ok === 0) {
    const waiting = d.total - d.polled
    return html`<div class="status" role="status"><p><strong>No shifts: ${d.polled === d.total ? `all ${plural(d.total, 'source')}` : `all ${d.polled} of the ${d.total} sources read so far`} failed at their last poll.</strong> ${
      waiting ? `${plural(waiting, 'source has', 'sources have')} not answered yet. ` : ''
    }Without internet access every source fails; the next polls retry with backoff.</p>
<ul>${d.errors.map((e) => html`<li>${e.title}: ${e.error}</li>`)}</ul>${detail}</div>${DEMO}`
  }
  const languages = Object.entries(d.languages)
    .filter(([code]) => !isAnalysed(code))
    .map(([code, n]) => `${code} ${n}`)
    .join(', ')
  return html`<div class="status waiting" role="status"><p><strong>No shifts yet.</strong> ${plural(d.items, 'item')} read from ${plural(d.ok, 'source')}${
    d.failing ? ` (${d.failing} failing)` : ''
  }, and none named two actors in a way the engine scores.${
    d.unanalysed
      ? ` ${plural(d.unanalysed, 'item is', 'items are')} in languages Entente does not read (${languages}): it reads English, and stores and counts the others.`
      : ''
  }</p>${detail}</div>${DEMO}`
}
