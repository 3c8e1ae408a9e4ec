// `entente analyze` and `entente actors`: the engine on the command line, in the scorer's contract.
import { analyzeText } from '../analyze/analyze-text.ts'
import { getEngine } from '../analyze/engine.ts'
import { actorView } from '../publish/actor-view.ts'
import type { Signal } from '../types.ts'

export function actorsJson(): string {
  return JSON.stringify({ actors: [...getEngine().gazetteer.actors.values()].map(actorView) })
}

export function explain(signals: Signal[], nameOf: (id: string) => string): string {
  const lines: string[] = []
  let last = -1
  for (const s of signals) {
    if (s.sentenceIndex !== last) {
      lines.push('', `[${s.sentenceIndex + 1}] ${s.sentence}`)
      last = s.sentenceIndex
    }
    const flags = s.flags.length ? ` [${s.flags.join(', ')}]` : ''
    lines.push(`  ${nameOf(s.a)}–${nameOf(s.b)}: ${s.direction} ${s.score >= 0 ? '+' : ''}${s.score.toFixed(2)} (confidence ${s.confidence.toFixed(2)})${flags}`)
    lines.push(`    cue ${s.cues.join(', ')} “${s.cueText}”; mentions ${s.mentions.map((m) => `“${m.text}”→${m.actor}${m.rollup !== m.actor ? `→${m.rollup}` : ''} (${m.via}, ${m.role})`).join('; ')}`)
  }
  return lines.join('\n').trim()
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
    const date = typeof rec.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(rec.date) ? rec.date : undefined
    const { signals, pairs } = analyzeText(rec.text, date ? { date } : {})
    out.push(JSON.stringify({ id: rec.id ?? null, signals, pairs }))
  }
  return out.join('\n') + (out.length ? '\n' : '')
}
