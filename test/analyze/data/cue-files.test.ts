// The cue lexicon's data files, linted after compromise's lexicon lint: valid against the schema, canonical, one
// event type per file with ids prefixed by it, unique ids and patterns, every pattern compiling, every macro used
// defined, and every cue matching its own examples.
import { describe, expect, it } from 'vitest'
import { analyzeText, type SentenceTrace } from '../../../src/analyze/analyze-text.ts'
import { expandLemmas } from '../../../src/analyze/cues/expand-lemmas.ts'
import { compilePattern } from '../../../src/analyze/cues/match-cues.ts'
import { EVENT_TYPES } from '../../../src/analyze/data/cue-data.ts'
import { cueFiles, cues, eventTypes, macroFile } from '../../../src/analyze/data/cues.ts'
import { entriesOf } from '../../../src/analyze/data/data-file.ts'
import { isCanonical, schemaErrors } from './data-files.ts'

const FILES = [...EVENT_TYPES.map((t) => `cues/${t.toLowerCase()}.json`), 'cues/macros.json', 'event-types.json', 'words/context-words.json', 'words/inflections.json']

describe('cue lexicon files', () => {
  it.each(FILES)('%s validates against its schema', (f) => {
    expect(schemaErrors(f)).toEqual([])
  })

  it.each(FILES)('%s is written in canonical form (npm run data:format)', (f) => {
    expect(isCanonical(f)).toBe(true)
  })

  it('has one file per PLOVER event type, each cue of its file\'s type with an id prefixed by it', () => {
    expect(Object.keys(cueFiles).sort()).toEqual([...EVENT_TYPES].sort())
    for (const [type, file] of Object.entries(cueFiles)) {
      for (const cue of entriesOf(file)) {
        expect(cue.type, cue.id).toBe(type)
        expect(cue.id.startsWith(`${type.toLowerCase()}.`), cue.id).toBe(true)
      }
    }
  })

  it('describes every event type once, each undone into another type', () => {
    expect([...eventTypes.keys()].sort()).toEqual([...EVENT_TYPES].sort())
    for (const t of eventTypes.values()) expect(EVENT_TYPES, t.type).toContain(t.undone)
  })

  it('gives every cue a unique id and a unique pattern', () => {
    expect(new Set(cues.map((c) => c.id)).size).toBe(cues.length)
    const patterns = cues.map((c) => c.pattern)
    expect(patterns.filter((p, i) => patterns.indexOf(p) !== i)).toEqual([])
  })

  it('compiles every pattern, with its macros defined and its direction signed like its score', () => {
    for (const c of cues) {
      expect(c.pattern, c.id).not.toMatch(/\{[A-Z_]+\}/)
      expect(() => compilePattern(expandLemmas(c.pattern)), c.id).not.toThrow()
      if (c.direction === 'improving') expect(c.score, c.id).toBeGreaterThan(0)
      if (c.direction === 'deteriorating' || c.direction === 'frozen') expect(c.score, c.id).toBeLessThan(0)
    }
  })

  it('defines every macro once', () => {
    const names = entriesOf(macroFile).map((m) => m.name)
    expect(new Set(names).size).toBe(names.length)
  })

  it('writes patterns in lemmas: no inflected -ed forms left bare outside = marks', () => {
    const bare = cues.filter((c) => /(?<![=\w'’-])(?!(?:need|feed|speed|seed|creed|bleed|breed|greed|shed|bed|red|hundred|proceed|succeed|exceed|heed)\b)[a-z]{3,}ed\b(?!\))/.test(c.pattern.replace(/=\([^)]*\)/g, '').replace(/=[a-z'-]+/g, '')))
    expect(bare.map((c) => c.id)).toEqual([])
  })
})

describe('cue examples', () => {
  const withExamples = cues.filter((c) => c.examples?.length)
  it('come with most cues', () => {
    expect(withExamples.length).toBeGreaterThanOrEqual(Math.floor(cues.length * 0.9))
  })

  it.each(withExamples.map((c) => [c.id, c] as const))('%s matches each of its own examples', (_, cue) => {
    for (const example of cue.examples!) {
      const traces: SentenceTrace[] = []
      analyzeText(example, { date: '2024-05-01', trace: (t) => traces.push(t) })
      expect(traces.flatMap((t) => t.cues.map((m) => m.cue.id)), example).toContain(cue.id)
    }
  })
})
