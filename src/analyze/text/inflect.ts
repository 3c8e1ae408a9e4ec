// English inflection for the cue lexicons: a pattern names a word by its lemma ("seize", "ally", "crisis") and
// matches every form of it ("seized", "seizes", "seizing"; "allies", "allied"; "crises"). Forms come from the
// regular rules below plus the irregular table in ../data/words/inflections.json. The rules over-generate a little
// on purpose (both "visited" and "visitted"): a form no text contains costs nothing, a missing one loses a cue.
import inflectionsFile from '../data/words/inflections.json' with { type: 'json' }
import type { DataFile } from '../data/data-file.ts'

const file = inflectionsFile as unknown as DataFile<string[]>
const section = (name: string) => file.sections.find((s) => s.section === name)?.entries ?? []
const IRREGULAR = new Map<string, string[]>()
for (const forms of [...section('irregular verbs'), ...section('irregular nouns')])
  IRREGULAR.set(forms[0]!, forms.slice(1))
/** Function words: matched as written, never inflected. */
export const CLOSED = new Set(section('closed').flat())

const VOWEL = /[aeiouy]/
const SIBILANT = /(s|x|z|ch|sh)$/

/** The -s form: third person singular of a verb, plural of a noun. */
function sForm(w: string): string[] {
  if (/[^aeiou]y$/.test(w)) return [w.slice(0, -1) + 'ies']
  if (SIBILANT.test(w)) return [w + 'es']
  if (/[^aeiou]o$/.test(w)) return [w + 'es', w + 's']
  if (/(?:[^f]fe|[^aeiouf]f)$/.test(w) && w.length > 3) return [w + 's', w.replace(/fe?$/, 'ves')]
  return [w + 's']
}

/** A final consonant a suffix may double ("ban" → "banned", "commit" → "committed", "cancel" → "cancelled"). */
function doubled(w: string): string | null {
  if (!/[^aeiou][aeiou][bdgklmnprtvz]$/.test(w) || /[wxy]$/.test(w)) return null
  return w + w[w.length - 1]
}

function edForms(w: string): string[] {
  if (w.endsWith('e')) return [w + 'd']
  if (/[^aeiou]y$/.test(w)) return [w.slice(0, -1) + 'ied']
  if (/[aeiou]c$/.test(w)) return [w + 'ked', w + 'ed'] // "panic" → "panicked"
  const d = doubled(w)
  return d ? [w + 'ed', d + 'ed'] : [w + 'ed']
}

function ingForms(w: string): string[] {
  if (w.endsWith('ie')) return [w.slice(0, -2) + 'ying']
  if (/[^aeioy]e$/.test(w) && w.length > 2) return [w.slice(0, -1) + 'ing']
  if (/[aeiou]c$/.test(w)) return [w + 'king', w + 'ing']
  const d = doubled(w)
  return d ? [w + 'ing', d + 'ing'] : [w + 'ing']
}

/** British and American spellings of -ise/-ize words and their nominalisations ("normalise", "normalization"). */
function spellings(w: string): string[] {
  const m = /^(.+[^aeiou])i([sz])(e|ation|ations)$/.exec(w)
  if (!m) return [w]
  return [`${m[1]}is${m[3]}`, `${m[1]}iz${m[3]}`]
}

/** A noun and its plural ("ministry", "ministries"; "crisis", "crises"). */
export function nounForms(noun: string): string[] {
  if (CLOSED.has(noun) || !VOWEL.test(noun) || /[^a-z-]/.test(noun)) return [noun]
  const irregular = IRREGULAR.get(noun)
  return [...new Set([noun, ...(irregular && irregular.length === 1 ? irregular : sForm(noun))])]
}

const memo = new Map<string, string[]>()

/** Every form of a lemma: itself, -s/-es, -ed, -ing (and their spelling variants), irregular forms. */
export function inflections(lemma: string): string[] {
  const known = memo.get(lemma)
  if (known) return known
  let out: string[]
  if (CLOSED.has(lemma) || (!VOWEL.test(lemma) && !IRREGULAR.has(lemma)) || lemma.length < 2) out = [lemma]
  else {
    const forms = new Set<string>()
    // the last part of a compound inflects: "re-establish" → "re-established", "set-up" stays
    const dash = lemma.lastIndexOf('-')
    const head = dash >= 0 ? lemma.slice(0, dash + 1) : ''
    const tail = dash >= 0 ? lemma.slice(dash + 1) : lemma
    for (const w of spellings(tail)) {
      forms.add(w)
      const irregular = IRREGULAR.get(w)
      if (irregular) for (const f of irregular) forms.add(f)
      for (const f of [...sForm(w), ...edForms(w), ...ingForms(w)]) forms.add(f)
      // "meeting" is also a noun with a plural of its own
      for (const f of ingForms(w)) forms.add(f + 's')
    }
    out = [...forms].map((f) => head + f)
  }
  memo.set(lemma, out)
  return out
}
