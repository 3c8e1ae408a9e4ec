// The role an actor mention plays in its sentence, from the words around it: a party to a relation, a place
// where something happens, a modifier of another noun (an attribution, a demonym on a non-actor), or a mediator.
import type { MentionRef } from '../../types.ts'
import * as words from '../data/context-words.ts'
import type { Actor, Match } from './gazetteer.ts'
import { PhraseSet } from '../text/phrase-set.ts'
import type { Token } from '../text/tokenize.ts'
import * as fw from '../data/function-words.ts'

type Role = MentionRef['role']

const set = (xs: string[]) => new Set(xs)
const PLACE_PREP = set(fw.placePrepositions)
// "interference in Lebanon": the country is what is interfered with, not where.
const IN_TARGET = set([
  'interference',
  'meddling',
  'involvement',
  'intervention',
  'investment',
  'investments',
  'invest',
  'invested',
  'investing',
  'incursion',
  'incursions',
  'interfering',
  'meddle',
  'meddled',
  'intervene',
  'intervened',
])
// "Russia's war in Ukraine": with an agent before it, the war is waged on the country.
const IN_TARGET_WITH_AGENT = set([
  'war',
  'offensive',
  'offensives',
  'operations',
  'operation',
  'aggression',
  'invasion',
])
const PARTY_NOUNS = new PhraseSet(words.partyNouns)
// "an Ivorian air strike", "Israeli tanks": the act or the weapon of a state makes its demonym the one acting
const AGENT_NOUNS = new PhraseSet(words.agentNouns)
const GOODS_NOUNS = new PhraseSet(words.goodsNouns)
// "the Syrian opposition", "Iranian dissidents": people of a country who do not speak for its state
const NON_STATE = new PhraseSet(words.nonStateNouns)
const TOPIC_NOUNS = new PhraseSet(words.topicNouns)
const VENUE_NOUNS = new PhraseSet(words.venueNouns)
const VENUE_ONLY = new PhraseSet(words.venueOnlyNouns)
const MEDIATOR_BEFORE = new PhraseSet(words.mediatorBefore)
const MEDIATOR_NOUNS = new PhraseSet(words.mediatorNouns)
const DOCUMENT_NOUNS = new PhraseSet(words.documentNouns)
const AIMED_AT = new PhraseSet(words.aimedAt)
const SEAT_NOUNS = new PhraseSet(words.seatNouns)
const CONJ = set(['and', ',', 'or', '&', 'nor'])
const ALWAYS_MEDIATED = set(['brokered', 'mediated', 'facilitated'])
const HYPHEN_MEDIATOR = set([
  'brokered',
  'mediated',
  'sponsored',
  'hosted',
  'facilitated',
  'led',
  'organised',
  'organized',
  'convened',
  'chaired',
])
const HYPHEN_OWNER = set(['flagged', 'owned', 'registered', 'operated'])
const HYPHEN_MODIFIER = set([
  'based',
  'born',
  'educated',
  'headquartered',
  'listed',
  'made',
  'registered',
  'owned',
  'flagged',
  'bound',
  'allied',
  'aligned',
  'friendly',
  'affiliated',
  'linked',
  'inspired',
  'trained',
  'funded',
  'armed',
  'supported',
  'controlled',
  'held',
  'occupied',
  'annexed',
  'administered',
  'backed',
  'led',
  'run',
  'recognised',
  'recognized',
  'installed',
  'imposed',
  'designated',
  'sanctioned',
  'sponsored',
  'brokered',
  'mediated',
  'hosted',
  'facilitated',
  'organised',
  'organized',
  'convened',
  'chaired',
  'style',
  'era',
  'type',
  'class',
  'built',
  'supplied',
  'produced',
  'origin',
  'centric',
  'focused',
  'oriented',
  'leaning',
  'sceptic',
  'skeptic',
  'wide',
])
const SPORT = set(['world', 'olympics', 'games', 'grand', 'open', 'marathon'])
const STATE_KINDS = set(['state'])
// A noun phrase ends before these: "Poland's demand for war reparations" has its head in "demand".
const PHRASE_END = set([
  'for',
  'of',
  'in',
  'on',
  'to',
  'with',
  'from',
  'by',
  'at',
  'over',
  'against',
  'about',
  'the',
  'a',
  'an',
  'that',
  'which',
  ',',
])
const MEDIA = set(words.mediaNames)
// "Britain's BBC reported": a name between a country's possessive and a verb of reporting is its media outlet
const REPORTED_BY = set([
  ...words.reportingVerbs,
  'report',
  'reported',
  'reports',
  'quoted',
  'quotes',
  'cited',
  'cites',
])
const MEDIA_WORDS = set([
  'news',
  'agency',
  'tv',
  'television',
  'radio',
  'newspaper',
  'daily',
  'times',
  'post',
  'herald',
  'tribune',
  'gazette',
  'broadcaster',
  'channel',
])
const WAGED = set([
  'war',
  'conflict',
  'offensive',
  'invasion',
  'campaign',
  'aggression',
  'crackdown',
  'blockade',
  'occupation',
])
// "drills around Taiwan", "patrols off the Philippines": manoeuvres are aimed at the country they circle.
const MANOEUVRES = set([
  'drills',
  'drill',
  'exercises',
  'exercise',
  'patrols',
  'patrol',
  'manoeuvres',
  'maneuvers',
  'games',
  'deployments',
  'sorties',
  'flights',
  'waters',
  'missiles',
  'rockets',
  'shells',
  'warships',
  'ships',
  'vessels',
])
const NOMINAL_HEADS = set(words.nominalHeads)
const LED_GROUPS = set([
  'coalition',
  'forces',
  'force',
  'troops',
  'alliance',
  'bloc',
  'mission',
  'operation',
  'operations',
  'campaign',
  'military',
])
const BORDER_NOUNS = set(['border', 'borders', 'frontier', 'boundary'])
const FORUM_BEFORE = set([
  'complaint',
  'complaints',
  'protest',
  'case',
  'appeal',
  'petition',
  'letter',
  'request',
  'motion',
])
const GATHERINGS = set([
  'summit',
  'summits',
  'meeting',
  'meetings',
  'conference',
  'forum',
  'ministerial',
  'gathering',
  'session',
  'assembly',
  'congress',
  'headquarters',
  'secretariat',
  'sidelines',
])
// "southern Lebanon", "eastern Ukraine": a region of the country, where something happens.
const REGION_ADJECTIVES = set([
  'southern',
  'northern',
  'eastern',
  'western',
  'central',
  'northeastern',
  'northwestern',
  'southeastern',
  'southwestern',
  'north',
  'south',
  'east',
  'west',
  'northeast',
  'northwest',
  'southeast',
  'southwest',
  'occupied',
  'rural',
  'coastal',
  'mainland',
])

