// News-like sentences about international affairs, built from templates so the analyzer sees the kind of
// text real feeds carry: actors joined by relation cues, plus the neutral filler that surrounds them.
import type { Rng } from './prng.ts'

const ACTORS = [
  'Iran',
  'Saudi Arabia',
  'Hamas',
  'the European Union',
  'Washington',
  'the Kremlin',
  'Israel',
  'Turkey',
  'Qatar',
  'Egypt',
  'China',
  'Beijing',
  'Russia',
  'Ukraine',
  'Hezbollah',
  'the United Arab Emirates',
  'Tehran',
  'Riyadh',
  'NATO',
  'the African Union',
  'India',
  'Pakistan',
  'Japan',
  'South Korea',
  'North Korea',
  'Venezuela',
  'Colombia',
  'Morocco',
  'Algeria',
  'Ethiopia',
  'Sudan',
  'the Houthis',
  'Syria',
  'Damascus',
  'Ankara',
  'Moscow',
  'Kyiv',
  'Armenia',
  'Azerbaijan',
  'Serbia',
  'Kosovo',
  'France',
  'Germany',
  'the United Kingdom',
  'Brazil',
  'Argentina',
] as const

const CUES = [
  'restored diplomatic relations with',
  'imposed sanctions on',
  'talks stalled with',
  'signed a defence pact with',
  'recalled its ambassador from',
  'accused',
  'condemned',
  'agreed a ceasefire with',
  'expelled diplomats from',
  'lifted sanctions on',
  'launched missile strikes on',
  'reopened its embassy in',
  'suspended cooperation with',
  'pledged military aid to',
  'held talks with',
  'cut diplomatic ties with',
  'threatened',
  'signed a trade agreement with',
  'has yet to resume talks with',
  'recognised the sovereignty of',
  'normalised relations with',
  'warned',
] as const

const WHEN = [
  'on Monday',
  'on Tuesday',
  'on Wednesday',
  'on Thursday',
  'on Friday',
  'at the weekend',
  'late on Sunday',
  'this week',
  'overnight',
] as const
const TAILS = [
  '',
  ', officials said',
  ', according to state media',
  ' after months of negotiations',
  ', citing security concerns',
  ' in a move analysts called significant',
  ', the foreign ministry said in a statement',
  ' despite objections from allies',
  ' following a summit in Geneva',
  ', a spokesman confirmed',
] as const

const NEUTRAL = [
  'Markets were little changed after the announcement, with oil prices steady in early trading.',
  'The meeting was the first of its kind in several years, diplomats said.',
  'Analysts said the decision could take months to implement.',
  'Officials declined to comment on the details of the negotiations.',
  'Heavy rain disrupted traffic in the capital for a second day.',
  'The ministry published a statement on its website late in the evening.',
  'Turnout in the regional elections was lower than expected.',
  'Reporters were not allowed to attend the closed-door session.',
  'The central bank left interest rates unchanged at its latest meeting.',
  'Aid agencies called for greater access to the affected areas.',
] as const

const HEADLINE_VERBS = [
  'clashes with',
  'moves closer to',
  'stalls talks with',
  'sanctions',
  'restores ties with',
  'warns',
  'courts',
  'hosts talks with',
] as const

function pair(rng: Rng): [string, string] {
  const a = rng.pick(ACTORS)
  let b = rng.pick(ACTORS)
  while (b === a) b = rng.pick(ACTORS)
  return [a, b]
}

const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1)

/** One sentence; about a third are neutral filler with no relation in them. */
export function sentence(rng: Rng): string {
  if (rng.next() < 0.33) return rng.pick(NEUTRAL)
  const [a, b] = pair(rng)
  if (rng.next() < 0.2) {
    const [c] = pair(rng)
    return `${cap(a)} and ${c === a ? 'its allies' : c} ${rng.pick(CUES)} ${b} ${rng.pick(WHEN)}${rng.pick(TAILS)}.`
  }
  return `${cap(a)} ${rng.pick(CUES)} ${b} ${rng.pick(WHEN)}${rng.pick(TAILS)}.`
}

export function headline(rng: Rng): string {
  const [a, b] = pair(rng)
  if (rng.next() < 0.25)
    return `${cap(a)}, ${b} agree to ${rng.pick(['restore ties', 'resume talks', 'a prisoner swap', 'extend the truce'])}`
  return `${cap(a)} ${rng.pick(HEADLINE_VERBS)} ${b}`
}

/** A description of one to four sentences, the usual length of a feed summary. */
export function paragraph(rng: Rng): string {
  return Array.from({ length: rng.int(1, 4) }, () => sentence(rng)).join(' ')
}
