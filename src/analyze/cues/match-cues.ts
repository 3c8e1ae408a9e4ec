// Compiles the cue lexicon and finds cue matches in a sentence whose actor mentions are masked.
import { anchorsOf, leadOf } from './cue-anchors.ts'
import type { CueData } from '../data/cue-data.ts'
import { expandLemmas } from './expand-lemmas.ts'

export interface CompiledCue {
  cue: CueData
  re: RegExp
  /** literals one of which every match contains, checked before running the regex */
  anchors: string[] | null
  /** literals one of which every match starts with: the regex then only runs, sticky, at words that start so */
  lead: string[] | null
  /** the first two letters of each lead literal, to rule words out quickly */
  leadKeys: Set<string> | null
  sticky: RegExp | null
}

export interface CueMatch {
  cue: CueData
  start: number
  end: number
}

const GAP = '(?:\\s+\\S+){0,6}?\\s+'
// Between two words of a pattern there may stand a masked actor mention ("soured @@@@'s ties"); before an
// optional part that is left out, the space is not needed ("normalisation," for "normali[sz]* (of )?(ties)?").
const SPACE = '(?:\\s+(?:@+(?:-@+)*\\s+)?|(?![\\w@]))'

export function compilePattern(pattern: string): RegExp {
  let src = pattern
    .replace(/\[a-z\]\+/g, '[a-z@]+')
    // "a U.S.-brokered declaration", "a Qatari-mediated truce": a word slot also takes a compound that opens with an actor
    .replace(/\[a-z([^\]@]*)\]\+/g, '(?:@+-)?[a-z$1]+')
    // a space inside a character class is any whitespace, not a word gap
    .replace(/\[[^\]]*\]/g, (cls) => cls.replace(/ /g, '\\s').replace(/^\[a-z\\s-\]$/, '[a-z@\\s-]'))
    // "restor*": a stem and any ending; a class of letters ("normali[sz]*") likewise, but "[0-9.,]*" keeps its star
    .replace(/(\p{L}|\[[^\]]*\])\*/gu, (m, stem: string) =>
      stem.startsWith('[') && /\\d|0-9/.test(stem) ? m : `${stem}[\\w'’-]*`,
    )
    .replace(/\s*…\s*/g, GAP)
    .replace(/ /g, SPACE)
  const endsWithWord = /[\p{L}\d)\]?*+]$/u.test(pattern)
  // The left word boundary is checked by matchCues rather than by a lookbehind, which would keep the regex
  // engine from skipping ahead to where the pattern's first letters occur.
  src = `(?:${src})${endsWithWord ? '(?![\\w@])' : ''}`
  return new RegExp(src, 'g')
}

/** A character that continues a word: a match may not start right after one. */
function continuesWord(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 95 ||
    code === 64 ||
    code === 45
  )
}

/** The compiled lexicon with its anchors indexed by their first three letters, so a sentence consults only the cues its words can start. */
export interface CueIndex {
  cues: CompiledCue[]
  byPrefix: Map<string, { anchor: string; cue: number }[]>
  unanchored: number[]
  /** the lead literals of every cue that has them, by their first two letters: which cues may start at a word */
  byLead: Map<string, { lead: string; cue: number }[]>
  /** cues with no lead literals: their regexes run over the whole sentence */
  unled: number[]
  /** each cue's position in the lexicon */
  order: Map<CueData, number>
}

export function compileCues(cues: CueData[]): CueIndex {
  const compiled = cues.map((cue) => {
    const surface = expandLemmas(cue.pattern)
    const re = compilePattern(surface)
    const lead = leadOf(surface)
    return {
      cue,
      re,
      anchors: anchorsOf(surface),
      lead,
      leadKeys: lead ? new Set(lead.map((l) => l.slice(0, 2))) : null,
      sticky: lead ? new RegExp(re.source, 'y') : null,
    }
  })
  const byPrefix = new Map<string, { anchor: string; cue: number }[]>()
  const unanchored: number[] = []
  compiled.forEach((c, i) => {
    if (!c.anchors) return void unanchored.push(i)
    for (const anchor of c.anchors) {
      const key = anchor.slice(0, 3)
      byPrefix.set(key, [...(byPrefix.get(key) ?? []), { anchor, cue: i }])
    }
  })
  const byLead = new Map<string, { lead: string; cue: number }[]>()
  const unled: number[] = []
  compiled.forEach((c, i) => {
    if (!c.sticky || !c.lead) return void unled.push(i)
    for (const lead of new Set(c.lead)) {
      const key = lead.slice(0, 2)
      byLead.set(key, [...(byLead.get(key) ?? []), { lead, cue: i }])
    }
  })
  return { cues: compiled, byPrefix, unanchored, byLead, unled, order: new Map(cues.map((c, i) => [c, i])) }
}

interface Word {
  text: string
  at: number
  key: string
}