const MEMBER_NOUNS =
  /^(?:allies|ally|members|member states|member countries|member nations|partners|countries|nations|states|governments)\b/
// the designators a company's name ends with
const COMPANY_DESIGNATORS = set([
  'electronics',
  'semiconductor',
  'semiconductors',
  'steel',
  'chemical',
  'chemicals',
  'shipbuilding',
  'automotive',
  'petrochemical',
  'petrochemicals',
  'corp',
  'corporation',
  'inc',
  'ltd',
  'co',
  'industries',
  'holdings',
  'plc',
  'ag',
  'sa',
  'nv',
  'gmbh',
  'llc',
  'group',
  'airlines',
  'airways',
  'motors',
  'pharmaceuticals',
  'petroleum',
  'telecom',
])
// words that may stand before a company's name ("U.S. rival Ivax Corp")
const COMPANY_NOUNS = set([
  'firm',
  'company',
  'rival',
  'giant',
  'maker',
  'carrier',
  'bank',
  'insurer',
  'automaker',
  'carmaker',
  'drugmaker',
  'retailer',
  'supplier',
  'operator',
  'producer',
  'conglomerate',
  'lender',
  'miner',
  'exporter',
  'chipmaker',
  'peer',
])

/** Whether a company's name follows at `at` (a few capitalised words ending in a designator such as "Corp"). */
function companyAfter(tokens: Token[], at: number): boolean {
  for (let k = at; k < at + 5 && k < tokens.length; k++) {
    const t = tokens[k]!
    if (k > at && /^\p{Lu}/u.test(t.text) && COMPANY_DESIGNATORS.has(t.norm.replace(/\.$/, ''))) return true
    if (!/^\p{Lu}/u.test(t.text) && !(COMPANY_NOUNS.has(t.norm) && k === at)) return false
  }
  return false
}

