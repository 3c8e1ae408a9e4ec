// The labeled-corpus metrics, computed exactly as shared/tools/score-corpus.mjs computes them, but in-process:
// names resolve through the gazetteer's id, name and aliases, case-insensitively.
import { existsSync, readFileSync } from 'node:fs'
import { analyzeText } from '../../src/analyze/analyze-text.ts'
import { getEngine } from '../../src/analyze/engine.ts'

interface PairLabel {
  a: string
  b: string
  dir?: string[]
  sign?: '+' | '-'
}

export interface LabeledCase {
  id: string
  date: string
  text: string
  expect?: PairLabel[]
  allow?: PairLabel[]
  forbid?: PairLabel[]
  none?: boolean
}

export interface Scores {
  cases: number
  expected: number
  found: number
  correct: number
  predicted: number
  unresolved: number
  violations: number
  noneCases: number
  noneClean: number
  pairPrecision: number
  pairRecall: number
  pairF1: number
  strictF1: number
  misses: string[]
}

export function loadCases(file: string | URL): LabeledCase[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabeledCase)
}

export const casesExist = (file: string | URL): boolean => existsSync(file)

const norm = (s: string) => s.toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ').trim()
const key = (a: string, b: string) => [a, b].sort().join('--')
const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0)

function nameIndex(): (label: string) => string[] {
  const byName = new Map<string, string>()
  for (const a of getEngine().gazetteer.actors.values()) {
    for (const n of [a.id, a.name, ...a.aliases]) if (n && !byName.has(norm(n))) byName.set(norm(n), a.id)
  }
  return (label) =>
    label
      .split('|')
      .map((l) => byName.get(norm(l)))
      .filter((id): id is string => Boolean(id))
}

export function scoreCases(cases: LabeledCase[]): Scores {
  const resolve = nameIndex()
  let expected = 0,
    found = 0,
    correct = 0,
    predicted = 0,
    predictedOk = 0,
    unresolved = 0,
    violations = 0,
    noneCases = 0,
    noneClean = 0
  const misses: string[] = []
  for (const c of cases) {
    const pred = new Map(analyzeText(c.text, { date: c.date }).pairs.map((p) => [key(p.a, p.b), p]))
    const ok = new Set<string>()
    for (const e of c.expect ?? []) {
      expected++
      const as = resolve(e.a),
        bs = resolve(e.b)
      if (!as.length || !bs.length) {
        unresolved++
        misses.push(`${c.id}: actor not known: ${!as.length ? e.a : e.b}`)
        continue
      }
      const k = as.flatMap((a) => bs.map((b) => key(a, b))).find((k) => pred.has(k))
      if (!k) {
        misses.push(`${c.id}: missed ${e.a}–${e.b}`)
        continue
      }
      found++
      ok.add(k)
      const p = pred.get(k)!
      const dirOk = (e.dir ?? []).includes(p.direction)
      const signOk = !e.sign || (e.sign === '+' ? p.score > 0 : p.score < 0)
      if (dirOk && signOk) correct++
      else misses.push(`${c.id}: ${e.a}–${e.b} is ${p.direction} (${p.score})`)
    }
    const allowed = new Set(
      (c.allow ?? []).flatMap((e) => resolve(e.a).flatMap((a) => resolve(e.b).map((b) => key(a, b)))),
    )
    for (const [k, p] of pred) {
      predicted++
      if (ok.has(k) || allowed.has(k)) predictedOk++
      else misses.push(`${c.id}: spurious ${k} (${p.direction})`)
    }
    for (const f of c.forbid ?? []) {
      const k = resolve(f.a)
        .flatMap((a) => resolve(f.b).map((b) => key(a, b)))
        .find((k) => pred.has(k))
      if (k && (f.dir ?? []).includes(pred.get(k)!.direction)) {
        violations++
        misses.push(`${c.id}: negated claim reported: ${k} ${pred.get(k)!.direction}`)
      }
    }
    if (c.none) {
      noneCases++
      if (pred.size === 0) noneClean++
    }
  }
  const P = predicted ? predictedOk / predicted : 1
  const R = expected ? found / expected : 1
  const sR = expected ? correct / expected : 1
  const sP = predicted ? Math.min(correct, predictedOk) / predicted : 1
  return {
    cases: cases.length,
    expected,
    found,
    correct,
    predicted,
    unresolved,
    violations,
    noneCases,
    noneClean,
    pairPrecision: P,
    pairRecall: R,
    pairF1: f1(P, R),
    strictF1: f1(sP, sR),
    misses,
  }
}
