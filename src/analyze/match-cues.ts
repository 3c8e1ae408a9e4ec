// Compiles the cue lexicon and finds cue matches in a sentence whose actor mentions are masked.
import type { CueData } from './data/cue-data.ts'

export interface CompiledCue {
  cue: CueData
  re: RegExp
  /** a literal every match contains, checked before running the regex */
  anchor: string | null
}

export interface CueMatch {
  cue: CueData
  start: number
  end: number
}

const GAP = '(?:\\s+\\S+){0,6}?\\s+'
// Between two words of a pattern there may stand a masked actor mention ("soured @@@@'s ties").
const SPACE = "\\s+(?:@+\\s+)?"

export function compilePattern(pattern: string): RegExp {
  let src = pattern
    .replace(/([\p{L}\]])\*/gu, "$1[\\w'’-]*")
    .replace(/\s*…\s*/g, GAP)
    .replace(/ /g, SPACE)
    .replace(/\[a-z\]\+/g, '[a-z@]+')
    .replace(/\[a-z -\]\+/g, '[a-z@ -]+')
  const endsWithWord = /[\p{L}\d)\]?*+]$/u.test(pattern)
  src = `(?<![\\w@-])(?:${src})${endsWithWord ? '(?![\\w@])' : ''}`
  return new RegExp(src, 'gu')
}

/** The longest plain word that every match must contain, if the pattern has one outside any group. */
function anchorOf(pattern: string): string | null {
  let depth = 0
  let current = ''
  let best = ''
  for (const ch of pattern) {
    if (ch === '(') depth++
    if (ch === ')') depth--
    if (depth === 0 && /[a-z'-]/.test(ch)) current += ch
    else {
      if (ch === '?' && depth === 0) current = current.slice(0, -1)
      if (current.length > best.length) best = current
      current = ''
    }
  }
  if (current.length > best.length) best = current
  // A word followed by `*` or `?` is only a prefix; trim to what is certain.
  return best.length >= 3 ? best : null
}

export function compileCues(cues: CueData[]): CompiledCue[] {
  return cues.map((cue) => ({ cue, re: compilePattern(cue.pattern), anchor: anchorOf(cue.pattern) }))
}

const PRIORITY = { frozen: 3, deteriorating: 2, improving: 1, stable: 0 } as const

/** All cue matches, overlaps resolved: the longer match wins, then the more newsworthy direction. */
export function matchCues(masked: string, compiled: CompiledCue[]): CueMatch[] {
  const found: CueMatch[] = []
  for (const c of compiled) {
    if (c.anchor && !masked.includes(c.anchor)) continue
    c.re.lastIndex = 0
    for (const m of masked.matchAll(c.re)) {
      const text = m[0]
      const trimmed = text.replace(/\s+$/, '')
      if (!trimmed.replace(/[@\s]/g, '')) continue
      found.push({ cue: c.cue, start: m.index!, end: m.index! + trimmed.length })
    }
  }
  found.sort((x, y) => y.end - y.start - (x.end - x.start) || PRIORITY[y.cue.direction] - PRIORITY[x.cue.direction] || x.start - y.start)
  const kept: CueMatch[] = []
  for (const f of found) if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f)
  return kept.sort((x, y) => x.start - y.start)
}