function headNoun(tokens: Token[], at: number): 'party' | 'topic' | 'mediator' | 'people' | 'none' {
  if (MEDIATOR_NOUNS.startingAt(tokens, at)) return 'mediator'
  if (NON_STATE.startingAt(tokens, at)) return 'people'
  const topic = TOPIC_NOUNS.startingAt(tokens, at)
  const goods = GOODS_NOUNS.startingAt(tokens, at)
  // "tariffs on Chinese steel" names the country; "Dutch steel groups" are companies
  const after = tokens[at + goods]
  const goodsHead =
    goods &&
    (!after ||
      !/^[a-z]/.test(after.text) ||
      PHRASE_END.has(after.norm) ||
      CONJ.has(after.norm) ||
      /^(after|before|amid|since|as|until|following|despite|because)$/.test(after.norm))
      ? goods
      : 0
  const party = Math.max(PARTY_NOUNS.startingAt(tokens, at), AGENT_NOUNS.startingAt(tokens, at), goodsHead)
  if (party >= topic && party > 0) return 'party'
  if (topic > 0) return 'topic'
  return 'none'
}

/** The head noun of a noun phrase starting at `at`, past up to two describing words ("Iranian nuclear sites"). */
function phraseHead(tokens: Token[], at: number): 'party' | 'topic' | 'mediator' | 'people' | 'none' {
  for (let k = at; k <= at + 2 && k < tokens.length; k++) {
    const head = headNoun(tokens, k)
    if (head !== 'none') return head
    if (!/^[a-z][a-z-]*$/.test(tokens[k]!.text) || PHRASE_END.has(tokens[k + 1]?.norm ?? '')) break
  }
  return 'none'
}

/** Whether a demonym or a state's name ends right before `at` ("Bosnian" in "Bosnian Serbs"). */
function isDemonymBefore(ctx: RoleContext, at: number): boolean {
  for (const [start, match] of ctx.startsMatch)
    if (match.end === at && start < at && (match.via === 'demonym' || match.via === 'name')) return true
  return false
}

export interface RoleContext {
  tokens: Token[]
  /** matches by the token they start at */
  startsMatch: Map<number, Match>
  /** tokens inside an attribution ("according to Iran's Fars news agency") */
  attributed: Uint8Array
  /** token indexes at which some match ends */
  endsMatch: Set<number>
}