/** The words of the masked sentence with their offsets, the parts of hyphenated words included. */
function wordsOf(masked: string): Word[] {
  const out: Word[] = []
  for (const m of masked.matchAll(/[^\s@.,;:!?()"“”\[\]]+/g)) {
    out.push({ text: m[0], at: m.index!, key: m[0].slice(0, 2) })
    if (m[0].includes('-')) {
      let off = 0
      for (const part of m[0].split('-')) {
        if (off) out.push({ text: part, at: m.index! + off, key: part.slice(0, 2) })
        off += part.length + 1
      }
    }
  }
  return out
}

/** Indexes of the cues whose anchor starts some word of the masked sentence. */
function candidates(words: Word[], index: CueIndex): number[] {
  const out = new Set(index.unanchored)
  for (const { text: w } of words) {
    const entries = w.length >= 3 ? index.byPrefix.get(w.slice(0, 3)) : undefined
    if (entries) for (const e of entries) if (w.startsWith(e.anchor)) out.add(e.cue)
  }
  return [...out].sort((a, b) => a - b)
}

const PRIORITY = { frozen: 3, deteriorating: 2, improving: 1, stable: 0 } as const

/**
 * Whether a match starts on a capitalised word inside the sentence: then it is part of a name ("the Champions
 * Trophy", "the Good Friday Agreement"), not the action the cue names. Sentence and quotation starts are exempt.
 */
function inName(sentence: string, at: number): boolean {
  if (!/^\p{Lu}/u.test(sentence[at] ?? '')) return false
  const before = sentence.slice(0, at).trimEnd()
  return before.length > 0 && !/[.!?:;"“‘'(\[–—-]$/.test(before)
}

/** All cue matches, overlaps resolved: the longer match wins, then the more newsworthy direction. */
/**
 * `accepts`, when given, may refuse a match before overlaps are settled ("withdrawal from Niger" is no exit from a
 * bloc), so a shorter cue it would have hidden can take the words.
 */
export function matchCues(
  masked: string,
  index: CueIndex,
  sentence?: string,
  accepts?: (cue: CueMatch) => boolean,
): CueMatch[] {
  const found: CueMatch[] = []
  const words = wordsOf(masked)
  const take = (c: CompiledCue, at: number, text: string) => {
    const trimmed = text.replace(/\s+$/, '')
    if (!trimmed.replace(/[@\s]/g, '')) return
    if (sentence && inName(sentence, at)) return
    if (accepts && c.cue.targetKinds && !accepts({ cue: c.cue, start: at, end: at + trimmed.length })) return
    found.push({ cue: c.cue, start: at, end: at + trimmed.length })
  }
  const allowed = new Uint8Array(index.cues.length)
  for (const i of candidates(words, index)) allowed[i] = 1
  // Cues with lead literals: every match starts at a word that starts with one, so each word of the sentence
  // looks up the cues that may start at it and runs only those, sticky, there.
  const after = new Int32Array(index.cues.length).fill(-1)
  for (const w of words) {
    const entries = index.byLead.get(w.key)
    if (!entries || (w.at > 0 && continuesWord(masked.charCodeAt(w.at - 1)))) continue
    let tried = -1
    for (const e of entries) {
      if (e.cue === tried || !allowed[e.cue] || w.at < after[e.cue]! || !w.text.startsWith(e.lead)) continue
      tried = e.cue
      const c = index.cues[e.cue]!
      c.sticky!.lastIndex = w.at
      const m = c.sticky!.exec(masked)
      if (!m || !m[0].length) continue
      take(c, w.at, m[0])
      after[e.cue] = w.at + m[0].length
    }
  }
  for (const i of index.unled) {
    if (!allowed[i]) continue
    const c = index.cues[i]!
    const re = c.re
    re.lastIndex = 0
    let m: RegExpExecArray | null
    while ((m = re.exec(masked))) {
      const at = m.index
      if (!m[0].length) re.lastIndex = at + 1
      if (at > 0 && continuesWord(masked.charCodeAt(at - 1))) {
        re.lastIndex = at + 1
        continue
      }
      take(c, at, m[0])
    }
  }
  // ties go to the cue listed first in the lexicon, whatever order the matches were found in
  const order = index.order
  found.sort(
    (x, y) =>
      y.end - y.start - (x.end - x.start) ||
      PRIORITY[y.cue.direction] - PRIORITY[x.cue.direction] ||
      x.start - y.start ||
      order.get(x.cue)! - order.get(y.cue)!,
  )
  const kept: CueMatch[] = []
  // A match inside a longer one is a part of it ("sanctions" in "lifted sanctions"); two that only overlap are two
  // acts ("rejected a U.S. offer" and "offer of humanitarian aid"), unless they begin at the same word.
  // An improvement that starts inside a suspension or a refusal is what is suspended or refused ("postponed
  // high-level talks with Seoul", "suspending its participation in the treaty with"): not an act of its own.
  for (const f of found) {
    if (
      kept.some(
        (k) =>
          (f.start >= k.start && f.end <= k.end) ||
          f.start === k.start ||
          (f.start < k.end &&
            k.start < f.end &&
            Math.min(f.end, k.end) - Math.max(f.start, k.start) > Math.min(f.end - f.start, k.end - k.start) / 2),
      )
    )
      continue
    // "supplying weapons" and "weapons to Russia": two cues of one type that overlap are one act, spanning both
    const same = kept.findIndex(
      (k) =>
        f.start < k.end &&
        k.start < f.end &&
        k.cue.type === f.cue.type &&
        k.cue.direction === f.cue.direction &&
        f.cue.direction === 'improving',
    )
    if (same >= 0)
      kept[same] = {
        ...kept[same]!,
        start: Math.min(kept[same]!.start, f.start),
        end: Math.max(kept[same]!.end, f.end),
      }
    else kept.push(f)
  }
  const suspended = (f: CueMatch) =>
    f.cue.direction === 'improving' &&
    kept.some(
      (k) => f.start > k.start && f.start < k.end && k.cue.direction !== 'improving' && k.cue.direction !== 'stable',
    )
  return kept.filter((f) => !suspended(f)).sort((x, y) => x.start - y.start)
}
