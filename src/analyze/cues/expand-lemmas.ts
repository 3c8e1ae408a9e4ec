// From the lexicon's pattern language to the surface one the matcher compiles: every word of a cue pattern is a
// lemma and stands for all its forms ("seize" → "(seize|seizes|seized|seizing)"), so the lexicon lists lemmas and
// nominalisations, never inflected strings. Three escapes keep a word as written: a function word ("to", "has"),
// a word marked `=` ("=talks" when only the plural will do), and every word of a group marked `=`
// ("=(new|fresh|more)", for fillers). A word marked `~` is a noun: it matches itself and its plural only ("~demand"
// never matches "demanding"). `{NAME}` inserts a macro of the lexicon first.
import { CLOSED, inflections, nounForms } from '../text/inflect.ts'

const WORD = /(?<![\\[=\p{L}\d_'’@-])(~?)(\p{Ll}[\p{Ll}'’]*(?:-\p{Ll}+)*)(?![\p{L}\d_*?\['’@-])/gu

/** Expand `{NAME}` macros (which may use other macros) in a pattern. */
export function applyMacros(pattern: string, macros: Map<string, string>, depth = 0): string {
  if (depth > 5) throw new Error(`macro loop in "${pattern}"`)
  return pattern.replace(/\{([A-Z][A-Z_]*)\}/g, (_, name: string) => {
    const body = macros.get(name)
    if (body === undefined) throw new Error(`unknown macro {${name}} in "${pattern}"`)
    return applyMacros(body, macros, depth + 1)
  })
}

/** Index just past the group that opens at `open` (a `(`), or -1. */
function groupEnd(pattern: string, open: number): number {
  let depth = 0
  for (let i = open; i < pattern.length; i++) {
    const ch = pattern[i]
    if (ch === '\\') i++
    else if (ch === '(') depth++
    else if (ch === ')' && --depth === 0) return i + 1
  }
  return -1
}

function expandRun(text: string): string {
  return text.replace(WORD, (_, noun: string, word: string) => {
    if (CLOSED.has(word)) return word
    // "~demand": the noun and its plural only, never "demanding"
    const forms = noun ? nounForms(word) : inflections(word)
    return forms.length === 1 ? word : `(${forms.join('|')})`
  })
}

/** The pattern with every lemma replaced by the alternation of its forms, and the `=` marks removed. */
export function expandLemmas(pattern: string): string {
  let out = ''
  let at = 0
  while (at < pattern.length) {
    const eq = pattern.indexOf('=', at)
    if (eq < 0) break
    out += expandRun(pattern.slice(at, eq))
    // a lookaround's "(?=" or "(?<=" is regular-expression syntax, not a mark
    if (pattern.endsWith('(?', eq) || pattern.endsWith('(?<', eq)) {
      out += '='
      at = eq + 1
      continue
    }
    if (pattern[eq + 1] === '(') {
      const end = groupEnd(pattern, eq + 1)
      if (end < 0) throw new Error(`unbalanced group after "=" in "${pattern}"`)
      out += pattern.slice(eq + 1, end)
      at = end
    } else {
      const m = /^[a-z'’-]+/.exec(pattern.slice(eq + 1))
      out += m ? m[0] : '='
      at = eq + 1 + (m ? m[0].length : 0)
    }
  }
  return out + expandRun(pattern.slice(at))
}