export function mentionRole(m: Match, actor: Actor, ctx: RoleContext): Role {
  const { tokens, startsMatch } = ctx
  const prev = m.start > 0 ? tokens[m.start - 1]! : null
  const prevSkipThe = prev?.norm === 'the' && m.start > 1 ? tokens[m.start - 2]! : prev
  const prevIndex = prev?.norm === 'the' ? m.start - 2 : m.start - 1
  let after = m.end
  const possessive =
    tokens[after]?.norm === "'s" || (tokens[after]?.norm === "'" && /s$/i.test(tokens[after - 1]!.text))
  if (possessive) after++
  const nextMatch = startsMatch.get(after) ?? (tokens[after]?.norm === 'the' ? startsMatch.get(after + 1) : undefined)
  const hyphenWord = tokens[m.end]?.norm === '-' ? (tokens[m.end + 1]?.norm ?? '') : ''

  // "the NATO allies", "EU member states": the members, not the organisation
  if (
    actor.kind === 'igo' &&
    MEMBER_NOUNS.test(
      tokens
        .slice(m.end, m.end + 2)
        .map((t) => t.norm)
        .join(' '),
    )
  )
    return 'modifier'
  // "Israel's Teva Pharmaceutical Industries", "U.S. rival Ivax Corp": a company named after the country is private
  if (m.via !== 'person' && companyAfter(tokens, after)) return 'modifier'

  // "hosted by Secretary of State Marco Rubio": a person's title stands between the marker and the name.
  let titleStart = m.start
  if (m.via === 'person')
    while (titleStart > 0 && (/^\p{Lu}/u.test(tokens[titleStart - 1]!.text) || tokens[titleStart - 1]!.norm === 'of'))
      titleStart--
  if (
    MEDIATOR_BEFORE.endingAt(tokens, prevIndex + 1) ||
    (titleStart < m.start &&
      MEDIATOR_BEFORE.endingAt(tokens, tokens[titleStart - 1]?.norm === 'the' ? titleStart - 1 : titleStart))
  )
    return 'mediator'
  // "hosted by the emir of Qatar": the go-between's office stands between the marker and the state.
  if (prev?.norm === 'of' && PARTY_NOUNS.endingAt(tokens, m.start - 1)) {
    let k = m.start - 1 - PARTY_NOUNS.endingAt(tokens, m.start - 1)
    if (tokens[k - 1]?.norm === 'the') k--
    if (MEDIATOR_BEFORE.endingAt(tokens, k)) return 'mediator'
  }
  if ((possessive || m.via === 'demonym') && MEDIATOR_NOUNS.startingAt(tokens, after)) return 'mediator'
  if (hyphenWord) {
    // "EU-brokered agreement", "African Union-led talks": the go-between; "Iran-backed militias": a modifier.
    // What is brokered or mediated is always someone else's deal ("a U.S.-brokered peace agreement", "an
    // Egyptian-mediated truce"); what is hosted or led is a meeting only when a venue noun follows, maybe after one modifier.
    if (ALWAYS_MEDIATED.has(hyphenWord)) return 'mediator'
    if (
      HYPHEN_MEDIATOR.has(hyphenWord) &&
      (VENUE_NOUNS.startingAt(tokens, m.end + 2) ||
        (/^[a-z]/.test(tokens[m.end + 2]?.text ?? '') && VENUE_NOUNS.startingAt(tokens, m.end + 3)))
    )
      return 'mediator'
    // "the British-flagged tanker": the flag state owns what was seized or struck.
    if (HYPHEN_OWNER.has(hyphenWord) && phraseHead(tokens, m.end + 2) === 'party') return 'party'
    // "US-led coalition forces": whoever leads the force acts through it.
    if (hyphenWord === 'led' && LED_GROUPS.has(tokens[m.end + 2]?.norm ?? '')) return 'party'
    if (HYPHEN_MODIFIER.has(hyphenWord)) return 'modifier'
    if (startsMatch.has(m.end + 1)) return 'party' // "US-China talks": both parts are parties
  }
  if (ctx.attributed[m.start]) return 'modifier'
  // "Castro plotters", "Putin critics": a name before such people only says whose they are
  if (
    m.via === 'person' &&
    NON_STATE.startingAt(tokens, /^['‘"“]$/.test(tokens[m.end]?.text ?? '') ? m.end + 1 : m.end)
  )
    return 'modifier'
  // "Sweden's NATO membership": the second name only qualifies the noun the first one owns.
  const prevPossessive = tokens[m.start - 1]?.norm === "'s" || tokens[m.start - 1]?.norm === "'"
  if (prevPossessive && m.start >= 2 && ctx.endsMatch.has(m.start - 1) && NOMINAL_HEADS.has(tokens[m.end]?.norm ?? ''))
    return 'modifier'
  // "Sweden's NATO membership", "Israel's UN ambassador": the second name qualifies a noun the first one owns.
  // ("Iraq's U.S.-backed government": a second name made an adjective by its hyphen leaves the noun the first one's)
  // (but "Yemen's Iran-aligned Houthis" still names where the Houthis belong)
  const hyphenated =
    nextMatch !== undefined &&
    tokens[nextMatch.end]?.norm === '-' &&
    HYPHEN_MODIFIER.has(tokens[nextMatch.end + 1]?.norm ?? '') &&
    !startsMatch.has(nextMatch.end + 2)
  const qualifies =
    nextMatch !== undefined && (NOMINAL_HEADS.has(tokens[nextMatch.end]?.norm ?? '') || (possessive && hyphenated))
  if (
    m.via !== 'person' &&
    nextMatch &&
    !qualifies &&
    nextMatch.actor !== m.actor &&
    (m.via === 'demonym' || possessive || m.via === 'name' || m.via === 'alias')
  ) {
    // "Palestinian Hamas", "Yemen's Houthi rebels": the first names where the second belongs.
    return m.via === 'demonym' || possessive ? 'modifier' : 'party'
  }
  if (m.via === 'demonym') {
    // "Bosnian Serbs", "ethnic Russians": a kin group named after a state is not that state
    if (prev?.norm === 'ethnic' || (m.start > 0 && ctx.endsMatch.has(m.start) && isDemonymBefore(ctx, m.start)))
      return 'modifier'
    let k = m.end
    while (k < tokens.length && (CONJ.has(tokens[k]!.norm) || startsMatch.get(k)?.via === 'demonym')) {
      const dm = startsMatch.get(k)
      k = dm ? dm.end : k + 1
    }
    const head = phraseHead(tokens, k)
    const plural = /s$/.test(tokens[m.end - 1]!.norm) && !/(ese|ss)$/.test(tokens[m.end - 1]!.norm)
    // "near the Chinese border": a frontier one stands by is a place.
    if (
      BORDER_NOUNS.has(tokens[k]?.norm ?? '') &&
      /^(near|along|at|by|close)$/.test(tokens[m.start - (prev?.norm === 'the' ? 2 : 1)]?.norm ?? '')
    )
      return 'place'
    if (head === 'party') return 'party'
    if (head === 'mediator') return 'mediator'
    if (head === 'topic') return 'place'
    if (head === 'people') return 'modifier'
    if (plural && (k === m.end || !/^\p{L}/u.test(tokens[k]?.text ?? '.'))) return 'party'
    return 'modifier'
  }
  if (possessive) {
    const next = tokens[after]
    const head = phraseHead(tokens, after)
    // "Russia's war in Ukraine": a war or an offensive someone wages is their act, not a setting.
    if (head === 'topic' && WAGED.has(next?.norm ?? '')) return 'party'
    if (head === 'topic') return 'place'
    if (head === 'party') return 'party'
    if (head === 'people') return 'modifier'
    // "Iran's Fars news agency" names a source; "Serbia's Vucic met Putin" a leader, and "China's Exim Bank" a
    // body, speaking for the state.
    if (next && /^\p{Lu}/u.test(next.text))
      return MEDIA.has(next.norm) ||
        MEDIA_WORDS.has(tokens[after + 1]?.norm ?? '') ||
        MEDIA_WORDS.has(tokens[after + 2]?.norm ?? '') ||
        (REPORTED_BY.has(tokens[after + 1]?.norm ?? '') && /^\p{Lu}{2,}$/u.test(next.text))
        ? 'modifier'
        : 'party'
    return 'party'
  }
  if (VENUE_ONLY.startingAt(tokens, m.end)) return 'place'
  if (STATE_KINDS.has(actor.kind) && REGION_ADJECTIVES.has(prev?.norm ?? '') && !/^\p{Lu}/u.test(prev!.text)) {
    // "rockets at northern Israel" is aimed at the country; "strikes on southern Lebanon" land in a region of it.
    const before = tokens[m.start - 2]
    return before?.norm === 'at' && AIMED_AT.endingAt(tokens, m.start - 2) ? 'party' : 'place'
  }
  // "a UN roadmap", "the EU plan": the author of a document, not a party to what it says.
  if (!STATE_KINDS.has(actor.kind) && m.via !== 'person' && DOCUMENT_NOUNS.startingAt(tokens, m.end)) return 'modifier'
  // "talks in Brussels", "in the Kremlin": a seat of power after a place preposition is where, like a capital
  const isState = STATE_KINDS.has(actor.kind) || m.via === 'capital' || m.via === 'metonym'
  if (prevSkipThe && PLACE_PREP.has(prevSkipThe.norm) && isState) {
    const prepAt = prev?.norm === 'the' ? m.start - 2 : m.start - 1
    const beforePrep = tokens[prepAt - 1]
    if (prevSkipThe.norm === 'in' && beforePrep) {
      if (IN_TARGET.has(beforePrep.norm)) return 'party'
      if (IN_TARGET_WITH_AGENT.has(beforePrep.norm) && /^'s?$/.test(tokens[prepAt - 2]?.norm ?? '')) return 'party'
      // "the government in Tripoli", "officials in Yerevan": the seat of a government stands for it.
      if (SEAT_NOUNS.endingAt(tokens, prepAt)) return 'party'
    }
    if (prevSkipThe.norm === 'at' && AIMED_AT.endingAt(tokens, prepAt)) return 'party'
    if (/^(around|near|off)$/.test(prevSkipThe.norm) && MANOEUVRES.has(beforePrep?.norm ?? '')) return 'party'
    return 'place'
  }
  // "filed a complaint with the UN Security Council": the body a complaint goes to is a forum, not its target.
  if (
    actor.kind === 'igo' &&
    /^(with|to|at|before)$/.test(prevSkipThe?.norm ?? '') &&
    FORUM_BEFORE.has(tokens[prevIndex - 1]?.norm ?? '')
  )
    return 'place'
  // "filed a case at the International Court of Justice", "spoke at the UN": a body one goes to is a venue.
  if (prevSkipThe?.norm === 'at' && m.via !== 'person' && !AIMED_AT.endingAt(tokens, prevIndex)) return 'place'
  if ((m.via === 'capital' || m.via === 'metonym') && VENUE_NOUNS.startingAt(tokens, m.end)) return 'place'
  // "on the sidelines of the BRICS summit": an organisation's meeting is a venue.
  if (actor.kind === 'igo' && GATHERINGS.has(tokens[m.end]?.norm ?? '')) return 'place'
  // "the Qatar World Cup", "the Paris Olympics"
  const after1 = tokens[m.end]?.norm ?? ''
  if (
    STATE_KINDS.has(actor.kind) &&
    SPORT.has(after1) &&
    (after1 !== 'world' || tokens[m.end + 1]?.norm === 'cup') &&
    (after1 !== 'grand' || tokens[m.end + 1]?.norm === 'prix')
  )
    return 'place'
  const head = headNoun(tokens, m.end)
  if (head === 'topic' && (m.via === 'capital' || m.via === 'name') && STATE_KINDS.has(actor.kind)) return 'place'
  return 'party'
}

/** Whoever is coordinated with a mediator ("brokered by Saudi Arabia and the United States") mediates too. */
export function spreadMediators(roles: Role[], matches: Match[], tokens: Token[]): void {
  for (let i = 0; i + 1 < matches.length; i++) {
    if (roles[i] !== 'mediator') continue
    const gap = tokens.slice(matches[i]!.end, matches[i + 1]!.start).map((t) => t.norm)
    if (gap.length && gap.length <= 3 && gap.some((g) => CONJ.has(g)) && gap.every((g) => CONJ.has(g) || g === 'the'))
      roles[i + 1] = 'mediator'
  }
}
