// Who does what to whom, for one cue inside its clause. The object is the first actor phrase after the cue
// (with whatever is coordinated to it); the subject is the actor right before the cue ("Israeli strikes",
// "Iran's Revolutionary Guards seized"), else the object of the previous cue when this one is its complement
// ("accused Russia of deploying", "deter Iran from widening"), else the actors the clause opened with. An actor
// after a preposition ("deployed to Libya in support of") is an oblique and never a subject.
import * as words from '../data/context-words.ts'
import * as fw from '../data/function-words.ts'
import type { CueData, EventType } from '../data/cue-data.ts'
import type { Mention } from '../mentions/find-mentions.ts'
import { tokenIndexAt } from '../cues/cue-flags.ts'
import type { CueMatch } from '../cues/match-cues.ts'
import { PhraseSet } from '../text/phrase-set.ts'
import type { Clause } from '../text/split-clauses.ts'
import type { Token } from '../text/tokenize.ts'

const set = (xs: string[]) => new Set(xs)
const GLUE = set(fw.phraseGlue)
const PARTY_WORDS = set(words.partyNouns.flatMap((p) => p.split(/\s+/)).filter((w) => !GLUE.has(w)))
const PARTY_NOUNS = new PhraseSet(words.partyNouns)
const CONJ = set(fw.conjunctions)
const COORD_FILLER = set(fw.coordinationFillers)
const AGENT_GAP = set([...words.agentGapWords, ...PARTY_WORDS])
const AUXILIARIES = set(fw.auxiliaries)
const INTENTION = set(words.intentionNouns)
const CONTROL = set(fw.controlPrepositions)
const CONTROL_FILLER = set([...fw.controlFillers, ...PARTY_WORDS])
const OBLIQUE = set(words.obliquePrepositions)
const ADOPTION = set(words.adoptionVerbs)
const CO_SUBJECT = new PhraseSet(words.coSubjectMarkers)
const REPORTING = set(words.reportingVerbs)
const CONTROL_VERBS = new PhraseSet(words.controlVerbs)
const REVERSERS = new PhraseSet(words.reversers)
const NEGATORS = new PhraseSet(words.negators)
const DETERMINERS = set(fw.determiners)
// "struck deep inside Russia", "killed 19 people in cities across Ukraine": the country an attack lands in
// places a state or group holds or uses: "by" after them names the holder
const HELD_PLACES = set([
  'region',
  'regions',
  'area',
  'areas',
  'territory',
  'territories',
  'zone',
  'zones',
  'enclave',
  'city',
  'cities',
  'town',
  'towns',
  'villages',
  'province',
  'islands',
  'island',
  'camp',
  'camps',
  'compound',
  'port',
  'ports',
])
const TIME_TOKENS = set(['on', ...fw.weekdays, 'today', 'yesterday', 'earlier', 'later', 'again', 'also'])
const TOPIC_PREPS = set(['on', 'about', 'regarding', 'concerning'])
const INTO = set(['into', 'inside', 'across', 'throughout'])
const LEFT_FROM = set(['in', 'from', 'inside', 'of', 'out', 'near', 'around'])
const HAPPENED_IN = set(['in', 'from', 'inside'])
const NOT_NOUNS = set([...fw.auxiliaries, ...words.obliquePrepositions, ...fw.notNouns])
const DOCUMENTS = set(fw.documentPlurals)
// words after a conjunction that do not describe the actor coming next ("…, alongside Canada")
const NOT_DESCRIBING = set([
  'alongside',
  'along',
  'together',
  'including',
  'like',
  'unlike',
  'besides',
  'plus',
  'except',
  'only',
  'also',
  'even',
  'especially',
  'particularly',
  'notably',
  'then',
  'later',
  'now',
  'other',
  'others',
])
const RELATIVIZERS = set(fw.relativizers)
const ATTACKS = new Set<EventType>(['ASSAULT'])
// words between a source's name and its verb of saying
const SOURCE_WORDS = set(words.sourceWords)
const OBJECTING = new Set<EventType>(['ACCUSE', 'THREATEN', 'PROTEST'])
// acts that move people or goods to someone: their object is a receiver, not someone made to act
const SENDING = new Set<EventType>(['AID', 'MOBILIZE', 'ASSAULT'])
// what an attack hits that belongs to the one attacked
const HELD_TARGETS =
  /^(?:[a-z-]+ )?(?:targets?|refiner(?:y|ies)|airfields?|airbases?|pipelines?|bridges?|(?:power )?plants?|grid|oil (?:depots?|terminals?)|drones?|balloons?|planes?|airliners?|helicopters?|missiles?|satellites?|submarines?|tankers?|trawlers?|sites?|positions?|bases?|camps?|facilit(?:y|ies)|installations?|hideouts?|strongholds?|compounds?|depots?|convoys?|vessels?|ships?|warships?|aircraft|jets?|troops|forces|fighters|militants|commanders?|leaders?|headquarters|outposts?|bunkers?|tunnels?|launchers?|command|islands?|towns?|cit(?:y|ies)|villages?|territory|ports?|boats?|patrols?|border posts?)\b/
const EMOTION_PARTICIPLES = set([
  'angered',
  'outraged',
  'alarmed',
  'incensed',
  'frustrated',
  'irked',
  'upset',
  'worried',
  'concerned',
  'provoked',
  'annoyed',
  'dismayed',
  'shocked',
  'enraged',
  'infuriated',
  'emboldened',
  'encouraged',
  'rattled',
  'spooked',
])
// hostile acts named by a noun: refusing one is no hostility ("rejected Iran sanctions")
const HOSTILE_NOUNS = set([
  'strike',
  'strikes',
  'airstrike',
  'airstrikes',
  'attack',
  'attacks',
  'sanctions',
  'sanction',
  'war',
  'invasion',
  'bombing',
  'bombings',
  'raid',
  'raids',
  'embargo',
  'blockade',
  'intervention',
  'offensive',
  'tariffs',
  'boycott',
])
const MEASURES = new Set<EventType>(['SANCTION', 'COERCE', 'CONCEDE'])
// ("a ban on imports of Iranian carpets": what the measure falls on may be named after "of")
const MEASURE_PREPS = set(['on', 'to', 'for', 'from', 'against', 'at', 'of'])
const TRADE_NOUNS = set([
  'imports',
  'exports',
  'import',
  'export',
  'shipments',
  'sales',
  'purchases',
  'supplies',
  'deliveries',
  'flights',
  'entry',
  'ships',
  'vessels',
  'planes',
  'aircraft',
  'trucks',
])
const NATIONALS_ACTS = new Set<EventType>(['CONCEDE', 'COERCE'])
const PERSON_AFTER =
  /^(?:[a-z-]+ )?(?:citizens?|nationals?|contractors?|journalists?|reporters?|tourists?|workers?|students?|detainees?|prisoners?|soldiers?|pilots?|sailors?|fishermen|hostages?|businessm[ae]n|diplomats?|spies|spy|activists?|scholars?|academics?|missionar(?:y|ies)|crew|marines?|veterans?|mothers?|nurses?|doctors?|engineers?|executives?|employees?)\b/
