// `?filter=` and `?filterout=`: RSSHub's parameters, without its regular expressions. A pattern is plain text
// matched case-insensitively as a substring, `|` separating alternatives; nothing is compiled, so no pattern can
// make the server backtrack. Regular-expression syntax is refused with a clear message rather than taken
// literally and silently matching nothing.
import { HttpError } from './errors.ts'

const MAX_LENGTH = 200
const MAX_ALTERNATIVES = 10
// Characters that only mean something in a regular expression. `.` is not among them: "U.S." is plain text.
const REGEX_SYNTAX = /[\\^$*+?()[\]{}]/

/** Lower-cased and compatibility-normalised, so "ＩＲＡＮ" and "Iran" are one word to a filter. */
export const foldCase = (s: string): string => s.normalize('NFKC').toLowerCase()

export function parseTextFilter(raw: string, name: string): string[] {
  if (raw.length > MAX_LENGTH) throw new HttpError(400, `${name} is at most ${MAX_LENGTH} characters`)
  if (REGEX_SYNTAX.test(raw))
    throw new HttpError(
      400,
      `${name} is plain text, not a regular expression: separate alternatives with | and leave out \\ ^ $ * + ? ( ) [ ] { }`,
    )
  const alternatives = [
    ...new Set(
      raw
        .split('|')
        .map((t) => foldCase(t.trim()))
        .filter(Boolean),
    ),
  ]
  if (!alternatives.length) throw new HttpError(400, `${name} needs some text`)
  if (alternatives.length > MAX_ALTERNATIVES)
    throw new HttpError(400, `${name} takes at most ${MAX_ALTERNATIVES} alternatives`)
  return alternatives
}

export interface TextFilter {
  /** keep what contains any of these */
  filter?: string[]
  /** drop what contains any of these */
  filterout?: string[]
}

/** Whether a text (folded with foldCase) passes: contains one `filter` alternative and no `filterout` one. */
export function passesTextFilter(folded: string, f: TextFilter): boolean {
  if (f.filter && !f.filter.some((t) => folded.includes(t))) return false
  if (f.filterout && f.filterout.some((t) => folded.includes(t))) return false
  return true
}
