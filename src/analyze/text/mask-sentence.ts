// The sentence as the cue patterns see it: lower-case, quotation marks blanked, every actor mention (with its
// possessive) replaced by `@` so that patterns name actions and never actors. Offsets are kept, character for
// character, so a match maps straight back onto the sentence.
import type { Token } from './tokenize.ts'

const DOUBLE_QUOTES = new Set(['“', '”', '"', '«', '»', '„'])
const QUOTE_CHARS = /["“”«»„'‘’]/

export function maskSentence(
  sentence: string,
  spans: { start: number; end: number; tokenEnd: number }[],
  tokens: Token[],
): string {
  // Code units, not code points, so that offsets into the mask are offsets into the sentence.
  const lowered = sentence.toLowerCase()
  let text =
    lowered.length === sentence.length
      ? lowered
      : Array.from(sentence.split(''), (c) => (c.toLowerCase().length === 1 ? c.toLowerCase() : c)).join('')
  if (QUOTE_CHARS.test(sentence)) text = blankQuotes(sentence, text)
  let out = ''
  let at = 0
  for (const m of spans) {
    let end = m.end
    const next = tokens[m.tokenEnd]
    if (next && (next.norm === "'s" || next.norm === "'") && next.start === end) end = next.end
    if (m.start < at) continue
    out += text.slice(at, m.start) + '@'.repeat(end - m.start)
    at = end
  }
  out += text.slice(at)
  // "expelled each other's diplomats": the reciprocal is a possessive determiner, as "their" is to the patterns;
  // "we will recall our ambassador": a quoted speaker's "our" is the "its" of reported speech.
  if (/\bour\b/.test(out)) out = out.replace(/\bour\b/g, 'its')
  return out.includes('each other') || out.includes('one another')
    ? out.replace(/\b(each other|one another)'s?(?![a-z])/g, (m) => 'their'.padEnd(m.length))
    : out
}

/** Quotation marks become spaces; a single quote that opens or closes a quotation ("called it 'charity'") is not an apostrophe. */
function blankQuotes(sentence: string, text: string): string {
  const units = text.split('')
  let open = false
  for (let i = 0; i < units.length; i++) {
    const c = sentence[i]!
    if (c === "'" || c === '’' || c === '‘') {
      const before = sentence[i - 1] ?? ' '
      const after = sentence[i + 1] ?? ' '
      if (c === '‘' || (!open && /[\s(\[]/.test(before) && /[\p{L}\d]/u.test(after))) {
        units[i] = ' '
        open = true
      } else if (open && /[\p{L}\d.!?]/u.test(before) && !/[\p{L}\d]/u.test(after)) {
        units[i] = ' '
        open = false
      } else units[i] = "'"
    } else if (DOUBLE_QUOTES.has(c)) units[i] = ' '
  }
  return units.join('')
}
