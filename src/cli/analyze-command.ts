// `entente analyze` and `entente actors`: the engine on the command line, in the scorer's contract.
import { analyzeText, type SentenceTrace } from '../analyze/analyze-text.ts'
import { getEngine } from '../analyze/engine.ts'
import { actorView } from '../publish/actor-view.ts'
import type { PairVerdict, Signal } from '../types.ts'
import { calendarDateProblem } from './calendar-date.ts'

export function actorsJson(): string {
  return JSON.stringify({ actors: [...getEngine().gazetteer.actors.values()].map(actorView) })
}

/** A signal as the JSON outputs show it: snake_case, with its event type, direction and flags side by side. */
export function signalView(s: Signal) {
  return {
    pair: s.pair,
    a: s.a,
    b: s.b,
    direction: s.direction,
    score: s.score,
    confidence: s.confidence,
    event_type: s.eventType,
    flags: s.flags,
    cues: s.cues,
    cue_text: s.cueText,
    sentence: s.sentence,
    sentence_index: s.sentenceIndex,
    mentions: s.mentions,
  }
}

/**
 * The engine's reading of a text, sentence by sentence: each actor mention with how it was recognised and the role
 * it plays, each cue with its event type, then the signals with their event type, direction, flags and confidence.
 */
export function explain(sentences: SentenceTrace[], pairs: PairVerdict[], nameOf: (id: string) => string): string {
  const lines: string[] = []
  for (const s of sentences) {
    if (!s.mentions.length && !s.cues.length) continue
    lines.push(`[${s.index + 1}] ${s.text}`)
    if (s.mentions.length)
      lines.push(
        `  mentions: ${s.mentions.map((m) => `“${m.text}”→${m.actor}${m.rollup !== m.actor ? `→${m.rollup}` : ''} (${m.via}, ${m.role})`).join('; ')}`,
      )
    if (s.cues.length)
      lines.push(
        `  cues: ${s.cues.map((c) => `${c.cue.id} ${c.cue.type} “${s.text.slice(c.start, c.end)}”`).join('; ')}`,
      )
    for (const g of s.signals) {
      const flags = g.flags.length ? ` [${g.flags.join(', ')}]` : ''
      lines.push(
        `  → ${nameOf(g.a)}–${nameOf(g.b)}: ${g.eventType} ${g.direction} ${g.score >= 0 ? '+' : ''}${g.score.toFixed(2)} (confidence ${g.confidence.toFixed(2)})${flags}`,
      )
      lines.push(
        `    cue ${g.cues.join(', ')} “${g.cueText}”; ${g.mentions.map((m) => `“${m.text}”→${m.rollup} (${m.role})`).join(', ')}`,
      )
    }
    lines.push('')
  }
  lines.push('Document:')
  for (const p of pairs)
    lines.push(
      `  ${nameOf(p.a)}–${nameOf(p.b)}: ${p.direction} ${p.score} (confidence ${p.confidence}, ${p.signals} signals)`,
    )
  if (!pairs.length) lines.push('  no pair')
  return lines.join('\n')
}

/** `analyze --explain`: the text analysed with every sentence traced. */
export function explainText(text: string, date: string | undefined): string {
  const sentences: SentenceTrace[] = []
  const { pairs } = analyzeText(text, { ...(date ? { date } : {}), trace: (s) => sentences.push(s) })
  const g = getEngine().gazetteer
  return explain(sentences, pairs, (id) => g.name(id))
}

export function analyzeJsonl(input: string): string {
  const out: string[] = []
  for (const [n, line] of input.split('\n').entries()) {
    if (!line.trim()) continue
    let rec: { id?: unknown; date?: unknown; text?: unknown }
    try {
      rec = JSON.parse(line)
    } catch {
      throw new Error(`line ${n + 1}: not valid JSON`)
    }
    if (typeof rec.text !== 'string') throw new Error(`line ${n + 1}: "text" must be a string`)
    const problem = rec.date === undefined || rec.date === null ? null : calendarDateProblem(rec.date)
    if (problem) throw new Error(`line ${n + 1}: "date" ${problem}`)
    const date = typeof rec.date === 'string' ? rec.date : undefined
    const { signals, pairs } = analyzeText(rec.text, date ? { date } : {})
    out.push(JSON.stringify({ id: rec.id ?? null, signals: signals.map(signalView), pairs }))
  }
  return out.join('\n') + (out.length ? '\n' : '')
}
