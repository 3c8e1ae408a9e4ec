// The body of a feed entry: the summary line and each evidence quote with its source, as text and as HTML.
import { escapeHtml } from './escape.ts'
import { evidenceNote } from './evidence-json.ts'
import type { ShiftView } from './feed-page.ts'

export function shiftText(v: ShiftView): string {
  const quotes = v.evidence.map((e) => {
    const note = evidenceNote(e)
    return `“${e.text}” — ${e.source}${e.url ? ` <${e.url}>` : ''}, ${e.published.slice(0, 10)}${note ? ` [${note}]` : ''}`
  })
  return [v.summary, '', ...quotes].join('\n')
}

export function shiftHtml(v: ShiftView): string {
  const quotes = v.evidence
    .map((e) => {
      const source = e.url ? `<a href="${escapeHtml(e.url)}">${escapeHtml(e.source)}</a>` : escapeHtml(e.source)
      const note = evidenceNote(e)
      return `<blockquote><p>${escapeHtml(e.text)}</p><p>— ${source}, ${escapeHtml(e.published.slice(0, 10))}${note ? ` <small>[${escapeHtml(note)}]</small>` : ''}</p></blockquote>`
    })
    .join('')
  return `<p>${escapeHtml(v.summary)}</p>${quotes}<p><a href="${escapeHtml(v.url)}">${escapeHtml(v.a.name)}–${escapeHtml(v.b.name)} over time</a></p>`
}
