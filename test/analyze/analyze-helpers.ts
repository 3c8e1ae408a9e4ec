// Small views on the engine's output for behaviour tests.
import { analyzeText } from '../../src/analyze/analyze-text.ts'
import { getEngine } from '../../src/analyze/engine.ts'
import { newDocState, type Mention } from '../../src/analyze/mentions/find-mentions.ts'
import { analyzeSentence } from '../../src/analyze/signals/sentence-signals.ts'
import type { Signal } from '../../src/types.ts'
import { expect, it } from 'vitest'

export const DATE = '2024-05-01'

/** One row of a rule's table: a sentence, the date it was written (office holders resolve by it), the verdicts. */
export type PairCase = [text: string, date: string, expected: Record<string, string>]

/** A rule's table: one test per row, whose document-level verdicts must be exactly the row's. */
export function pairTable(rule: string, rows: PairCase[]): void {
  it.each(rows)(`${rule}: %s`, (text, date, expected) => {
    expect(pairs(text, date)).toEqual(expected)
  })
}

/** Document-level verdicts as "a--b" (ids sorted) → direction. */
export function pairs(text: string, date = DATE): Record<string, string> {
  return Object.fromEntries(analyzeText(text, { date }).pairs.map((p) => [p.pair, p.direction]))
}

export function signals(text: string, date = DATE): Signal[] {
  return analyzeText(text, { date }).signals
}

/** Mentions of one sentence analysed on its own, as "surface→actor:role". */
export function mentions(sentence: string, date = DATE): string[] {
  return analyzeSentence(sentence, 0, date, getEngine(), newDocState()).mentions.map(
    (m: Mention) => `${m.text}→${m.rollup}:${m.role}`,
  )
}

/** One row of a mention-role table: a sentence, the surface of one mention, the sentence's date, the role it must take. */
export type RoleCase = [text: string, surface: string, date: string, role: string]

/** A mention-role rule's table: one test per row. */
export function roleTable(rule: string, rows: RoleCase[]): void {
  it.each(rows)(`${rule}: %s (%s)`, (text, surface, date, role) => {
    expect(roleOf(text, surface, date)).toBe(role)
  })
}

export function roleOf(sentence: string, surface: string, date = DATE): string | undefined {
  const m = analyzeSentence(sentence, 0, date, getEngine(), newDocState()).mentions.find((x) => x.text === surface)
  return m?.role
}
