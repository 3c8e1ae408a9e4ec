// What the words around a cue do to its claim: negate it, deny it, reverse it, make it hypothetical, history,
// or someone's report. The scopes are local: a few words back within the clause, stopping at a comma, a
// contrastive conjunction, or the cue's own agent ("did not veto the EU's sanctions" does not negate the sanctions).
import type { Direction } from '../../types.ts'
import * as words from '../data/context-words.ts'
import type { CueData } from '../data/cue-data.ts'
import type { CueMatch } from './match-cues.ts'
import { PhraseSet } from '../text/phrase-set.ts'
import type { Clause } from '../text/split-clauses.ts'
import type { Token } from '../text/tokenize.ts'
import * as fw from '../data/function-words.ts'

const NEGATORS = new PhraseSet(words.negators)
const DENIALS = new PhraseSet(words.denials)
const HYPOTHETICALS = new PhraseSet(words.hypotheticals)
const HISTORICALS = new PhraseSet(words.historicals)
const BACKGROUNDS = new PhraseSet(words.backgrounds)
const REVERSERS = new PhraseSet(words.reversers)
const PARTICIPATION = new PhraseSet(words.participation)
const REPORTING = new Set(words.reportingVerbs)
const BARRIERS = new Set(['but', 'however', 'although', 'though', 'while', 'whereas', 'instead', ','])
// A reverser governs only its own object: "ended its veto and signed a deal" does not reverse the deal.
const REVERSAL_BARRIERS = new Set([
  ...BARRIERS,
  'and',
  'or',
  'to',
  'that',
  'which',
  'after',
  'before',
  'since',
  'as',
  'by',
  'with',
  'for',
  'in',
  'on',
  'at',
  'from',
  'into',
  'over',
  'against',
  'about',
  'through',
  'via',
  'under',
  'during',
  'despite',
])
const DISMISSING = new Set([
  'rejected',
  'rejects',
  'rejecting',
  'dismissed',
  'dismisses',
  'dismissing',
  'denied',
  'denies',
  'refuted',
  'refutes',
  'disputed',
  'disputes',
  'brushed',
  'ridiculed',
  'mocked',
  'denounced',
])
const REPORT_NOUNS = new Set([
  'claim',
  'claims',
  'report',
  'reports',
  'allegation',
  'allegations',
  'accusation',
  'accusations',
  'suggestion',
  'suggestions',
  'assertion',
  'assertions',
  'speculation',
  'rumours',
  'rumors',
])
const NEGATION_REACH = 6
const COMPLETION = new Set(['end', 'ends', 'ended', 'ending'])
// "spared no effort to help", "left no stone unturned": a "no" that stresses rather than negates
const EMPHATIC_NO =
  /\b(spare|spares|spared|sparing) no\b|\bno stone unturned\b|\bno doubt\b|\bno less than\b|\bno fewer than\b|\bno sooner\b|\bno limits?\b|\bno bounds\b/
