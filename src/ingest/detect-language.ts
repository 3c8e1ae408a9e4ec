// The language of an item, so that what the engine cannot read (it reads English) is counted and said instead of
// silently yielding nothing. franc-min's trigrams mistake English headlines full of names for Swedish or Uzbek
// ("Putin hosts Erdogan for Syria talks in Sochi"), so English function words decide first: cheaper than trigrams
// and right where trigrams are not, and a near tie goes to English. Codes are ISO 639-3 as franc gives them: eng,
// por, urd…; und when a text is too short to tell.
import { francAll } from 'franc-min'

export const ENGLISH = 'eng'
export const UNDETERMINED = 'und'

/** Characters looked at: enough for trigrams to settle, and franc's cost grows with the sample. */
const SAMPLE = 600
/**
 * Below this many letters, Latin-script text without English function words gives trigrams little to go on: a wire
 * brief such as "Egypt sanctions Ankara | NEW YORK — South Korea accused Ukraine on Friday" comes out French.
 */
const SHORT = 160
/** Below this many, a title alone: never called foreign, `und` unless trigrams nearly say English. */
const TITLE = 60
/** Words that are common in English prose and rare or absent in the Latin-script languages franc-min knows. */
const ENGLISH_WORDS = new Set([
  'the',
  'of',
  'and',
  'to',
  'for',
  'with',
  'that',
  'by',
  'has',
  'have',
  'had',
  'said',
  'from',
  'were',
  'after',
  'which',
  'this',
  'their',
  'would',
  'been',
  'who',
  'they',
  'its',
  'it',
  'are',
  'at',
  'not',
  'over',
  'into',
  'than',
  'could',
  'should',
])
/** Share of words from ENGLISH_WORDS above which a Latin-script text is English (news prose has 20–30 %). */
const ENGLISH_SHARE = 0.08
/**
 * franc scores the best language 1 and the others relative to it. English within this much of the best is a tie
 * trigrams cannot break (an English lead full of Spanish names scores Spanish 1.00, English 0.99), and a tie is
 * read: Portuguese prose scores English near 0.67, a Portuguese article quoting one English sentence 0.92.
 */
const ENGLISH_TIE = 0.95
/**
 * The same for a short text, whose trigrams are few: English wire briefs score 0.81 and up, a Portuguese or Spanish
 * sentence 0.68–0.73. Between SHORT_FOREIGN and SHORT_ENGLISH_TIE a short text cannot be told (`und`).
 */
const SHORT_ENGLISH_TIE = 0.8
const SHORT_FOREIGN = 0.75

/** The ISO 639-3 code of the language `text` is written in; `und` when it is too short to tell. */
export function detectLanguage(text: string): string {
  const sample = text.slice(0, SAMPLE)
  let latin = 0
  let other = 0
  for (const ch of sample) {
    if (/\p{Script=Latin}/u.test(ch)) latin++
    else if (/\p{L}/u.test(ch)) other++
  }
  if (latin + other === 0) return UNDETERMINED
  if (latin > other) {
    const words = sample.toLowerCase().match(/[a-z]+(?:['’][a-z]+)?/g) ?? []
    const english = words.filter((w) => ENGLISH_WORDS.has(w)).length
    if (english >= 2 && english / words.length >= ENGLISH_SHARE) return ENGLISH
  }
  const scores = francAll(sample, { minLength: 20 })
  const [best] = scores[0] ?? [UNDETERMINED]
  if (best === UNDETERMINED || best === ENGLISH) return best
  const english = scores.find(([code]) => code === ENGLISH)?.[1] ?? 0
  if (latin > other && latin < SHORT) {
    if (english >= SHORT_ENGLISH_TIE) return ENGLISH
    return latin >= TITLE && english < SHORT_FOREIGN ? best : UNDETERMINED
  }
  return english >= ENGLISH_TIE ? ENGLISH : best
}

/** Whether the engine reads items in `language`: English, and texts too short to tell (it finds nothing in others). */
export function isAnalysed(language: string | null | undefined): boolean {
  return !language || language === ENGLISH || language === UNDETERMINED
}
