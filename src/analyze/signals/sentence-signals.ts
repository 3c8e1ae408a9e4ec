// One sentence → signals. Cues are matched on the sentence with actor mentions masked; each cue takes its
// arguments inside its own clause (see attach-arguments.ts), so co-subjects pair with the object and not with
// each other, places and mediators never become parties, and negated, reversed or denied claims come out in
// the direction they really state, or not at all.
import type { Signal } from '../../types.ts'
import { isMutual, ArgumentFinder } from '../frames/attach-arguments.ts'
import { creditedMediators } from '../frames/credit-mediators.ts'
import { flagsFor, tokenIndexAt, type Flags } from '../cues/cue-flags.ts'
import { explicitPair } from '../frames/explicit-pair.ts'
import { requestByVerb, requestComplements, requestReadAs } from '../frames/request-complement.ts'
import * as words from '../data/context-words.ts'
import type { EventType } from '../data/cue-data.ts'
import type { Engine } from '../engine.ts'
import { findMentions, type DocState, type Mention } from '../mentions/find-mentions.ts'
import { datelineEnd } from '../text/dateline.ts'
import { maskSentence } from '../text/mask-sentence.ts'
import { matchCues, type CueMatch } from '../cues/match-cues.ts'
import { PhraseSet } from '../text/phrase-set.ts'
import { absorbIntoStandstill, toSignal, type Raw } from './signal-output.ts'
import { splitClauses, type Clause } from '../text/split-clauses.ts'
import { tokenize, type Token } from '../text/tokenize.ts'
import type { Match } from '../mentions/gazetteer.ts'

const REPORTERS = new PhraseSet(words.reporters)
// "Greece beat hosts Portugal 1-0": a score with a verb of winning or losing is a game
const SCORE = /\b\d{1,2}-\d{1,2}\b/
const WINNING =
  /\b(beat|beats|beaten|win|wins|won|draw|drew|drawn|defeat|defeated|defeats|lose|loses|lost|thrash|thrashed|edge|edged|stun|stunned)\b/i
const SPORT = new PhraseSet(words.sportWords)
// In a sentence about sport these acts are game talk ("India and Pakistan clash in the Asia Cup final").
// (a boycott or a protest over an Olympics is politics, not game talk)
const GAME_TYPES = new Set<EventType>([
  'ASSAULT',
  'THREATEN',
  'MOBILIZE',
  'CONSULT',
  'SUPPORT',
  'AID',
  'COOPERATE',
  'ACCUSE',
])
const REPORTING = new Set(words.reportingVerbs)
const SUBJECTLESS =
  /^,?\s*(?:(?:and|but|then|while|before|after|thereby|also)\s+)?(?:also\s+)?(?!(?:following|including|regarding|concerning|during|according|pending|excluding|considering|notwithstanding|barring|bring|thing|king|ring|wing|spring|evening|morning|meeting|building|ceiling)\b)[a-z]+(?:ing|ed)\b/
const FRONTED = /^[,\s]*(?:[a-z]+ing|after|following|before|during|ahead of|on the sidelines of)\s/
const ADJUNCT = /^[,\s]*(?:after|before|following|during|ahead of|amid|on the sidelines of|in the wake of)\s/
// An adjunct clause that gives the cause or backdrop of the main event ("after days of border fighting").
const BACKDROP =
  /^[,\s]*(?:and\s+)?(?:(?:days|weeks|months|years|hours|shortly|soon|just)\s+)?(?:after|following|since|amid|while|as long as|in the wake of|in response to|in retaliation for)\s/
// an appositive that comments on the act of the clause before it: "…, a move condemned by France"
const SUBORDINATE_OPENING = /^[,\s]*(?:after|when|as|while|before|following|once)\s/
const APPOSITIVE_ACT = /^[,\s]*(?:a|the|in a) (?:[a-z]+ )?(?:move|decision|step|measure|gesture|action)s?\b/
const RESPONSE = new RegExp(`^[,\\s]*(?:${words.responseOpeners.join('|')})\\s`)
const BARE_RELATION =
  /\b(ties|relations|the relationship)\s*$|\b(ties|relations)\s+(would|will|could|can|have|has|had|are|were|remain|remained|remains)\b/
const CHARGED = new Set<EventType>(['ASSAULT', 'REJECT', 'ACCUSE', 'COERCE', 'THREATEN'])
const ANAPHORIC_GAP =
  /^\s*((for|over|of|after)\s+)?((the|this|that|these|those|its|their|latest|recent|deadly|alleged|reported|weekend|overnight|such)\s+)*$/