// acts of saying, asking and warning: "that" after them opens what is said, not a relative clause
const SPEECH_ACTS = new Set<EventType>(['REQUEST', 'THREATEN', 'ACCUSE', 'PROTEST'])
// determiners that show the word before them took an object: "to track the flow", "to curb its programme"
const PURPOSE_OBJECT = set([
  'the',
  'a',
  'an',
  'its',
  'their',
  'his',
  'her',
  'any',
  'all',
  'more',
  'further',
  'new',
  'this',
  'these',
  'those',
])
const BE = set(fw.beForms)
const PASSIVE_ADVERBS = set(fw.passiveAdverbs)
const PARTICIPLE = /^[a-z]+(ed|en)$/
const IRREGULAR_PARTICIPLES = set(fw.irregularParticiples)
const RELATION_NOUNS = set(fw.relationNouns)
const BACKDROP_PREPS = set(fw.backdropPrepositions)
const REPORT_NOUNS = set(['accusation', 'accusations', 'allegation', 'allegations', 'charges', 'claims'])
// nouns that name the reported act itself ("in a move welcomed by")
const EVENT_NOUNS = set([
  'move',
  'decision',
  'step',
  'announcement',
  'measure',
  'development',
  'gesture',
  'ceremony',
  'summit',
  'meeting',
  'conference',
  'event',
  'signing',
  'gathering',
  'talks',
  'session',
  'visit',
])
// capitalised words that are never part of a name (weekdays, months, sentence words)
const FUNCTION_LIKE = set([
  ...fw.weekdays,
  ...fw.months,
  'the',
  'and',
  'but',
  'in',
  'on',
  'at',
  'of',
  'for',
  'with',
  'by',
])

/** Whether co-subjects are parties to each other when the cue has no object: reciprocal predicates (agree, meet, clash). */
export const isMutual = (cue: CueData): boolean => cue.mutual === true

/** Index of the first token after a mention, its possessive included. */
export function mentionEnd(tokens: Token[], m: Mention): number {
  const t = tokens[m.tokenEnd]
  return t && (t.norm === "'s" || t.norm === "'") ? m.tokenEnd + 1 : m.tokenEnd
}

const possessive = (tokens: Token[], m: Mention) => mentionEnd(tokens, m) > m.tokenEnd

interface CueSpan {
  cue: CueMatch
  tok: number
  endTok: number
  /** where its objects may reach: the next cue of the clause, or the clause end */
  limit: number
}

export interface Arguments {
  subjects: Mention[]
  objects: Mention[]
  inside: Mention[]
  /** token after the cue's adjacent agent, when it has one; negation from further left does not reach the cue */
  agentEnd: number | null
  /** first token of that agent's phrase: a reverser right before it still governs the cue ("lifting of EU sanctions") */
  agentStart: number | null
  /** whoever stops the agent's action ("Hungary blocked EU aid for Ukraine"): the cue holds for them reversed */
  blockers: Mention[]
  /** what the blockers stop is the agent's own intention ("blocked North Macedonia's bid to join"): they stand against the agent */
  blockedIntent?: boolean
  /** the cue is what an accusation alleges ("accusing Washington of failing to ease curbs"), not a fact of its own */
  alleged?: boolean
  /** the act is done by someone who is no actor ("forcing it to land in Vienna"): no subject is to be inferred */
  subjectless?: boolean
}

export class ArgumentFinder {
  private readonly spans: CueSpan[]
  private readonly objectsOf: Mention[][]
  private readonly coSubjectsOf: Mention[][]
  private readonly subjectsOf: Mention[][] = []
  private readonly speakers = new Set<Mention>()
  private readonly clauseMentions: Mention[]
  private readonly clauseParties: Mention[]
  private opening: string[] | null = null

  constructor(
    private readonly tokens: Token[],
    private readonly mentions: Mention[],
    private readonly clause: Clause,
    cues: CueMatch[],
    /** cues that only name the event another cue reacts to ("condemned the attack"): they bound no object */
    private readonly anaphoric: Set<number> = new Set(),
  ) {
    const clauseEnd = tokenIndexAt(tokens, clause.end)
    this.clauseMentions = mentions.filter((m) => m.start >= clause.start && m.end <= clause.end)
    this.clauseParties = this.clauseMentions.filter((m) => m.role === 'party')
    this.spans = cues.map((cue, i) => {
      const next = cues.findIndex((_, j) => j > i && !anaphoric.has(j))
      return {
        cue,
        tok: tokenIndexAt(tokens, cue.start),
        endTok: tokenIndexAt(tokens, cue.end),
        limit: next >= 0 ? tokenIndexAt(tokens, cues[next]!.start) : clauseEnd,
      }
    })
    // "…, the Kremlin said": whoever says it is a source, not the object of what precedes.
    for (const m of this.clauseMentions) {
      let k = mentionEnd(tokens, m)
      // ("…, Turkey's intelligence agency said")
      while (
        k < tokens.length &&
        k - m.tokenEnd < 5 &&
        (PARTY_WORDS.has(tokens[k]!.norm) || SOURCE_WORDS.has(tokens[k]!.norm))
      )
        k++
      if (tokens[k] && REPORTING.has(tokens[k]!.norm)) this.speakers.add(m)
    }
    this.coSubjectsOf = this.spans.map(() => [])
    this.objectsOf = this.spans.map((s, i) => this.objects(s, i))
  }

  /** Whether the actor stands after a preposition ("to Libya", "with Israel"), but not "the leaders of Somalia". */
  private oblique(m: Mention): boolean {
    let k = m.tokenStart - 1
    if (this.tokens[k]?.norm === 'the') k--
    const prep = this.tokens[k]?.norm
    if (!prep || !OBLIQUE.has(prep)) return false
    if (prep === 'with' && this.absoluteSubject(m, k)) return false
    // "the leaders of Somalia", "delegates at Iraq's National Conference", "envoys from Qatar" speak for it
    return !((prep === 'of' || prep === 'at' || prep === 'from') && PARTY_NOUNS.endingAt(this.tokens, k))
  }

  /** "…, with Kyiv accusing Moscow of …": after a clause-opening "with", the actor is the subject of the participle. */
  private absoluteSubject(m: Mention, withAt: number): boolean {
    const before = this.tokens[withAt - 1]?.norm
    if (withAt > this.clauseStartTok() && before !== ',') return false
    let k = mentionEnd(this.tokens, m)
    while (k < this.tokens.length && k - m.tokenEnd < 4 && PARTY_WORDS.has(this.tokens[k]!.norm)) k++
    return /^[a-z]+ing$/.test(this.tokens[k]?.norm ?? '') && !NOT_NOUNS.has(this.tokens[k]!.norm)
  }

  /** The first token before `k` that is not a determiner or a describing word ("over a new Russian ban"). */
  private skipDescribers(k: number): number {
    let j = k
    while (
      j > k - 3 &&
      j >= 0 &&
      (DETERMINERS.has(this.tokens[j]!.norm) ||
        /^(new|latest|recent|fresh|russian|unilateral|controversial|proposed|planned)$/.test(this.tokens[j]!.norm))
    )
      j--
    return j
  }

  private topicInCue(m: Mention, s: CueSpan): boolean {
    const k = this.tokens[m.tokenStart - 1]?.norm === 'the' ? m.tokenStart - 2 : m.tokenStart - 1
    return k > s.tok && TOPIC_PREPS.has(this.tokens[k]?.norm ?? '')
  }

  private topicOfOver(m: Mention): boolean {
    const k = this.tokens[m.tokenStart - 1]?.norm === 'the' ? m.tokenStart - 2 : m.tokenStart - 1
    return this.tokens[k]?.norm === 'over'
  }

