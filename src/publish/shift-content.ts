// The body of a feed entry: a correction or withdrawal note, the summary line, how the day's stories voted, and
// each evidence quote with its source and the outlets that carried it too, as text and as HTML.
import { escapeHtml } from './escape.ts'
import { articleNote, copiesNote, evidenceNote, votesNote } from './evidence-json.ts'
import type { ShiftView } from './feed-page.ts'

const notes = (e: ShiftView['evidence'][number]) =>
  [evidenceNote(e), articleNote(e), copiesNote(e)].filter(Boolean).join(' · ')

export function shiftText(v: ShiftView): string {
  const quotes = v.evidence.map((e) => {
    const note = notes(e)
    return `“${e.text}” — ${e.source}${e.url ? ` <${e.url}>` : ''}, ${e.published.slice(0, 10)}${note ? ` [${note}]` : ''}`
  })
  const votes = Object.keys(v.votes).length > 1 ? [`Stories voted: ${votesNote(v.votes)}.`] : []
  return [...(v.note ? [v.note, ''] : []), v.summary, ...votes, '', ...quotes].join('\n')
}

export function shiftHtml(v: ShiftView): string {
  const quotes = v.evidence
    .map((e) => {
      const source = e.url ? `<a href="${escapeHtml(e.url)}">${escapeHtml(e.source)}</a>` : escapeHtml(e.source)
      const note = notes(e)
      return `<blockquote><p>${escapeHtml(e.text)}</p><p>— ${source}, ${escapeHtml(e.published.slice(0, 10))}${note ? ` <small>[${escapeHtml(note)}]</small>` : ''}</p></blockquote>`
    })
    .join('')
  const votes = Object.keys(v.votes).length > 1 ? `<p>Stories voted: ${escapeHtml(votesNote(v.votes))}.</p>` : ''
  const note = v.note
    ? `<p><strong>${escapeHtml(v.withdrawnAt ? 'Withdrawn' : 'Corrected')}:</strong> ${escapeHtml(v.note)}</p>`
    : ''
  return `${note}<p>${escapeHtml(v.summary)}</p>${votes}${quotes}<p><a href="${escapeHtml(v.url)}">${escapeHtml(v.a.name)}–${escapeHtml(v.b.name)} over time</a></p>`
}