// between a suspension and what it suspends: a preposition and a few plain words, no actor, no new clause
const SUSPENDED_GAP = /^\s*(?:in|of|on|to|for|from|with)?\s*(?:[a-z'-]+\s+){0,4}$/
const SECOND_VERB = /\b(and|then)\s+(also\s+)?[a-z]+ed\b/
const OPENING_QUOTE = /^\s*["“‘']/
const CLOSING_QUOTE = /[,.!?]["”’']/
const FIRST_PERSON = /\b(we|our|us|i)\b/
const ATTACKS = new Set<EventType>(['ASSAULT'])
const JOINED_ATTACK =
  /\b(?:join(?:ed|ing|s)?|took part in|taking part in|takes? part in|participat(?:ed|ing|es?) in)\s+(?:the\s+)?(?:[a-z-]+\s+)?(?:attacks?|strikes?|air ?strikes?|raids?|bombing|bombardment|campaign|offensive|assault)\b/g
const CLAIMED_BY =
  /(?:which|that)\s+(?:was|were|has been|have been|had been|were later|was later)?\s*(?:later\s+)?claimed\s+by\s+(?:the\s+)?(?:@+\s+)?$/
const GO_BETWEEN_ASIDE =
  /,\s+(?:mediated|brokered|hosted|sponsored|facilitated|chaired|convened|organi[sz]ed) by [^,;:]{1,80},(?=\s+[a-z])/g
// acts that actors named together can only do side by side ("Brazil and France called for", "Russia and China vetoed")
// "joint naval exercises with Iran": the party a joint act is done with
const JOINED_WITH = /\bwith\s+(?:the\s+|its\s+|their\s+)?$/
const JOINT_TYPES = new Set<EventType>([
  'REQUEST',
  'SUPPORT',
  'AID',
  'COOPERATE',
  'AGREE',
  'CONSULT',
  'CONCEDE',
  'RETREAT',
  'REJECT',
  'SANCTION',
  'PROTEST',
])
// inferred, not matched: co-subjects of one act with no other party (its own id, so analyze-text.ts can drop it)
export const JOINT_ACTION: CueMatch['cue'] = {
  id: 'cooperate.acting-together',
  type: 'COOPERATE',
  aspect: 'level',
  pattern: '',
  direction: 'improving',
  score: 0.3,
  weight: 0.5,
}
// between two cues: a conjunction, then only describing words ("and an unusually sharp rebuke")
const COORDINATED_NEXT =
  /^[\s,]*(?:and|or|as well as)\s+(?:(?:a|an|the|its|their|his|her|also|then|even|more|most|equally|unusually|very|[a-z]+ly|[a-z]+)\s+){0,3}$/
const NEGATIVE_DETERMINERS = new Set(['no', 'neither', 'nor', 'never'])
const TIME_ADJUNCT =
  /(?<=[a-z] )(?:on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|last week|this week)(?: (?:morning|afternoon|evening|night))?(?= [a-z])/g
// a clause that states the condition the act before it hangs on
const CONDITION = /^[,\s]*(?:if|unless|until|as long as|so long as|provided|only if)\s/
// acts whose condition names their target: threats, refusals, suspensions, offers, demands
const CONDITIONED = new Set<EventType>([
  'THREATEN',
  'REJECT',
  'SANCTION',
  'CONSULT',
  'COOPERATE',
  'AGREE',
  'REQUEST',
  'MOBILIZE',
  'ASSAULT',
  'AID',
])
// A clause that opens like this depends on the one before: a denial there still covers it.
const DEPENDENT = /^[,\s]*(?:and |or )?(?:that|which|who|whom|after|before|when|while|because|since|as|if|following)\b/

export interface SentenceResult {
  signals: Signal[]
  mentions: Mention[]
  cues: CueMatch[]
  clauses: Clause[]
}

/** A cue that names whom it can aim at is refused where the only actors in its words are of another kind. */
export function fitsTargetKinds(mentions: Mention[], gazetteer: Engine['gazetteer']): (m: CueMatch) => boolean {
  return (m) => {
    const inside = mentions.filter((x) => x.start >= m.start && x.end <= m.end)
    return (
      !inside.length || inside.some((x) => m.cue.targetKinds!.includes(gazetteer.actors.get(x.rollup)?.kind ?? 'state'))
    )
  }
}

export function analyzeSentence(
  sentence: string,
  index: number,
  date: string,
  engine: Engine,
  doc: DocState,
  tokens: Token[] = tokenize(sentence),
  matches: Match[] = engine.gazetteer.find(tokens, date),
): SentenceResult {
  const { mentions, pronouns, pairRefs } = findMentions(
    sentence,
    tokens,
    matches,
    engine.gazetteer,
    engine.coref,
    doc,
    date,
  )
  const masked = maskSentence(sentence, mentions, tokens)
  // "The talks, mediated by the EU's envoy, collapsed": the cue runs across a go-between phrase set off by commas.
  // "appealed on Wednesday to the bloc": a time adjunct inside a cue's words is stepped over
  const cueText = (
    masked.includes(' by ') ? masked.replace(GO_BETWEEN_ASIDE, (m) => ' '.repeat(m.length)) : masked
  ).replace(TIME_ADJUNCT, (m) => ' '.repeat(m.length))
  const fitsKinds = fitsTargetKinds(mentions, engine.gazetteer)
  let cues =
    mentions.length || pairRefs.length || pronouns.length ? matchCues(cueText, engine.cues, sentence, fitsKinds) : []
  if (cues.length && (SPORT.anyIn(tokens, 0, tokens.length) || (SCORE.test(sentence) && WINNING.test(sentence))))
    cues = cues.filter((c) => !GAME_TYPES.has(c.cue.type))
  const clauses = splitClauses(masked)
  const reported = REPORTERS.anyIn(tokens, 0, tokens.length)
  const docYear = Number(date.slice(0, 4))
  const raw: Raw[] = []
  const priorAgents = doc.lastAgents
  const agentsByCue: { start: number; ids: string[]; hostile: boolean }[] = []
  // attacks with the targets they name, for a claim of responsibility that follows ("…, which were claimed by X")
  // clauses that are the condition of a threat ("… if Finland joins NATO"): what they say is no event
  const threatConditions = new Set<number>()
  const attacks: {
    cue: CueMatch
    targets: string[]
    flags: Flags
    conf: number
    involved: Mention[]
    clause: number
  }[] = []
  const pendingReactions: {
    start: number
    ids: string[]
    cue: CueMatch
    flags: Flags
    conf: number
    involved: Mention[]
    clause: number
    against?: string[]
  }[] = []

  // "its ships": the latest party before the pronoun in this sentence, else in the article, that is not excluded;
  // "their governments": a plural takes the latest coordinated group ("Niger and Mali") when there is one.
  const resolvePronoun = (exclude: Set<string>, before = Infinity, plural = false): string[] => {
    const prior = mentions.filter((m) => m.end <= before && m.role === 'party' && !exclude.has(m.rollup))
    const last = prior[prior.length - 1]
    if (last) {
      if (!plural) return [last.rollup]
      const group = prepared.length
        ? prior.filter((m) => m === last || prepared[0]!.finder.coordinated([m, last]))
        : [last]
      return [...new Set(group.map((m) => m.rollup))]
    }
    for (let k = doc.history.length - 1; k >= 0; k--) {
      const h = doc.history[k]!
      if (h.party && !exclude.has(h.rollup)) return [h.rollup]
    }
    return []
  }
  const add = (
    x: string,
    y: string,
    cue: CueMatch,
    flags: Flags,
    conf: number,
    involved: Mention[],
    clause: number,
  ) => {
    // "Annan told the General Assembly": an organ and its own organisation are not a pair
    // "Annan told the General Assembly" (an organ and its organisation), "the MDC rejected Mugabe's re-election" (a
    // party and its own state's government): not a pair
    if (x === y || engine.gazetteer.organOf(x, y) || engine.gazetteer.domestic(x, y)) return
    // "left ECOWAS" (an organisation) is not "withdrew from Kosovo" (a country): a cue may name whom it can aim at
    const kinds = cue.cue.targetKinds
    if (
      kinds &&
      !kinds.includes(engine.gazetteer.actors.get(y)?.kind ?? 'state') &&
      !kinds.includes(engine.gazetteer.actors.get(x)?.kind ?? 'state')
    )
      return
    raw.push({ x, y, cue, flags, conf, involved, clause })
  }

  /** every pair among co-parties ("Iran and Saudi Arabia restored ties") */
  const addAmong = (ids: string[], cue: CueMatch, flags: Flags, conf: number, involved: Mention[], clause: number) => {
    for (let a = 0; a < ids.length; a++)
      for (let b = a + 1; b < ids.length; b++) add(ids[a]!, ids[b]!, cue, flags, conf, involved, clause)
  }

  // "the two sides", "both countries": the last two coordinated actors of this sentence, else of the article.
  const referencedPair = (before: number, finder: ArgumentFinder): [string, string] | null => {
    const prior = mentions.filter((m) => m.role === 'party' && m.end <= before)
    for (let k = prior.length - 1; k > 0; k--) {
      const a = prior[k - 1]!
      const b = prior[k]!
      if (a.rollup !== b.rollup && finder.coordinated([a, b])) return [a.rollup, b.rollup]
    }
    // "after talks with his Chinese counterpart, India's foreign minister said the two sides …"
    const distinct = [...new Set(prior.map((m) => m.rollup))]
    if (distinct.length === 2) return [distinct[0]!, distinct[1]!]
    return doc.lastPair
  }
  const reportingEnds = tokens.filter((t) => REPORTING.has(t.norm)).map((t) => t.end)
  // A sentence that opens with a quotation: where it ends, and the party its attribution names.
  const quoteMatch = OPENING_QUOTE.exec(sentence)
  const quote = quoteMatch
    ? {
        start: quoteMatch[0].length,
        end: quoteMatch[0].length + (sentence.slice(quoteMatch[0].length).search(CLOSING_QUOTE) + 1 || -Infinity),
      }
    : null
  const quoteSpeakers = (): string[] => {
    if (!quote || !Number.isFinite(quote.end)) return []
    const after = mentions.find((m) => m.start > quote.end && m.role === 'party')
    if (
      !after ||
      !reportingEnds.some((e) => e > quote.end && e - quote.end < 80) ||
      !/^[\W_]*(?:[a-z]+\s+){0,3}(?:the\s+)?$/i.test(sentence.slice(quote.end + 1, after.start))
    )
      return []
    return [after.rollup]
  }
  let denialStart = 0
  let sentenceSubjects: string[] = []
  // the subjects each clause's acts took, by clause
  const subordinateSubjects = new Map<number, string[]>()
  // the grammatical subject of the sentence's first clause that has one: who brought about what it reports
  let mainSubjects: string[] = []
  let lastObjects: string[] = []
  const prepared = cues.length
    ? clauses.map((clause) => {
        const clauseCues = cues.filter((c) => c.start >= clause.start && c.start < clause.end)
        // "condemned the attack": an event noun right after a reaction names the event reacted to, not a new one.
        // "suspended its participation in the treaty with Washington": an improvement just after a suspension or a
        // refusal, with no actor between, is what is suspended or refused — the earlier cue reaches past it.
        const suspends = (k: CueMatch) =>
          (k.cue.type === 'SANCTION' || k.cue.type === 'REJECT' || k.cue.aspect === 'standstill') &&
          k.cue.direction !== 'improving'
        const anaphoric = new Set(
          clauseCues.flatMap((c, i) =>
            i > 0 &&
            ((clauseCues[i - 1]!.cue.kind === 'reaction' &&
              ANAPHORIC_GAP.test(masked.slice(clauseCues[i - 1]!.end, c.start))) ||
              (suspends(clauseCues[i - 1]!) &&
                c.cue.direction === 'improving' &&
                SUSPENDED_GAP.test(masked.slice(clauseCues[i - 1]!.end, c.start))))
              ? [i]
              : [],
          ),
        )
        return { clauseCues, anaphoric, finder: new ArgumentFinder(tokens, mentions, clause, clauseCues, anaphoric) }
      })
    : []
  // "Following a phone call with Zelensky, Erdogan offered …": a fronted adjunct takes the subject that follows it.
  const deferredSubjects = (ci: number): string[] => {
    if (
      !FRONTED.test(masked.slice(clauses[ci]!.start, clauses[ci]!.end)) ||
      prepared.slice(0, ci).some((p) => p.finder.openingSubjects().length)
    )
      return []
    // only an adjunct the sentence opens with: "Gunmen attacked a field, killing 65 Ethiopians, and officials blamed
    // rebels" does not give the killing to the officials
    if (masked.slice(datelineEnd(sentence), clauses[ci]!.start).replace(/[\s,]/g, '')) return []
    return (
      prepared
        .slice(ci + 1)
        .map((p) => p.finder.openingSubjects())
        .find((ids) => ids.length) ?? []
    )
  }
  if (cues.length)
    clauses.forEach((clause, ci) => {
      if (!DEPENDENT.test(masked.slice(clause.start, clause.end))) denialStart = tokenIndexAt(tokens, clause.start)
      const { clauseCues, anaphoric, finder } = prepared[ci]!
      const explicit = explicitPair(
        masked,
        clause,
        mentions,
        sentence,
        (id) => engine.gazetteer.actors.get(id)?.kind === 'igo',
      )
      if (!mainSubjects.length) mainSubjects = finder.openingSubjects()
      const consumed = new Set<Mention>()
      const reportingAt = reportingEnds.filter((e) => e > clause.start && e <= clause.end)
      let clauseSubjects: string[] | null = null

      const complements = requestComplements(clauseCues, tokens)
      // where each cue's phrase ends: the cue itself, or the last object it took
      const cueEnds: number[] = []
      const lastObjectEnd = (j: number) => cueEnds[j] ?? clauseCues[j]!.end
      const requesters = new Map<number, string[]>()
      // acts asked for by someone who is no actor ("dissidents demanding that Germany close Iran's embassy")
      const unasked = new Set<number>()
      clauseCues.forEach((matched, i) => {
        // "urged Washington to halt the attack": what is asked sets which way a request points
        const cue = complements.has(i)
          ? requestReadAs(matched, clauseCues[complements.get(i)!]!, tokens)
          : requestByVerb(matched, tokens, tokenIndexAt(tokens, clauseCues[i + 1]?.start ?? clause.end))
        let pronounGroup = false
        // "in a ceremony hosted by Trump": an event hosted or brokered by a go-between is not a relation of its own.
        const after = mentions.find((m) => m.start >= cue.end)
        if (
          after?.role === 'mediator' &&
          /^\s*by\s+(the\s+)?([a-z]+\s+){0,3}?(of\s+)?$/.test(masked.slice(cue.end, after.start).replace(/@/g, ''))
        )
          return
        if (anaphoric.has(i) || unasked.has(i)) return
        const rv = [...reportingAt].reverse().find((e) => e <= cue.start)
        cueEnds[i] = cue.end
        const args = finder.find(i, consumed, rv ?? clause.start, rv)
        for (const o of args.objects) consumed.add(o)
        if (args.objects.length) cueEnds[i] = Math.max(...args.objects.map((o) => o.end))
        const clauseText = masked.slice(clause.start, clause.end)
        const flags = flagsFor(cue, clause, {
          tokens,
          reported,
          docYear,
          agentEnd: args.agentEnd,
          agentStart: args.agentStart,
          denialFrom: denialStart,
          backdrop: BACKDROP.test(clauseText),
        })
        // "accusing Washington and Brussels of failing to honour promises": what an accusation alleges is its report
        if (args.alleged) {
          flags.reported = true
          if (flags.negated) return
        }
        // "no US aircraft were involved in the strike": a negated subject negates what it is said to do.
        if (args.subjects.some((m) => NEGATIVE_DETERMINERS.has(tokens[m.tokenStart - 1]?.norm ?? '')))
          flags.negated = true
        const nextStart = clauseCues[i + 1]?.start ?? clause.end
        let leftIds = [...new Set(args.subjects.map((m) => m.rollup))]
        let rightIds = [...new Set(args.objects.map((m) => m.rollup))]
        const insideIds = [...new Set(args.inside.map((m) => m.rollup))]
        const involved = [...args.subjects, ...args.inside, ...args.objects]
        let conf = Math.min(1, ...involved.map((m) => m.confidence))

        const refHere = pairRefs.find((r) => r.start >= clause.start && r.end <= clause.end)
        const refPair = refHere ? referencedPair(refHere.start, finder) : null
        if (!leftIds.length && !args.subjectless) {
          // "…, accusing the bloc of", "after talks with": a participle, or a nominal adjunct about a meeting, takes the
          // sentence's subject; "the two countries said they would recognise": the pair reference is the subject.
          const opening = clauseText.trimStart()
          const nominalAdjunct =
            ADJUNCT.test(opening) &&
            isMutual(cue.cue) &&
            tokenIndexAt(tokens, cue.start) - tokenIndexAt(tokens, clause.start) <= 8
          // ("… after al Shabaab overran a base, killing Kenyan soldiers": a participle after a subordinate clause
          // goes with that clause's act, and takes its subject)
          const previous = ci > 0 ? masked.slice(clauses[ci - 1]!.start, clauses[ci - 1]!.end) : ''
          // (but "…, and urged Islamabad" coordinates with the main clause)
          // (and when that act has no actor for a subject, "after jihadists attacked a convoy, killing …", nor has this)
          const nearer =
            SUBORDINATE_OPENING.test(previous) && /^[,\s]*[a-z]+ing\s/.test(opening) && subordinateSubjects.has(ci - 1)
              ? subordinateSubjects.get(ci - 1)!
              : sentenceSubjects
          if (clauseSubjects === null && (SUBJECTLESS.test(opening) || nominalAdjunct))
            leftIds = [...(SUBJECTLESS.test(opening) ? nearer : sentenceSubjects)]
          // "Morocco, which has long claimed the territory, cut ties with Iran": the subject before the relative clause.
          if (!leftIds.length && clauseSubjects === null && clause.resumes !== undefined)
            leftIds = prepared[clause.resumes]!.finder.openingSubjects()
          // '"We have decided to sever relations with Israel," Bolivia's deputy foreign minister said': the first
          // person inside a quotation is whoever the attribution after it names.
          if (
            !leftIds.length &&
            quote &&
            cue.end <= quote.end &&
            FIRST_PERSON.test(masked.slice(quote.start, cue.start))
          )
            leftIds = quoteSpeakers()
          if (!leftIds.length && clauseSubjects === null) leftIds = deferredSubjects(ci)
          // "drawing condemnation from Japan and an unusually sharp rebuke from its ally China": a cue coordinated with
          // the one before it in the clause shares its subject.
          if (
            !leftIds.length &&
            clauseSubjects?.length &&
            i > 0 &&
            COORDINATED_NEXT.test(masked.slice(lastObjectEnd(i - 1), cue.start))
          )
            leftIds = [...clauseSubjects]
          // "Kenya, which borders Somalia, agreed a trade deal with Ethiopia": a clause with no subject of its own lends
          // the one its first cue took to the cues after it, as a clause with a subject gives it to all of them
          if (
            !leftIds.length &&
            clauseSubjects?.length &&
            i > 0 &&
            clause.resumes !== undefined &&
            !masked.slice(lastObjectEnd(i - 1), cue.start).includes('@')
          )
            leftIds = [...clauseSubjects]
          if (!leftIds.length && !insideIds.length && refHere && refHere.end <= cue.start && refPair && rightIds.length)
            leftIds = [...refPair]
          if (!leftIds.length && !insideIds.length) {
            const p = pronouns.find((pr) => pr.start >= clause.start && pr.end <= cue.start)
            const r = p ? resolvePronoun(new Set(rightIds), p.start, p.plural) : []
            if (r.length) {
              leftIds = r
              conf = Math.min(conf, 0.7)
              // "their foreign ministers met in Paris": the group a plural pronoun stands for met each other
              if (r.length >= 2 && !rightIds.length && isMutual(cue.cue)) pronounGroup = true
            }
          }
        }
        if (!rightIds.length && !insideIds.length && leftIds.length) {
          // "recognised two regions as states and ordered troops into them": a pronoun past a second verb is that verb's;
          // "condemned the deals as a betrayal of their cause": one deep in a later phrase is the subject's own.
          const p = pronouns.find(
            (pr) =>
              pr.start >= cue.end &&
              pr.end <= nextStart &&
              !SECOND_VERB.test(masked.slice(cue.end, pr.start)) &&
              tokenIndexAt(tokens, pr.start) - tokenIndexAt(tokens, cue.end) <= 3,
          )
          const r = p ? resolvePronoun(new Set(leftIds), p.start, p.plural) : []
          if (r.length) {
            rightIds = r
            conf = Math.min(conf, 0.7)
          }
        }
        // "Pakistan said Indian troops had violated the ceasefire": an attack with no target named is charged
        // against the one who reports it.
        if (
          !rightIds.length &&
          !insideIds.length &&
          leftIds.length &&
          cue.cue.direction === 'deteriorating' &&
          CHARGED.has(cue.cue.type) &&
          rv !== undefined
        ) {
          const speakers = mentions.filter(
            (m) => m.role === 'party' && m.end <= rv && m.start >= clause.start && !leftIds.includes(m.rollup),
          )
          rightIds = [...new Set(speakers.map((m) => m.rollup))]
          if (rightIds.length) conf = Math.min(conf, 0.6)
        }
        // "…, saying ties would not be restored": a bare "ties" is the relation the sentence just spoke of.
        if (
          !rightIds.length &&
          !insideIds.length &&
          leftIds.length &&
          lastObjects.length &&
          BARE_RELATION.test(masked.slice(clause.start, cue.start))
        ) {
          rightIds = lastObjects.filter((o) => !leftIds.includes(o))
        }
        // "will not resume talks until the Bush administration ends …", "threatens to close the strait if the U.S. blocks
        // its exports": with no object of its own, the act is aimed at whoever the condition after it is about.
        if (
          !rightIds.length &&
          !insideIds.length &&
          leftIds.length &&
          CONDITIONED.has(cue.cue.type) &&
          clauses[ci + 1] &&
          CONDITION.test(masked.slice(clauses[ci + 1]!.start, clauses[ci + 1]!.end))
        ) {
          rightIds = prepared[ci + 1]!.finder.openingSubjects().filter((x) => !leftIds.includes(x))
          if (rightIds.length) conf = Math.min(conf, 0.75)
          if (rightIds.length && cue.cue.type === 'THREATEN') threatConditions.add(ci + 1)
        }
        // "Israel urged the UN to move toward sanctions against Iran": who asks for an act against a third party
        // stands against it too
        for (const [r, c] of complements) {
          if (c !== i || cue.cue.direction !== 'deteriorating' || flags.reversed) continue
          for (const x of requesters.get(r) ?? [])
            for (const y of rightIds)
              if (!leftIds.includes(y))
                add(x, y, cue, { ...flags, hypothetical: true }, Math.min(conf, 0.8), involved, ci)
        }
        if (cue.cue.type === 'REQUEST' && leftIds.length) requesters.set(i, leftIds)
        if (cue.cue.type === 'REQUEST' && !leftIds.length && !insideIds.length && complements.has(i))
          unasked.add(complements.get(i)!)
        const turned: Flags = { ...flags, reversed: !flags.reversed }
        const possessors = [
          ...new Set(
            args.inside
              .filter((m) => tokens[m.tokenEnd]?.norm === "'s" && !leftIds.includes(m.rollup))
              .map((m) => m.rollup),
          ),
        ]
        const agentIds = new Set(args.subjects.map((m) => m.rollup))
        for (const b of new Set(args.blockers.map((m) => m.rollup))) {
          // "France blocked North Macedonia's bid to join the EU": the blocker stands against the bidder
          if (args.blockedIntent)
            for (const y of agentIds) add(b, y, cue, turned, conf, [...args.blockers, ...args.subjects], ci)
          else
            for (const y of new Set([...rightIds, ...insideIds]))
              if (!agentIds.has(y))
                add(b, y, cue, turned, conf, [...args.blockers, ...args.inside, ...args.objects], ci)
        }
        if (cue.cue.kind === 'joint' && !explicit) {
          // "Uganda and Congo launched a joint assault on LRA camps": the co-subjects are partners; only who the act is
          // done "with" joins them, any other object is the target of the act's own cue
          const partners = [...new Set([...leftIds, ...insideIds])]
          if (partners.length >= 2 && finder.coordinated([...args.subjects, ...args.inside])) {
            addAmong(partners, cue, flags, conf, involved, ci)
          }
          rightIds = [
            ...new Set(
              args.objects.filter((m) => JOINED_WITH.test(masked.slice(cue.end, m.start))).map((m) => m.rollup),
            ),
          ]
          for (const x of partners) for (const y of rightIds) if (x !== y) add(x, y, cue, flags, conf, involved, ci)
        } else if (explicit) {
          add(
            explicit[0].rollup,
            explicit[1].rollup,
            cue,
            flags,
            Math.min(conf, explicit[0].confidence, explicit[1].confidence),
            [...explicit],
            ci,
          )
        } else if (rightIds.length && possessors.length && leftIds.length) {
          // "approved Finland's membership of the alliance": the subject deals with the possessor, the possessor with the object.
          for (const x of leftIds) for (const y of possessors) add(x, y, cue, flags, conf, involved, ci)
          // (but "rejected Ethiopia's port deal with Somaliland": an objection is aimed at the possessor; how the
          // possessor stands with the other is what the objected noun says, not the objection)
          if (cue.cue.direction !== 'deteriorating')
            for (const x of possessors) for (const y of rightIds) add(x, y, cue, flags, conf, involved, ci)
        } else if (rightIds.length) {
          for (const x of new Set([...leftIds, ...insideIds])) {
            // "switched recognition from Taiwan to China": the one left behind gets the opposite direction.
            const away = cue.cue.kind === 'switch' && insideIds.includes(x) && !leftIds.includes(x)
            if (away) for (const l of leftIds) add(l, x, cue, turned, conf, involved, ci)
            else for (const y of rightIds) add(x, y, cue, flags, conf, involved, ci)
          }
        } else if (insideIds.length && leftIds.length) {
          for (const x of leftIds) for (const y of insideIds) add(x, y, cue, flags, conf, involved, ci)
        } else if ((cue.cue.kind === 'reaction' || RESPONSE.test(clauseText)) && leftIds.length && !refHere) {
          // A reaction, or what an event prompted someone to do ("…, prompting China to downgrade relations").
          // "…, a move condemned by France": an appositive names the main clause's act, whoever did it
          const response = cue.cue.kind !== 'reaction' || (ci > 0 && APPOSITIVE_ACT.test(clauseText))
          pendingReactions.push({
            start: cue.start,
            ids: leftIds,
            cue,
            flags,
            conf: Math.min(conf, 0.75),
            involved,
            clause: ci,
            ...(response ? { against: mainSubjects } : {}),
          })
        } else {
          const all = [...new Set([...leftIds, ...insideIds])]
          const together = [...args.subjects, ...args.inside]
          const reciprocal =
            refHere !== undefined &&
            refHere.start >= cue.start &&
            /each other|one another/i.test(sentence.slice(refHere.start, refHere.end))
          if (all.length >= 2 && (isMutual(cue.cue) || reciprocal) && (pronounGroup || finder.coordinated(together))) {
            addAmong(all, cue, flags, conf, involved, ci)
          } else if (
            all.length >= 2 &&
            !flags.negated &&
            !flags.hypothetical &&
            JOINT_TYPES.has(cue.cue.type) &&
            finder.coordinated(together)
          ) {
            // "The presidents of Brazil and France called for new efforts": who act together, with no one else as the
            // object, stand on one side; their act says they are aligned, whatever it is about.
            // (analyze-text.ts drops it when the article pairs either of them with anyone else)
            const joint: CueMatch = { cue: JOINT_ACTION, start: cue.start, end: cue.end }
            addAmong(all, joint, flags, Math.min(conf, 0.7), involved, ci)
          } else if (refPair && all.length <= 1) {
            add(refPair[0], refPair[1], cue, flags, Math.min(conf, 0.7), involved, ci)
          } else if (refHere && all.length === 1) {
            const other = doc.history
              .slice()
              .reverse()
              .find((h) => h.party && h.rollup !== all[0])
            if (other) add(all[0]!, other.rollup, cue, flags, Math.min(conf, 0.65), involved, ci)
          }
        }
        if (args.objects.length) lastObjects = [...new Set(args.objects.map((m) => m.rollup))]
        if (ATTACKS.has(cue.cue.type) && cue.cue.direction === 'deteriorating')
          attacks.push({
            cue,
            targets: [...rightIds, ...insideIds.filter((x) => !leftIds.includes(x))],
            flags,
            conf,
            involved: [...args.inside, ...args.objects],
            clause: ci,
          })
        if (cue.cue.kind !== 'reaction' && (leftIds.length || insideIds.length))
          agentsByCue.push({
            start: cue.start,
            ids: leftIds.length ? leftIds : insideIds,
            hostile: cue.cue.direction === 'deteriorating',
          })
        if (clauseSubjects === null) clauseSubjects = leftIds
      })
      if (!sentenceSubjects.length) sentenceSubjects = clauseSubjects ?? finder.openingSubjects()
      const took = clauseSubjects as string[] | null
      if (took) subordinateSubjects.set(ci, took)
    })

  // "attacks on Saudi oil facilities, which were claimed by Yemen's Houthi movement": whoever claims an attack
  // carried it out against its target, whatever the sentence says of others' part in it.
  if (attacks.length)
    for (const m of mentions) {
      if (m.role !== 'party' || !CLAIMED_BY.test(masked.slice(Math.max(0, m.start - 60), m.start))) continue
      const attack = attacks.filter((a) => a.cue.end <= m.start && m.start - a.cue.end < 160).pop()
      if (!attack) continue
      const flags: Flags = { ...attack.flags, denied: false, negated: false }
      for (const y of attack.targets)
        add(m.rollup, y, attack.cue, flags, Math.min(attack.conf, m.confidence), [m, ...attack.involved], attack.clause)
    }

  // "The United States bombed Islamic State targets, with Saudi Arabia and Jordan joining the attacks": who joins an
  // attack carries it out against the target of the attack before it, and the attack joined is no new one.
  for (const j of masked.matchAll(JOINED_ATTACK)) {
    const at = j.index!
    const attack = attacks.filter((a) => a.cue.end <= at).pop()
    if (!attack) continue
    const clauseStart = clauses.find((c) => c.start <= at && at < c.end)?.start ?? 0
    const from = Math.max(masked.lastIndexOf('with ', at), clauseStart)
    const joiners = mentions.filter((m) => m.role === 'party' && m.start >= from && m.end <= at)
    if (!joiners.length) continue
    for (let k = raw.length - 1; k >= 0; k--)
      if (raw[k]!.cue.start >= at && raw[k]!.cue.end <= at + j[0].length) raw.splice(k, 1)
    const flags: Flags = { ...attack.flags, denied: false, negated: false }
    for (const m of joiners)
      for (const y of attack.targets)
        add(m.rollup, y, attack.cue, flags, Math.min(attack.conf, m.confidence), [m, ...attack.involved], attack.clause)
  }

  // A reaction with no object of its own ("Moscow condemned the strike", "Hunt warned of consequences after
  // Iran seized a tanker") answers the event before it in the sentence, else the one after, else the article's last.
  for (const r of pendingReactions) {
    const before = agentsByCue.filter((a) => a.start < r.start).pop()
    const after = agentsByCue.find((a) => a.start > r.start)
    // "lawmakers reject Syria strike": refusing a hostile act is no hostility toward whoever would carry it out
    const rejected = agentsByCue.find(
      (a) => a.start >= r.cue.end && tokenIndexAt(tokens, a.start) - tokenIndexAt(tokens, r.cue.end) <= 3,
    )
    if (r.cue.cue.type === 'REJECT' && !r.against && rejected?.hostile) continue
    // what an event prompted answers whoever brought the event about
    const agents = r.against?.length ? r.against : ((before ?? after)?.ids ?? priorAgents)
    for (const x of r.ids)
      for (const y of agents) if (!r.ids.includes(y)) add(x, y, r.cue, r.flags, r.conf, r.involved, r.clause)
  }
  if (agentsByCue.length) doc.lastAgents = agentsByCue[agentsByCue.length - 1]!.ids

  for (let k = raw.length - 1; k >= 0; k--)
    if (threatConditions.has(raw[k]!.clause) && raw[k]!.flags.conditional) raw.splice(k, 1)
  const signals: Signal[] = []
  const emitted = new Set<string>()
  const stalledClauses = new Set(
    cues
      .filter((c) => c.cue.aspect === 'standstill')
      .map((c) => clauses.findIndex((cl) => c.start >= cl.start && c.start < cl.end)),
  )
  for (const r of absorbIntoStandstill(raw, stalledClauses)) {
    const p = r.polarity
    if (!p) continue
    const [a, b] = r.x < r.y ? [r.x, r.y] : [r.y, r.x]
    const key = `${a}--${b}|${r.cue.start}`
    if (emitted.has(key)) continue
    emitted.add(key)
    signals.push(toSignal(a, b, p.direction, p.score, r, sentence, index))
  }

  for (const c of creditedMediators(tokens, masked, mentions, signals)) {
    const [a, b] = c.party < c.mediator ? [c.party, c.mediator] : [c.mediator, c.party]
    if (emitted.has(`${a}--${b}|credit`)) continue
    emitted.add(`${a}--${b}|credit`)
    const cue: CueMatch = {
      cue: {
        id: 'support.credits-mediation',
        type: 'SUPPORT',
        aspect: 'level',
        pattern: '',
        direction: 'stable',
        score: 0.35,
        weight: 0.6,
      },
      start: c.at,
      end: c.at,
    }
    const flags: Flags = {
      negated: false,
      denied: false,
      reversed: false,
      hypothetical: false,
      historical: false,
      reported,
    }
    signals.push(
      toSignal(
        a,
        b,
        'stable',
        0.35,
        { x: a, y: b, cue, flags, conf: c.confidence, involved: c.involved, clause: 0 },
        sentence,
        index,
      ),
    )
  }

  for (const s of signals) doc.lastPair = [s.a, s.b]
  for (const m of mentions) doc.history.push({ actor: m.actor, rollup: m.rollup, party: m.role === 'party' })
  if (doc.history.length > 60) doc.history.splice(0, doc.history.length - 60)
  return { signals, mentions, cues, clauses }
}