  /**
   * Whether the tokens between two mentions only coordinate them ("Iran and Hezbollah", "U.S. and British warplanes
   * and"), or, for two mentions of one actor, only title them ("Ethiopian Prime Minister Abiy Ahmed").
   */
  private coordinates(from: number, to: number, sameActor = false): boolean {
    if (to - from > 7) return false
    let conj = false
    let described = 0
    for (let k = from; k < to; k++) {
      const n = this.tokens[k]!.norm
      if (CONJ.has(n) || (n === 'as' && this.tokens[k + 1]?.norm === 'well' && this.tokens[k + 2]?.norm === 'as'))
        conj = true
      // "Sudan's government and the southern rebel SPLM": a few words describing the next actor after the conjunction
      else if (
        conj &&
        described < 3 &&
        /^[A-Za-z][a-z-]*$/.test(this.tokens[k]!.text) &&
        !this.clauseMentions.some((m) => m.tokenStart <= k && k < m.tokenEnd) &&
        !NOT_NOUNS.has(n) &&
        !NOT_DESCRIBING.has(n) &&
        !/(ed|ing|ly)$/.test(n)
      )
        described++
      else if (!COORD_FILLER.has(n) && !PARTY_WORDS.has(n) && !this.personName(k)) return false
    }
    return conj || sameActor
  }

  /**
   * Whether the token is part of a person's name the gazetteer does not know, standing after a title or a
   * conjunction ("Prime Minister Kyriakos Mitsotakis and", "and Khalifa Haftar's Libyan National Army"): a
   * capitalised word (not a sentence opener) whose previous word is a title, a conjunction or another such name.
   */
  private personName(k: number): boolean {
    const t = this.tokens[k]!
    if (k === 0 || !/^\p{Lu}\p{Ll}/u.test(t.text) || FUNCTION_LIKE.has(t.norm)) return false
    const prev = this.tokens[k - 1]!
    if (PARTY_WORDS.has(prev.norm) && /^\p{Lu}/u.test(prev.text)) return true
    if (CONJ.has(prev.norm) || prev.norm === 'the')
      return /^\p{Lu}/u.test(this.tokens[k + 1]?.text ?? '') || this.tokens[k + 1]?.norm === "'s"
    return /^\p{Lu}\p{Ll}/u.test(prev.text) && !FUNCTION_LIKE.has(prev.norm) && this.personName(k - 1)
  }

  /** The mention and every party coordinated with it, within [lo, hi) tokens. */
  private group(m: Mention, lo: number, hi: number, withSpeakers = true): Mention[] {
    const pool = this.clauseParties.filter(
      (p) => p.tokenStart >= lo && p.tokenEnd <= hi && (withSpeakers || !this.speakers.has(p)),
    )
    const out = [m]
    let last = m
    for (const p of pool) {
      if (p.tokenStart < mentionEnd(this.tokens, last) || out.includes(p)) continue
      if (!this.coordinates(mentionEnd(this.tokens, last), p.tokenStart, p.rollup === last.rollup)) break
      out.push(p)
      last = p
    }
    let first = m
    for (const p of [...pool].reverse()) {
      if (p.tokenEnd > first.tokenStart || out.includes(p)) continue
      if (!this.coordinates(mentionEnd(this.tokens, p), first.tokenStart, p.rollup === first.rollup)) break
      out.unshift(p)
      first = p
    }
    return out
  }

  /** Where the cue's object may reach: not past a relative clause or a go-between ("a deal brokered by Moscow that …"). */
  private objectLimit(s: CueSpan): number {
    for (let k = s.endTok; k < s.limit; k++) {
      // "demanded that Islamabad act", "warned that Tehran would pay": after a verb of saying, asking or warning,
      // "that" opens the clause whose subject the act is aimed at.
      if (k === this.afterTime(s.endTok) && this.tokens[k]!.norm === 'that' && SPEECH_ACTS.has(s.cue.cue.type)) continue
      // "set up a task force to track the flow of money to militant groups": past "to" and a verb with its own
      // object, the actors belong to that verb's purpose, not to this cue.
      if (
        this.tokens[k]!.norm === 'to' &&
        /^[a-z]+$/.test(this.tokens[k + 1]?.text ?? '') &&
        PURPOSE_OBJECT.has(this.tokens[k + 2]?.norm ?? '') &&
        k > s.endTok
      )
        return k
      // "sent troops to Estonia to reinforce NATO's eastern flank": once the act has its party, an infinitive of
      // purpose aimed at another actor is that verb's business
      if (
        k >= s.endTok &&
        this.tokens[k]!.norm === 'to' &&
        /^[a-z]+$/.test(this.tokens[k + 1]?.text ?? '') &&
        this.clauseMentions.some((m) => m.tokenStart === k + 2 && m.role !== 'place') &&
        this.clauseParties.some((m) => m.tokenStart >= s.tok && m.tokenEnd <= k)
      )
        return k
      // "U.S. accusations that Tehran was behind …": after a report noun with its accuser named right before it,
      // "that" opens what is alleged, and the one it is about is the object.
      if (
        RELATIVIZERS.has(this.tokens[k]!.norm) &&
        !(
          k === s.endTok &&
          this.tokens[k]!.norm === 'that' &&
          REPORT_NOUNS.has(this.tokens[k - 1]?.norm ?? '') &&
          this.clauseMentions.some(
            (m) => (m.role === 'party' || m.role === 'modifier') && mentionEnd(this.tokens, m) === s.tok,
          )
        )
      )
        return k
      // "…, in a move first announced by Kuwait": whoever reacts to the event itself is not this cue's object
      // (but "sites used by the Houthis" names whose the sites are).
      if (
        k > s.endTok &&
        this.tokens[k + 1]?.norm === 'by' &&
        (PARTICIPLE.test(this.tokens[k]!.norm) || IRREGULAR_PARTICIPLES.has(this.tokens[k]!.norm)) &&
        this.tokens.slice(Math.max(s.endTok, k - 3), k).some((t) => EVENT_NOUNS.has(t.norm))
      )
        return k
      if (this.clauseMentions.some((m) => m.tokenStart === k && m.role === 'mediator')) return k
      // "vetoed a resolution demanding a pullout of Israeli forces": a participle after a plain noun opens what the
      // noun says or does; the actors in it are not this cue's object (unless one was already named before it).
      // "land claimed by Palestinians", "lawmakers angered by Pyongyang": a participle and "by" after a plain noun
      // (but "sites used by the Houthis", "a region administered by Guyana" name whose they are)
      // "pressure from lawmakers angered by Pyongyang": whoever stirs a feeling is its cause, not the object
      if (k > s.endTok && EMOTION_PARTICIPLES.has(this.tokens[k]!.norm) && this.tokens[k + 1]?.norm === 'by') return k
      if (
        k > s.endTok &&
        /^[a-z]+ed$/.test(this.tokens[k]!.text) &&
        this.tokens[k + 1]?.norm === 'by' &&
        /^[a-z]+$/.test(this.tokens[k - 1]!.text) &&
        !DETERMINERS.has(this.tokens[k - 1]!.norm) &&
        !PARTY_WORDS.has(this.tokens[k - 1]!.norm) &&
        !HELD_PLACES.has(this.tokens[k - 1]!.norm) &&
        !NOT_NOUNS.has(this.tokens[k - 1]!.norm) &&
        !AUXILIARIES.has(this.tokens[k - 1]!.norm) &&
        !BE.has(this.tokens[k - 1]!.norm) &&
        !this.clauseMentions.some((m) => m.role === 'party' && m.tokenStart >= s.endTok && m.tokenEnd <= k)
      )
        return k
      if (
        k > s.endTok + 1 &&
        /^[a-z]+ing$/.test(this.tokens[k]!.text) &&
        !NOT_NOUNS.has(this.tokens[k]!.norm) &&
        /^[a-z]+$/.test(this.tokens[k - 1]!.text) &&
        !DETERMINERS.has(this.tokens[k - 1]!.norm) &&
        !NOT_NOUNS.has(this.tokens[k - 1]!.norm) &&
        !this.clauseMentions.some((m) => m.role === 'party' && m.tokenStart >= s.endTok && m.tokenEnd <= k)
      )
        return k
    }
    return s.limit
  }