const TIME_WORDS = new Set(['on', ...fw.weekdays, 'today', 'yesterday'])
const CONDITIONALS = new Set(['if', 'unless', 'until'])
const MODALS = new Set(['will', 'would', "'ll"])
// acts whose "will" or "would" announces them rather than guesses at them
const STATED_NOW = new Set(['REJECT', 'THREATEN', 'PROTEST'])
/** Whether the only hedges between `from` and `to` are the modals "will" and "would". */
function onlyModal(tokens: Token[], from: number, to: number): boolean {
  let modal = false
  for (let k = from; k < to; k++) {
    if (MODALS.has(tokens[k]!.norm)) modal = true
    else if (HYPOTHETICALS.endingAt(tokens, k + 1)) return false
  }
  return modal
}
// words after which a comma opens an aside rather than a new clause
const ASIDE_OPENERS = new Set([
  'not',
  "n't",
  'has',
  'have',
  'had',
  'will',
  'would',
  'did',
  'does',
  'is',
  'are',
  'was',
  'were',
  'never',
  'also',
  "hasn't",
  "didn't",
  "won't",
  "wouldn't",
  "haven't",
  "hadn't",
  "isn't",
  "wasn't",
])
const NEGATION_IMMUNE = new Set(['standstill', 'level'])
const OWN_NEGATOR = /\b(no|not|never|without|yet|nor|n't|refus\w*|rul\w* out|oppos\w*)\b/
// whether a cue's own words negate (a pattern is tested once, not at every match)
const ownNegators = new Map<string, boolean>()

export interface Flags {
  negated: boolean
  denied: boolean
  reversed: boolean
  hypothetical: boolean
  historical: boolean
  reported: boolean
  /** the claim is the condition of another ("if Tokyo does not withdraw"): no act is stated either way */
  conditional?: boolean
}

export function tokenIndexAt(tokens: Token[], offset: number): number {
  let lo = 0
  let hi = tokens.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (tokens[mid]!.start < offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * Start of a scope that reaches `n` tokens back from `from`, not past `floor` or a barrier. A short aside set off
 * by commas right after an auxiliary ("has not, so far, broken off") is stepped over.
 */
function scopeStart(tokens: Token[], from: number, floor: number, n: number, barriers: Set<string>): number {
  let k = from
  let budget = n
  while (k > floor && budget > 0) {
    const t = tokens[k - 1]!.norm
    if (t === ',') {
      let open = k - 2
      while (open > floor && k - 2 - open < 4 && tokens[open]!.norm !== ',') open--
      if (open > floor && tokens[open]!.norm === ',' && ASIDE_OPENERS.has(tokens[open - 1]?.norm ?? '')) {
        k = open
        continue
      }
    }
    if (barriers.has(t)) break
    k--
    budget--
  }
  return k
}

// "Arab leaders rejected the ICC's arrest warrant": refusing an accusation disputes it, it does not undo it
const OPPOSING = /^(reject|repudiat|block|veto|obstruct|overturn)/

function reversedBefore(
  tokens: Token[],
  cueTok: number,
  floor: number,
  completes = false,
  accusation = false,
): boolean {
  const from = scopeStart(tokens, cueTok, floor, 6, REVERSAL_BARRIERS)
  for (let e = cueTok; e > from; e--) {
    const len = REVERSERS.endingAt(tokens, e)
    if (!len || e - len < from) continue
    // "the end of the talks" names when they ended, not that anyone ended them.
    const first = tokens[e - len]!.norm
    if (len === 1 && (first === 'end' || first === 'ends') && /^(the|at|by|of)$/.test(tokens[e - len - 1]?.norm ?? ''))
      continue
    // "talks ended in deadlock": ending in or with something is how it ended, not ending it.
    if (/^(in|with|without|up|on)$/.test(tokens[e]?.norm ?? '')) continue
    // "Blinken ended his visit", "concluded the talks": a meeting or a visit that ends has taken place
    if (completes && len === 1 && COMPLETION.has(first)) continue
    if (accusation && OPPOSING.test(first)) continue
    return true
  }
  return false
}

/** "rejected Venezuela's claims that …", "dismissed as false reports that …": what the report says is denied. */
function deniedReport(tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    if (!DISMISSING.has(tokens[k]!.norm)) continue
    for (let j = k + 1; j < Math.min(to, k + 7); j++) {
      if (!REPORT_NOUNS.has(tokens[j]!.norm)) continue
      // "rejected U.S. claims on Monday that …": a time adjunct may stand before "that"
      let k2 = j + 1
      while (k2 < j + 4 && TIME_WORDS.has(tokens[k2]?.norm ?? '')) k2++
      if (tokens[k2]?.norm === 'that' || tokens[k2]?.norm === 'of') return true
    }
  }
  return false
}

/** "said reports that Doha had ordered Hamas leaders to leave were inaccurate": a report the sentence then calls false. */
function reportCalledFalse(tokens: Token[], cueTok: number): boolean {
  let report = -1
  for (let k = Math.max(0, cueTok - 8); k < cueTok; k++)
    if (REPORT_NOUNS.has(tokens[k]!.norm) && tokens[k + 1]?.norm === 'that') report = k
  if (report < 0) return false
  for (let k = cueTok + 1; k < Math.min(tokens.length - 1, cueTok + 16); k++) {
    if (/^(was|were|is|are)$/.test(tokens[k]!.norm) && FALSE_WORDS.has(tokens[k + 1]!.norm)) return true
  }
  return false
}
const FALSE_WORDS = new Set([
  'inaccurate',
  'false',
  'untrue',
  'baseless',
  'unfounded',
  'fabricated',
  'incorrect',
  'wrong',
  'groundless',
  'fake',
  'lies',
  'nonsense',
])

/** Whether the only negator in reach is an emphatic "no" ("spared no effort to help Sudan end the war"). */
function emphaticNo(tokens: Token[], cueTok: number, floor: number): boolean {
  const from = Math.max(floor, cueTok - 12)
  const text = tokens
    .slice(from, cueTok)
    .map((t) => t.norm)
    .join(' ')
  if (!EMPHATIC_NO.test(text)) return false
  return !/\b(not|never|n't|without|nor|neither)\b/.test(text) && (text.match(/\bno\b/g)?.length ?? 0) === 1
}

/** "will not sever relations with Israel or expel its ambassador": a negation carries over "or" to the next verb. */
function negatedDisjunct(tokens: Token[], cueTok: number, floor: number): boolean {
  const or = tokens[cueTok - 1]?.norm === 'or' || tokens[cueTok - 1]?.norm === 'nor' ? cueTok - 1 : -1
  if (or < 0) return false
  return NEGATORS.anyIn(tokens, scopeStart(tokens, or, floor, 10, BARRIERS), or)
}

export interface FlagContext {
  tokens: Token[]
  reported: boolean
  docYear: number
  /** first token after the cue's own agent, if it has one right before it: scopes stop there */
  agentEnd: number | null
  /** first token of that agent's phrase */
  agentStart: number | null
  /** first token a denial may stand at: the start of the clause, or of the clause it depends on */
  denialFrom: number
  /** the clause gives the cause or backdrop of the main event ("after days of fighting") */
  backdrop: boolean
}

export function flagsFor(cue: CueMatch, clause: Clause, ctx: FlagContext): Flags {
  const { tokens } = ctx
  const cueTok = tokenIndexAt(tokens, cue.start)
  const cueEndTok = tokenIndexAt(tokens, cue.end)
  const clauseTok = tokenIndexAt(tokens, clause.start)
  const clauseEndTok = tokenIndexAt(tokens, clause.end)
  const floor = Math.max(clauseTok, ctx.agentEnd ?? 0)
  let ownNegator = ownNegators.get(cue.cue.pattern)
  if (ownNegator === undefined) ownNegators.set(cue.cue.pattern, (ownNegator = OWN_NEGATOR.test(cue.cue.pattern)))
  // "did not take part in the strikes": a participation phrase passes the negation on to the event.
  let reach = NEGATION_REACH
  for (let e = cueTok; e > cueTok - 4 && e > floor; e--) {
    const len = PARTICIPATION.endingAt(tokens, e)
    if (len) reach = Math.max(reach, NEGATION_REACH + len + (cueTok - e))
  }
  const negated =
    !NEGATION_IMMUNE.has(cue.cue.aspect ?? 'event') &&
    !emphaticNo(tokens, cueTok, floor) &&
    (NEGATORS.anyIn(tokens, scopeStart(tokens, cueTok, floor, reach, BARRIERS), cueTok) ||
      (!ownNegator &&
        NEGATORS.anyIn(tokens, cueTok, cueEndTok) &&
        !EMPHATIC_NO.test(
          tokens
            .slice(cueTok, cueEndTok)
            .map((t) => t.norm)
            .join(' '),
        )) ||
      negatedDisjunct(tokens, cueTok, floor))
  // "dismissed U.S. accusations that Tehran was behind …": the accusation was made; only what it alleges is denied.
  const ownReport = cue.cue.type === 'ACCUSE' && REPORT_NOUNS.has(tokens[cueTok]?.norm ?? '')
  const denied =
    !ownReport &&
    (DENIALS.anyIn(tokens, ctx.denialFrom, cueTok) ||
      deniedReport(tokens, ctx.denialFrom, cueTok) ||
      reportCalledFalse(tokens, cueTok))
  const completes = cue.cue.type === 'CONSULT'
  const accusation = cue.cue.type === 'ACCUSE'
  const reversed =
    reversedBefore(tokens, cueTok, floor, completes, accusation) ||
    (ctx.agentStart !== null && reversedBefore(tokens, ctx.agentStart, clauseTok, completes, accusation))
  // "if Tokyo does not withdraw its troops": a condition states no act, done or refused
  const conditional = tokens.slice(clauseTok, cueTok).some((t) => CONDITIONALS.has(t.norm))
  // "would reject any proposal", "will retaliate": a refusal or a threat stated now, not a conjecture
  const modalScopeFrom = scopeStart(tokens, cueTok, clauseTok, 4, BARRIERS)
  const hypothetical =
    conditional ||
    (HYPOTHETICALS.anyIn(tokens, modalScopeFrom, cueTok) &&
      !(STATED_NOW.has(cue.cue.type) && onlyModal(tokens, modalScopeFrom, cueTok)))
  let historical =
    ctx.backdrop ||
    HISTORICALS.anyIn(tokens, clauseTok, clauseEndTok) ||
    BACKGROUNDS.anyIn(tokens, scopeStart(tokens, cueTok, clauseTok, 3, BARRIERS), cueTok)
  // The pluperfect marks background, except after a reporting verb where it is only the tense of reported speech.
  const reportedSpeech = tokens.slice(clauseTok, cueTok).some((t) => REPORTING.has(t.norm))
  if (!reportedSpeech)
    for (let k = Math.max(clauseTok, cueTok - 3); k < cueTok; k++) if (tokens[k]!.norm === 'had') historical = true
  for (let k = clauseTok; k < clauseEndTok; k++) {
    const t = tokens[k]!.norm
    if (/^(19|20)\d\d$/.test(t) && Number(t) <= ctx.docYear - 2) historical = true
  }
  // "will not recognise" is a refusal standing now, not a conjecture
  return {
    negated,
    denied,
    reversed,
    hypothetical: conditional || (hypothetical && !negated),
    historical,
    reported: ctx.reported,
    conditional,
  }
}

/**
 * The direction a cue ends up with once reversal and negation apply, or null for no signal: a reversed cue
 * turns over; a negated improvement is a stall; a negated rupture, a negated stall or a denied claim is no news.
 */
export function polarity(cue: CueData, flags: Flags): { direction: Direction; score: number } | null {
  if (flags.denied || (flags.conditional && flags.negated)) return null
  let direction: Direction = cue.direction
  let score = cue.score
  if (flags.reversed) {
    const strength = Math.max(0.5, Math.abs(score)) * 0.9
    if (direction === 'improving' || (direction === 'stable' && score > 0)) {
      direction = 'deteriorating'
      score = -strength
    } else {
      direction = 'improving'
      score = strength
    }
  } else if (cue.reversedOnly) return null
  if (flags.negated) {
    // ("troops would not withdraw from Somalia": staying put stalls nothing between the two)
    if (direction === 'improving' && cue.aspect !== 'level' && cue.type !== 'RETREAT')
      return { direction: 'frozen', score: -0.3 }
    return null
  }
  return { direction, score }
}