  /** "visas to", "ban on", "imports of" (but not "the rape of"): a preposition that aims a measure at what follows. */
  private measurePrep(k: number): boolean {
    const prep = this.tokens[k]?.norm ?? ''
    if (prep === 'of') return TRADE_NOUNS.has(this.tokens[k - 1]?.norm ?? '')
    return MEASURE_PREPS.has(prep)
  }

  /** The first token at or after `k` past a time adjunct ("demanded on Monday that …"). */
  private afterTime(k: number): number {
    let j = k
    while (j < this.tokens.length && j < k + 3 && TIME_TOKENS.has(this.tokens[j]!.norm)) j++
    return j
  }

  /** The first actor phrase after the cue, skipping any that only names `skip` (the cue's own subject again). */
  private objects(s: CueSpan, index: number, skip: Set<string> = new Set()): Mention[] {
    const limit = this.objectLimit(s)
    // "a dispute with China over Taiwan": what a quarrel is over is its topic, not a party to it.
    // "deported the Canadian citizen to Syria": where people are sent is not whom the act is aimed at
    // (someone is sent only when named before: "stopped issuing visas to Russian citizens" aims at them)
    const sentTo = (m: Mention) =>
      s.cue.cue.type === 'COERCE' &&
      this.tokens[this.skipDescribers(m.tokenStart - 1)]?.norm === 'to' &&
      this.clauseMentions.some((o) => o.tokenStart > s.tok && o.tokenEnd <= m.tokenStart)
    // "bans textile imports under UN sanctions", "halted strikes under US pressure": the authority or pressure an
    // act is done under is no party to it
    const under = (m: Mention) => this.tokens[this.skipDescribers(m.tokenStart - 1)]?.norm === 'under'
    const inRange = this.clauseParties.filter(
      (m) => m.tokenStart >= s.endTok && m.tokenEnd <= limit && !this.speakers.has(m) && !sentTo(m) && !under(m),
    )
    // "raise doubts over Turkey's hopes of joining": an owner after "over" is whom the objection is about, unless
    // a party comes first ("a dispute with China over Taiwan's status")
    // "share intelligence on Islamic State with Russia": what the act is about, with a partner named after it
    const topicBeforeWith = (m: Mention) => {
      const k = this.tokens[m.tokenStart - 1]?.norm === 'the' ? m.tokenStart - 2 : m.tokenStart - 1
      if (k < s.endTok || !TOPIC_PREPS.has(this.tokens[k]?.norm ?? '')) return false
      return inRange.some(
        (o) =>
          o.tokenStart > m.tokenStart &&
          this.tokens[o.tokenStart - 1]?.norm === 'with' &&
          !/^(together|along)$/.test(this.tokens[o.tokenStart - 2]?.norm ?? ''),
      )
    }
    // "Spain recognised Palestine as a state on Tuesday, along with Ireland and Norway": after a comma, a
    // co-subject marker names more subjects, never objects
    const clauseEnd = tokenIndexAt(this.tokens, this.clause.end)
    let marker = -1
    for (let k = s.endTok + 1; k < clauseEnd && marker < 0; k++)
      if (this.tokens[k - 1]!.norm === ',' && CO_SUBJECT.startingAt(this.tokens, k)) marker = k
    if (marker >= 0 && !this.coSubjectsOf[index]!.length) {
      const len = CO_SUBJECT.startingAt(this.tokens, marker)
      const first = this.clauseParties.find((m) => m.tokenStart >= marker + len && m.tokenStart <= marker + len + 1)
      if (first) this.coSubjectsOf[index] = this.group(first, marker, clauseEnd, false)
    }
    // "extradited the Gulf Clan's leader, alias Otoniel, to the United States": who receives what is handed over is
    // the partner, however long the description of what is handed over
    const via = s.cue.cue.targetAfter
    if (via) {
      const to = this.clauseParties.find(
        (m) =>
          m.tokenStart >= s.endTok &&
          m.tokenEnd <= clauseEnd &&
          !this.speakers.has(m) &&
          this.tokens[this.skipDescribers(m.tokenStart - 1)]?.norm === via,
      )
      if (to) return this.group(to, s.endTok, clauseEnd, false)
    }
    // "Putin, Erdogan agree on Syria buffer zone": what a reciprocal act is about, after "on", is its topic
    const mutualTopic = (m: Mention) =>
      isMutual(s.cue.cue) &&
      m.tokenStart <= s.endTok + 4 &&
      TOPIC_PREPS.has(this.tokens[this.skipDescribers(m.tokenStart - 1)]?.norm ?? '') &&
      this.skipDescribers(m.tokenStart - 1) === s.endTok
    const candidates = inRange.filter(
      (m, i) =>
        (marker < 0 || m.tokenStart < marker) &&
        (!this.topicOfOver(m) || (i === 0 && possessive(this.tokens, m) && OBJECTING.has(s.cue.cue.type))) &&
        !topicBeforeWith(m) &&
        !mutualTopic(m),
    )
    // "arrived in Britain for a visit", "a trip to China": where a visitor goes is the one visited
    if (s.cue.cue.placeTarget) {
      const place = this.clauseMentions.find(
        (m) => m.role === 'place' && m.tokenStart >= s.endTok && m.tokenStart <= s.endTok + 2 && m.tokenEnd <= limit,
      )
      if (place && !candidates.some((c) => c.tokenStart < place.tokenStart))
        return this.group(place, s.endTok, limit, false).length > 1
          ? this.group(place, s.endTok, limit, false)
          : [place]
    }
    // "protested over Chinese incursions": with no actor as object, the owner of what is objected to is the target.
    // "condemned the Israeli strike": the owner of the event reacted to is its target.
    // "Cuba freed American aid contractor Alan Gross", "Iran freed five detained Americans": releasing or arresting
    // a state's nationals is done to that state
    // "halted imports of Taiwanese pineapples", "stopped issuing visas to Russian citizens": a measure against a
    // country's goods or people is aimed at the country
    if (!candidates.length && MEASURES.has(s.cue.cue.type)) {
      // "close a U.S. air base": an owner the cue's own words name
      const named = this.clauseMentions.find(
        (m) => (m.role === 'modifier' || m.role === 'place') && m.tokenStart > s.tok && m.tokenEnd < s.endTok,
      )
      if (named) return [named]
      const owner = this.clauseMentions.find(
        (m) =>
          (m.role === 'modifier' || m.role === 'place') &&
          (m.via === 'demonym' || possessive(this.tokens, m)) &&
          m.tokenStart >= s.endTok &&
          m.tokenStart <= s.endTok + 4 &&
          m.tokenEnd <= limit &&
          this.measurePrep(this.skipDescribers(m.tokenStart - 1)),
      )
      if (owner) return [owner]
    }
    if (!candidates.length && NATIONALS_ACTS.has(s.cue.cue.type)) {
      const national = this.clauseMentions.find(
        (m) =>
          m.role === 'modifier' &&
          m.via === 'demonym' &&
          m.tokenStart >= s.endTok &&
          m.tokenStart <= s.endTok + 3 &&
          m.tokenEnd <= limit &&
          // the one released or arrested: nothing but numbers and describing words between ("five detained Americans")
          this.tokens
            .slice(s.endTok, m.tokenStart)
            .every((t) => /^([a-z-]+|\d+)$/.test(t.text) && !OBLIQUE.has(t.norm) && !NOT_NOUNS.has(t.norm)) &&
          // and a person: "American aid contractor", "Americans" — not "the Egyptian resort"
          (/s$/.test(this.tokens[m.tokenEnd - 1]!.norm) ||
            PERSON_AFTER.test(
              this.tokens
                .slice(m.tokenEnd, m.tokenEnd + 3)
                .map((t) => t.norm)
                .join(' '),
            )),
      )
      if (national) return [national]
    }
    // "blaming cross-border attacks by Pakistan": what is objected to is the doing of the agent the event names
    if (OBJECTING.has(s.cue.cue.type) || s.cue.cue.kind === 'reaction') {
      const event = this.spans.find(
        (o) =>
          o.tok >= s.endTok &&
          o.tok <= s.endTok + 3 &&
          this.tokens.slice(s.endTok, o.tok).every((t) => /^[a-z-]+$/.test(t.text) && !OBLIQUE.has(t.norm)),
      )
      const agent = event ? this.nominalAgent(event) : []
      if (agent.length && !candidates.some((c) => c.tokenStart < agent[0]!.tokenStart)) return agent
    }
    if (!candidates.length && (OBJECTING.has(s.cue.cue.type) || s.cue.cue.kind === 'reaction')) {
      // "lawmakers reject Syria strike": refusing a hostile act is no hostility toward whoever it would hit
      const event = this.spans.find((o, j) => this.anaphoric.has(j) && o.tok >= s.endTok)
      if (s.cue.cue.type === 'REJECT' && event && event.cue.cue.direction === 'deteriorating') return []
      const eventStarts = new Set(this.spans.filter((_, j) => this.anaphoric.has(j)).map((o) => o.tok))
      const owner = this.clauseMentions.find(
        (m) =>
          m.role === 'modifier' &&
          m.tokenStart >= s.endTok &&
          m.tokenEnd <= limit &&
          (/^(over|against|about|at)$/.test(this.tokens[this.skipDescribers(m.tokenStart - 1)]?.norm ?? '') ||
            eventStarts.has(mentionEnd(this.tokens, m)) ||
            // "blames North Korean torpedo", "accused Russian hackers": the owner of what is blamed, right after the cue
            (s.cue.cue.type === 'ACCUSE' && this.skipDescribers(m.tokenStart - 1) < s.endTok)),
      )
      return owner ? [owner] : []
    }
    // "strikes Houthi-held Sanaa", "shelled Ukrainian-held Kherson": who holds what an attack hits is its target
    if (ATTACKS.has(s.cue.cue.type)) {
      const holder = this.clauseMentions.find(
        (m) =>
          m.tokenStart >= s.endTok &&
          m.tokenStart <= s.endTok + 2 &&
          this.tokens[m.tokenEnd]?.norm === '-' &&
          /^(held|controlled|occupied|run)$/.test(this.tokens[m.tokenEnd + 1]?.norm ?? ''),
      )
      if (holder && !candidates.some((c) => c.tokenStart < holder.tokenStart)) return [holder]
    }
    // "hitting Taliban military sites", "bombed Islamic State targets": what an attack hits belongs to its target
    if (!candidates.length && ATTACKS.has(s.cue.cue.type)) {
      const owner = this.clauseMentions.find(
        (m) =>
          (m.role === 'modifier' || (m.role === 'place' && m.via === 'demonym')) &&
          m.tokenStart >= s.endTok &&
          m.tokenEnd <= limit &&
          this.skipDescribers(m.tokenStart - 1) < s.endTok + 1 &&
          HELD_TARGETS.test(
            this.tokens
              .slice(m.tokenEnd, m.tokenEnd + 3)
              .map((t) => t.norm)
              .join(' '),
          ),
      )
      if (owner) return [owner]
    }
    // "lawmakers reject Syria strike": the name is the hostile act's target, and refusing the act is no hostility
    if (s.cue.cue.type === 'REJECT' && candidates[0]) {
      const after = mentionEnd(this.tokens, candidates[0])
      if (
        HOSTILE_NOUNS.has(this.tokens[after]?.norm ?? '') ||
        this.spans.some((o) => o.tok === after && o.cue.cue.direction === 'deteriorating')
      )
        return []
    }
    let group: Mention[] = []
    for (const c of candidates) {
      if (group.includes(c)) continue
      // Only a passive agent naming the subject again ("a visit by the group to Saudi Arabia") is passed over.
      if (
        group.length &&
        this.tokens[group[0]!.tokenStart - 1]?.norm !== 'by' &&
        this.tokens[group[0]!.tokenStart - 2]?.norm !== 'by'
      )
        break
      group = this.group(c, s.endTok, limit, false)
      if (!group.every((g) => skip.has(g.rollup))) break
    }
    if (!group.length || group.every((g) => skip.has(g.rollup))) return group
    const last = group[group.length - 1]!
    const after = mentionEnd(this.tokens, last)
    const next = this.clauseParties.find((m) => m.tokenStart >= after && m.tokenEnd <= limit)
    if (!next) return group
    const gap = this.tokens.slice(after, next.tokenStart).map((t) => t.norm)
    // "hitting Taliban military sites and training camps of al Qaeda": a second target held by someone else
    if (ATTACKS.has(s.cue.cue.type)) {
      const and = gap.indexOf('and')
      const tail = gap.slice(and + 1).join(' ')
      if (
        and >= 0 &&
        and <= 3 &&
        /\bof( the)?$/.test(tail) &&
        HELD_TARGETS.test(tail.replace(/ of( the)?$/, ' ')) &&
        gap.length <= and + 5
      )
        return [...group, ...this.group(next, s.endTok, limit, false)]
    }
    // "two Iraqi bases hosting American troops": an active participle carries the object on to what it holds.
    const verb = gap.findIndex((g) => !PARTY_WORDS.has(g))
    if (verb >= 1 && /^[a-z]+ing$/.test(gap[verb]!) && gap.slice(verb + 1).every((g) => g === 'the'))
      return [...group, ...this.group(next, s.endTok, limit, false)]
    // "recognised the State of Palestine, alongside Canada and Australia": more subjects, not more objects.
    const markerAt = gap[0] === ',' ? 1 : 0
    const len = CO_SUBJECT.startingAt(this.tokens, after + markerAt)
    if (len && gap.slice(markerAt + len).every((g) => g === 'the'))
      this.coSubjectsOf[index] = this.group(next, s.endTok, limit, false)
    return group
  }

  private passive(s: CueSpan): boolean {
    const isParticiple = (k: number) =>
      PARTICIPLE.test(this.tokens[k]?.norm ?? '') || IRREGULAR_PARTICIPLES.has(this.tokens[k]?.norm ?? '')
    let k = s.tok - 1
    while (k >= 0 && PASSIVE_ADVERBS.has(this.tokens[k]!.norm)) k--
    if (BE.has(this.tokens[k]?.norm ?? '') && isParticiple(s.tok)) return true
    for (let j = s.tok; j + 1 < s.endTok; j++) if (BE.has(this.tokens[j]!.norm) && isParticiple(j + 1)) return true
    // "a decision swiftly condemned by the United States": a participle with its agent after a noun, no "be"
    const at = this.tokens[s.endTok + 1]?.norm === 'the' ? s.endTok + 2 : s.endTok + 1
    return (
      s.endTok === s.tok + 1 &&
      PARTICIPLE.test(this.tokens[s.tok]!.norm) &&
      this.tokens[s.endTok]?.norm === 'by' &&
      /^(a|an|the|this|that|decision|move|step|plan|vote|deal|[a-z]+ly)$/.test(this.tokens[k]?.norm ?? '') &&
      this.clauseParties.some((p) => p.tokenStart === at)
    )
  }

  /** The agent a passive cue names with "by" ("… was summoned by the Philippine foreign ministry"), if any. */
  private passiveAgent(s: CueSpan): Mention[] {
    if (!this.passive(s)) return []
    const limit = this.objectLimit(s)
    const m = this.clauseParties.find((p) => {
      if (p.tokenStart < s.endTok || p.tokenEnd > limit) return false
      let k = p.tokenStart - 1
      if (this.tokens[k]?.norm === 'the') k--
      return this.tokens[k]?.norm === 'by'
    })
    return m ? this.group(m, s.endTok, limit, false) : []
  }

  /** "attacks by Pakistan", "the invasion by Russia": the agent an event noun names with "by", if any. */
  private nominalAgent(s: CueSpan): Mention[] {
    // a verb phrase ("shot down by Turkish jets") is a passive, headline style: the by-phrase is handled as one
    const verbal = this.tokens
      .slice(s.tok, s.endTok)
      .some((t) => PARTICIPLE.test(t.norm) || IRREGULAR_PARTICIPLES.has(t.norm))
    if (this.tokens[s.endTok]?.norm !== 'by' || verbal || this.passive(s)) return []
    const at = this.tokens[s.endTok + 1]?.norm === 'the' ? s.endTok + 2 : s.endTok + 1
    const m = this.clauseParties.find((p) => p.tokenStart === at)
    return m ? this.group(m, s.endTok, s.limit, false) : []
  }

  /**
   * "following accusations by Jordan's King Abdullah that Tehran wanted to influence the elections": a report noun
   * names its author with "by" (or "from"); the author accuses, whoever the rest is about is accused.
   */
  private reportAuthor(s: CueSpan): Mention[] {
    if (!REPORT_NOUNS.has(this.tokens[s.endTok - 1]?.norm ?? '')) return []
    const by = this.tokens[s.endTok]?.norm
    if (by !== 'by' && by !== 'from') return []
    const at = this.tokens[s.endTok + 1]?.norm === 'the' ? s.endTok + 2 : s.endTok + 1
    const m = this.clauseParties.find((p) => p.tokenStart === at)
    return m ? this.group(m, s.endTok, s.limit, false) : []
  }

  /** "ties with Russia would not be restored": the partner named with the relation noun is the other side. */
  private relationPartner(s: CueSpan, own: Set<string>): Mention[] {
    const m = this.clauseParties.find((p) => {
      if (p.tokenEnd > s.tok || own.has(p.rollup)) return false
      let k = p.tokenStart - 1
      if (this.tokens[k]?.norm === 'the') k--
      return this.tokens[k]?.norm === 'with' && RELATION_NOUNS.has(this.tokens[k - 1]?.norm ?? '')
    })
    return m ? [m] : []
  }

  /** "struck an oil refinery deep inside Russia": with no other target, the country struck into is the target. */
  private territoryStruck(s: CueSpan, own: Set<string>, preps: Set<string> = INTO, from = s.endTok): Mention[] {
    const limit = this.objectLimit(s)
    const place = this.clauseMentions.find((m) => {
      if (m.role !== 'place' || m.tokenStart < from || m.tokenEnd > limit || own.has(m.rollup)) return false
      let k = m.tokenStart - 1
      while (k >= 0 && (this.tokens[k]!.norm === 'the' || /ern$/.test(this.tokens[k]!.norm))) k--
      return preps.has(this.tokens[k]?.norm ?? '')
    })
    return place ? [place] : []
  }

  /**
   * "a statement by nine countries condemning Peru": a participle right after a plural noun describes what those
   * others do. (After a document — "decrees recognising" — it is the issuer's act, and the clause subject stands.)
   */
  private modifiesNoun(s: CueSpan): boolean {
    if (!/^[a-z]+ing$/.test(this.tokens[s.tok]?.norm ?? '')) return false
    const prev = this.tokens[s.tok - 1]
    if (
      !prev ||
      !/^[a-z][a-z-]*s$/.test(prev.text) ||
      /(ss|us|ed)$/.test(prev.norm) ||
      NOT_NOUNS.has(prev.norm) ||
      DOCUMENTS.has(prev.norm)
    )
      return false
    return !this.clauseMentions.some((m) => m.tokenStart <= s.tok - 1 && s.tok - 1 < mentionEnd(this.tokens, m))
  }

  private controlledNonActor(s: CueSpan): boolean {
    if (this.tokens[s.tok - 1]?.norm !== 'to') return false
    for (let k = s.tok - 2; k >= Math.max(0, s.tok - 6); k--) {
      if (this.clauseMentions.some((m) => m.tokenStart <= k && k < m.tokenEnd)) return false
      if (CONTROL_VERBS.endingAt(this.tokens, k + 1) && k < s.tok - 2) return true
    }
    return false
  }

  private inRelative(s: CueSpan): boolean {
    let k = s.tok - 1
    while (k >= 0 && AUXILIARIES.has(this.tokens[k]!.norm)) k--
    if (!RELATIVIZERS.has(this.tokens[k]?.norm ?? '')) return false
    // "claimed responsibility for a bomb that killed …": whoever claims the act is its agent.
    for (let j = k - 1; j > 0 && j >= k - 8; j--)
      if (this.tokens[j]!.norm === 'responsibility' && this.tokens[j + 1]?.norm === 'for') return false
    return true
  }

  /** The actor phrase a non-restrictive relative clause hangs on ("Guyana, which accuses …", "the Pakistani foreign minister, who …"). */
  private antecedent(s: CueSpan): Mention[] {
    let k = s.tok - 1
    while (k >= 0 && AUXILIARIES.has(this.tokens[k]!.norm)) k--
    if (!/^(which|who)$/.test(this.tokens[k]?.norm ?? '') || this.tokens[k - 1]?.norm !== ',') return []
    const comma = k - 1
    const m = this.mentions
      .filter(
        (x) => x.role === 'party' && mentionEnd(this.tokens, x) <= comma && comma - mentionEnd(this.tokens, x) <= 3,
      )
      .pop()
    if (!m) return []
    const between = this.tokens.slice(mentionEnd(this.tokens, m), comma).map((t) => t.norm)
    return between.every((w) => PARTY_WORDS.has(w)) ? [m] : []
  }

  private inBackdrop(s: CueSpan): boolean {
    for (let k = s.tok - 1; k >= Math.max(0, s.tok - 4); k--) {
      if (this.clauseMentions.some((m) => m.tokenStart <= k && k < m.tokenEnd)) return false
      if (BACKDROP_PREPS.has(this.tokens[k]!.norm)) return true
    }
    return false
  }

  /** The actor right before the cue that acts in it, if any. */
  private adjacentAgent(s: CueSpan, consumed: Set<Mention>): Mention | null {
    const prevCueEnd = Math.max(0, ...this.spans.filter((o) => o.tok < s.tok).map((o) => o.endTok))
    const before = this.clauseMentions.filter(
      (m) => mentionEnd(this.tokens, m) <= s.tok && m.role !== 'place' && m.role !== 'mediator',
    )
    const m = before[before.length - 1]
    if (!m) return null
    const from = mentionEnd(this.tokens, m)
    const gap = this.tokens.slice(from, s.tok).map((t) => t.norm)
    // "Sweden's bid to join", "the Hamas leadership's decision not to support", even inside an earlier cue.
    if (possessive(this.tokens, m) || gap.includes("'s")) {
      const rest = gap.slice(gap.lastIndexOf("'s") + 1)
      if (rest.length && rest.length <= 4 && rest[rest.length - 1] === 'to' && INTENTION.has(rest[0]!)) return m
    }
    if (m.tokenStart < prevCueEnd) return null
    // A preposition governs the whole phrase: "in the Israeli strikes" still has Israel as the striker.
    if (m.role === 'party' && !possessive(this.tokens, m) && m.via !== 'demonym' && this.oblique(m)) return null
    // The object of an earlier cue is this one's agent only as a possessor ("in response to the group's
    // attacks"), before a participle that modifies it ("Wagner mercenaries fighting alongside"), or as the
    // subject of a relative clause ("an accord that Erdogan signed with").
    const participle = /^[a-z]+ing$/.test(this.tokens[s.tok]?.norm ?? '') && !gap.some((g) => AUXILIARIES.has(g))
    const relative = RELATIVIZERS.has(this.tokens[m.tokenStart - 1]?.norm ?? '')
    if (consumed.has(m) && !possessive(this.tokens, m) && !participle && !relative) return null
    if (m.role === 'modifier' && gap.some((g) => CONJ.has(g))) return null
    if (gap.length <= 5 && gap.every((g) => AGENT_GAP.has(g))) return m
    // "allowed Taiwan to open", "prompting China to downgrade": the object of a control verb does the next thing.
    let k = m.tokenStart
    if (this.tokens[k - 1]?.norm === 'the') k--
    if (
      CONTROL_VERBS.endingAt(this.tokens, k) &&
      gap[gap.length - 1] === 'to' &&
      gap.length <= 3 &&
      gap.every((g) => g === 'to' || g === 'not' || AGENT_GAP.has(g))
    )
      return m
    return null
  }

  private clauseStartTok(): number {
    return tokenIndexAt(this.tokens, this.clause.start)
  }

  /** The clause's own subject: the first actor phrase after the reporting verb (or the clause start) that is neither an oblique nor an earlier cue's object. */
  private fallbackSubjects(
    s: CueSpan,
    consumed: Set<Mention>,
    leftFrom: number,
    reportingEnd: number | undefined,
  ): Mention[] {
    const parties = this.clauseParties.filter((m) => !consumed.has(m) && !this.oblique(m) && m.end <= s.cue.start)
    const first =
      parties.find((m) => m.start >= leftFrom) ??
      (reportingEnd !== undefined ? parties.find((m) => m.end <= reportingEnd) : undefined) ??
      parties[0]
    if (!first) return []
    return this.group(first, 0, s.tok).filter((m) => !consumed.has(m))
  }

  find(index: number, consumed: Set<Mention>, leftFrom: number, reportingEnd: number | undefined): Arguments {
    const s = this.spans[index]!
    // "share intelligence on Islamic State with Russia": an actor a cue's words are about is its topic, not a party
    const within = this.mentions.filter(
      (m) =>
        m.start >= s.cue.start &&
        m.end <= s.cue.end &&
        m.role !== 'place' &&
        m.role !== 'mediator' &&
        !this.topicInCue(m, s),
    )
    // "backs Brazil's OECD bid": with an owner named, a plain name after it only qualifies what is owned
    const owner = within.find((m) => possessive(this.tokens, m))
    let inside = owner
      ? within.filter((m) => m === owner || m.tokenStart < owner.tokenStart || m.role !== 'modifier')
      : within
    let objects = this.objectsOf[index]!
    // "drew condemnation from Brazil, Colombia and the OAS": a cue that ends on an actor takes whoever is
    // coordinated with it in the same role
    const last = inside[inside.length - 1]
    if (last && last.end === s.cue.end && last.role === 'party') {
      const more = this.group(last, s.endTok - 1, s.limit, false).filter((m) => m.tokenStart >= s.endTok)
      if (more.length) {
        inside = [...inside, ...more]
        objects = objects.filter((o) => !more.includes(o))
      }
    }
    // "signed agreements normalising relations with Israel": a cue followed at once by a participle or an
    // infinitive that has an object shares it.
    const next = this.spans[index + 1]
    if (
      !objects.length &&
      !inside.length &&
      next &&
      next.tok === s.endTok &&
      /^([a-z]+ing|to)$/.test(this.tokens[next.tok]?.norm ?? '')
    )
      objects = this.objectsOf[index + 1]!
    // "threatened to retaliate against South Korea": a threat or a vow shares the object of the act it announces
    if (
      !objects.length &&
      !inside.length &&
      next &&
      next.tok === s.endTok + 1 &&
      this.tokens[s.endTok]?.norm === 'to' &&
      s.cue.cue.type === 'THREATEN'
    )
      objects = this.objectsOf[index + 1]!
    const co = this.coSubjectsOf[index]!

    const withObjects = (given: Arguments): Arguments => {
      // "sanctions were imposed on Iran by the EU": in the passive the by-phrase names the agent.
      const by = this.passiveAgent(s)
      const a = by.length
        ? {
            ...given,
            subjects: by,
            objects: [
              ...given.subjects.filter((m) => !by.includes(m)),
              ...given.objects.filter((m) => !by.includes(m)),
            ],
          }
        : given
      const own = new Set(a.subjects.map((m) => m.rollup))
      if (a.objects.length && a.objects.every((o) => own.has(o.rollup))) a.objects = this.objects(s, index, own)
      if (!a.objects.length && !a.inside.length && ATTACKS.has(s.cue.cue.type)) a.objects = this.territoryStruck(s, own)
      // "pull its troops in Lebanon back", "withdraw forces from Congo": the country troops leave is the one the retreat is toward
      if (!a.objects.length && !a.inside.length && s.cue.cue.type === 'RETREAT')
        a.objects = this.territoryStruck(s, own, LEFT_FROM, s.tok)
      // "a Canadian diplomat has been detained in China", "was expelled from Canada": with no agent named, a coercive
      // act in the passive is done by the country it happens in
      if (!a.objects.length && !a.inside.length && !by.length && s.cue.cue.type === 'COERCE' && this.passive(s))
        a.objects = this.territoryStruck(s, own, HAPPENED_IN)
      if (!a.objects.length && !a.inside.length) a.objects = this.relationPartner(s, own)
      // the next cue's object control ("accused by the US of supplying …") sees the arguments as they came out
      this.objectsOf[index] = a.objects
      this.subjectsOf[index] = a.subjects
      return a
    }
    const accuser = this.reportAuthor(s)
    if (accuser.length) {
      const own = new Set(accuser.map((m) => m.rollup))
      const after = mentionEnd(this.tokens, accuser[accuser.length - 1]!)
      const that = this.tokens.findIndex((t, k) => k >= after && k < after + 6 && t.norm === 'that')
      const accused =
        that >= 0
          ? this.clauseParties.find((p) => p.tokenStart > that && p.tokenStart <= that + 3 && !own.has(p.rollup))
          : undefined
      const objects = accused
        ? this.group(accused, that, this.tokens.length, false)
        : this.objects(s, index, own).filter((m) => !own.has(m.rollup))
      return withObjects({ subjects: accuser, objects, inside, agentEnd: null, agentStart: null, blockers: [] })
    }
    const byAgent = this.nominalAgent(s)
    if (byAgent.length) {
      const own = new Set(byAgent.map((m) => m.rollup))
      return withObjects({
        subjects: [...byAgent, ...co],
        objects: objects.filter((m) => !own.has(m.rollup)),
        inside,
        agentEnd: null,
        agentStart: null,
        blockers: [],
      })
    }
    const agent = this.adjacentAgent(s, consumed)
    // "lifted Gabon's suspension": the one a state noun befalls is its patient, not its agent.
    if (agent && s.cue.cue.reversedOnly && possessive(this.tokens, agent)) {
      const subjects = this.fallbackSubjects(s, consumed, leftFrom, reportingEnd).filter((m) => m !== agent)
      return withObjects({
        subjects: [...subjects, ...co],
        objects: objects.length ? objects : [agent],
        inside,
        agentEnd: null,
        agentStart: null,
        blockers: [],
      })
    }
    if (agent) {
      const lo = this.spans.filter((o) => o.tok < s.tok).reduce((a, o) => Math.max(a, o.endTok), this.clauseStartTok())
      let subjects = agent.role === 'party' ? this.group(agent, lo, s.tok) : [agent]
      const agentStart = subjects[0]!.tokenStart
      // "Switzerland adopted the EU's sanctions": whoever takes up the measure applies it too.
      let k = agentStart - 1
      if (this.tokens[k]?.norm === 'the') k--
      // (but "backed Finland's bid to join NATO" is Finland's own intention, not a measure taken up)
      const ownIntent =
        possessive(this.tokens, agent) && INTENTION.has(this.tokens[mentionEnd(this.tokens, agent)]?.norm ?? '')
      if (ADOPTION.has(this.tokens[k]?.norm ?? '') && !ownIntent)
        subjects = [
          ...subjects,
          ...this.fallbackSubjects(s, consumed, leftFrom, reportingEnd).filter((m) => m.tokenEnd <= k),
        ]
      // "Hungary blocked an EU aid package": the one who blocks the agent's action stands against its object.
      let r = agentStart
      while (DETERMINERS.has(this.tokens[r - 1]?.norm ?? '')) r--
      const revLen = REVERSERS.endingAt(this.tokens, r)
      const stoppers = revLen
        ? this.fallbackSubjects(s, consumed, leftFrom, reportingEnd).filter(
            (m) => m.tokenEnd <= r - revLen && !subjects.includes(m),
          )
        : []
      // "did not veto the EU's sanctions": a negated blocking blocks nothing, but the sanctions stand as they are.
      const negatedStop = NEGATORS.anyIn(this.tokens, Math.max(0, r - revLen - 3), r - revLen)
      const blockers = negatedStop ? [] : stoppers
      return withObjects({
        subjects: [...subjects, ...co],
        objects,
        inside,
        agentEnd: mentionEnd(this.tokens, agent),
        agentStart: stoppers.length ? null : agentStart,
        blockers,
        ...(blockers.length && ownIntent ? { blockedIntent: true } : {}),
      })
    }
    const prev = index > 0 ? this.objectsOf[index - 1]! : []
    if (prev.length) {
      const from = mentionEnd(this.tokens, prev[prev.length - 1]!)
      const gap = this.tokens.slice(from, s.tok).map((t) => t.norm)
      // ("sent tanks to Lithuania to deter Russia": what is sent to a place does not make the place act)
      const sentThere = gap.length === 1 && gap[0] === 'to' && SENDING.has(this.spans[index - 1]!.cue.cue.type)
      const short =
        gap.length <= 4 &&
        gap.some((g) => CONTROL.has(g)) &&
        gap.every((g) => CONTROL.has(g) || CONTROL_FILLER.has(g)) &&
        !sentThere
      // "accused Russia of deploying jets to Libya to support …": the whole complement is about Russia.
      const complement =
        (gap[0] === 'of' || gap[0] === 'from' || gap[0] === 'against') && /^[a-z]+ing$/.test(gap[1] ?? '')
      const alleged = this.spans[index - 1]!.cue.cue.type === 'ACCUSE' && gap[0] === 'of'
      // "UN demands Rwanda withdraw its troops": a demand's object does the bare infinitive right after it
      // (but "demands U.S. apology" asks for something of the object's, named by a noun)
      const bare =
        gap.length === 0 &&
        this.spans[index - 1]!.cue.cue.type === 'REQUEST' &&
        !/(?:ogy|ogies|ion|ions|ment|ments|ance|ances|ations?)$/.test(this.tokens[s.tok]!.norm)
      if (short || complement || bare)
        return withObjects({
          subjects: [...prev, ...co],
          objects,
          inside,
          agentEnd: null,
          agentStart: null,
          blockers: [],
          ...(alleged ? { alleged } : {}),
        })
    }
    // "deploying jets to Libya to support Wagner": an infinitive of purpose has the subject of the act it serves.
    const before = this.spans[index - 1]
    if (before && this.tokens[s.tok - 1]?.norm === 'to' && this.subjectsOf[index - 1]?.length) {
      const between = this.clauseParties.filter(
        (m) => m.tokenStart >= before.endTok && m.tokenEnd <= s.tok && !this.objectsOf[index - 1]!.includes(m),
      )
      if (!between.length)
        return withObjects({
          subjects: [...this.subjectsOf[index - 1]!, ...co],
          objects,
          inside,
          agentEnd: null,
          agentStart: null,
          blockers: [],
        })
    }
    // "sanctions on US firms over arms sales to Taiwan": an event named as the reason is someone else's doing;
    // "the countries that condemned Peru": a relative clause's subject is the noun it hangs on, not the clause's.
    // "Britain, which has demanded that Iran free the tanker": a relative clause set off by a comma after an
    // actor phrase has that actor for its subject.
    // "forcing it to land in Vienna": what a control verb makes a non-actor do is not the clause subject's act
    if (this.controlledNonActor(s))
      return withObjects({
        subjects: [...co],
        objects,
        inside,
        agentEnd: null,
        agentStart: null,
        blockers: [],
        subjectless: true,
      })
    const antecedent = this.inRelative(s) ? this.antecedent(s) : []
    const subjects = antecedent.length
      ? antecedent
      : this.inBackdrop(s) || this.inRelative(s) || this.modifiesNoun(s)
        ? []
        : this.fallbackSubjects(s, consumed, leftFrom, reportingEnd)
    return withObjects({
      subjects: [...subjects, ...co],
      objects,
      inside,
      agentEnd: null,
      agentStart: null,
      blockers: [],
    })
  }

  /** The actors a clause opens with: its grammatical subject, for clauses that have none of their own. */
  openingSubjects(): string[] {
    if (this.opening) return this.opening
    const objects = new Set(this.objectsOf.flat())
    const first = this.clauseParties.find((m) => !objects.has(m) && !this.oblique(m))
    this.opening = first ? [...new Set(this.group(first, 0, this.tokens.length).map((m) => m.rollup))] : []
    return this.opening
  }

  /** Whether these mentions are one coordinated phrase ("Iran and Saudi Arabia"), so mutual cues pair them. */
  coordinated(ms: Mention[]): boolean {
    if (ms.length < 2) return true
    const sorted = [...ms].sort((a, b) => a.tokenStart - b.tokenStart)
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i]!.tokenStart < mentionEnd(this.tokens, sorted[i - 1]!)) continue
      if (
        !this.coordinates(
          mentionEnd(this.tokens, sorted[i - 1]!),
          sorted[i]!.tokenStart,
          sorted[i - 1]!.rollup === sorted[i]!.rollup,
        )
      )
        return false
    }
    return true
  }
}
