// Clause boundaries in a masked sentence. A cue finds its subjects and objects inside its own clause, so a
// boundary is wherever news prose starts a new predication: semicolons and dashes, a comma before a
// conjunction or a participle, subordinators, and appositives that comment on the event ("…, a move X condemned").

export interface Clause {
  start: number
  end: number
  /** "Morocco, which …, cut ties": the clause carries on the predicate of this earlier clause, whose subject it takes */
  resumes?: number
}

const CLAUSE_BREAK = new RegExp(
  [
    ';',
    '\\s[–—]\\s',
    '\\s--\\s',
    ':\\s',
    ',\\s+(?=(?:and|but|while|whereas|which|who|whom|where|although|though|as|after|before|because|since|when|even as|yet|then|with)\\s)',
    '\\s(?=(?:while|whereas|although|though|because|after|before|when|unless|if|which|who|until|following)\\s)',
    // "since" opens a clause, except as an adverb: "Riyadh has since said"
    '(?<!\\b(?:has|have|had|ever|long|not|never))\\s(?=since\\s)',
    ',\\s+(?=[a-z]+(?:ing|ed)\\s)',
    // "agreeing a prisoner exchange but making no progress on a ceasefire": a contrasted second predicate
    '\\s(?=but\\s+(?:also\\s+)?[a-z]+ing\\s)',
    // "U.S. rejects Ukraine vote as Putin congratulates Yanukovich": "as" before a new subject and its verb
    '(?<=[a-z]) (?=as (?:the )?@+ (?:[a-z]+(?:s|ed)|said|says|has|have|had|is|was|will|would)\\b)',
    // "… aid to Gaza and Hamas accused it …": a new subject and its verb after "and" start a new clause.
    '(?<=[a-z]) (?=and (?:the )?(?:[a-z]+ ){0,3}@+ (?:[a-z]+ed|said|says|has|have|had|is|was|will|would|responded|hit|struck|shot|cut|sent)\\b)',
    ',\\s+(?=(?:a|the|in a) (?:move|decision|step|claim|development|measure|gesture|charge|accusation|demand)s?\\b)',
  ].join('|'),
  'g',
)
// A clause opened by a subordinator ("Since the Trump administration announced …, Tehran has …") ends at its first comma.
const SUBORDINATE =
  /^[,\s]*(?:and\s+|but\s+)?(?:[a-z]+ing\s+)?(?:soon\s+|shortly\s+|days\s+|weeks\s+|hours\s+|months\s+|years\s+|just\s+|even\s+)?(?:since|after|when|while|although|though|because|as|if|before|following|despite|once|unless|until|whereas)\s/
// ", and" between two mentions is a list ("Saudi Arabia, the UAE, and Egypt"), not a new clause.
const LIST_AND = /^,?\s*(and|or)\s+(the\s+)?@/
const LEAD_IN =
  /^[,;\s]*((and|but|so|yet|or|soon|shortly|just|even|only|long|right|immediately|days|weeks|months|years|hours|minutes|[a-z]+ing)\s*)*$/
const RELATIVE_OPEN = /^,\s+(?:which|who|whose|whom)\s/
// a clause that is only an actor phrase: determiners, titles and names around masked mentions, no verb
const BARE_SUBJECT = /^[,\s]*(?:(?:the|its|their|[a-z-]+)\s+){0,4}@[@\s'’a-z-]*$/
const FINITE =
  /\b(?:[a-z]+ed|said|says|has|have|had|is|was|are|were|will|would|struck|hit|cut|met|sent|told|took|made|and|or)\b/
// where a relative clause ends and the interrupted main clause resumes with its predicate
const RESUMING =
  /,\s+(?!(?:and|or|but|which|who|whom|whose|where|when|while|as|after|before|since|the|a|an|@)\b|@)[a-z]/
const OBJECT_THEN_SUBJECT =
  /@ (?=and (?:the )?@+ (?:[a-z]+ed|cut|said|says|sent|hit|struck|met|broke|froze|withdrew|recalled|expelled|imposed|suspended)\b)/g
// a clause that already has its verb before the object ("recalled its ambassador from Israel")
const OWN_VERB =
  /[a-z@]\s+(?:[a-z]+ed|cut|said|sent|hit|struck|met|broke|froze|withdrew|imposed|suspended)\s+(?:[a-z@'-]+\s+){0,6}@*$/
const LIST_BEFORE = /@\s*,\s*(the\s+)?@+\s*$/

export function splitClauses(masked: string): Clause[] {
  const cuts: number[] = [0]
  for (const m of masked.matchAll(CLAUSE_BREAK)) {
    const at = m.index!
    if (LIST_BEFORE.test(masked.slice(Math.max(0, at - 80), at)) && LIST_AND.test(masked.slice(at, at + 14))) continue
    // "Sudan's army and the RSF signed": an actor phrase just before "and" makes it a list, not a new clause.
    if (
      m[0] === ' ' &&
      masked.startsWith(' and', at) &&
      /@[^\s]*(\s+[a-z-]+){0,2}\s*$/.test(masked.slice(Math.max(0, at - 40), at))
    )
      continue
    // "And since …", "Soon after …": the words before the subordinator belong to it.
    if (LEAD_IN.test(masked.slice(cuts[cuts.length - 1]!, at))) continue
    cuts.push(at)
  }
  // "Bolivia recalled its ambassador from Israel and Colombia cut ties": after an object, "and", a new subject and
  // its verb start a new clause (but "Israel and Colombia cut ties" opens with a subject pair)
  for (const m of masked.matchAll(OBJECT_THEN_SUBJECT)) {
    const at = m.index! + 1
    const from = cuts.filter((c) => c < at).pop() ?? 0
    if (OWN_VERB.test(masked.slice(from, at)) && !cuts.includes(at)) cuts.push(at)
  }
  cuts.sort((a, b) => a - b)
  cuts.push(masked.length)
  for (let i = 0; i + 1 < cuts.length; i++) {
    const text = masked.slice(cuts[i]!, cuts[i + 1]!)
    // only a subordinate clause in front of its main clause: at the start, or after a conjunction
    if (
      !SUBORDINATE.test(text) ||
      (i > 0 && !/^[,;\s]*(and|but)\s/.test(text) && !/[;:]\s*$/.test(masked.slice(0, cuts[i]!)))
    )
      continue
    const comma = text.search(/,\s/)
    if (comma > 0 && !LIST_AND.test(text.slice(comma))) cuts.splice(i + 1, 0, cuts[i]! + comma)
  }
  // "Morocco, which has long claimed the territory, cut ties with Iran": a relative clause that interrupts a
  // bare subject ends at its next comma, and what follows is the main clause's predicate again.
  const resumed = new Map<number, number>()
  for (let i = 1; i + 1 < cuts.length; i++) {
    const text = masked.slice(cuts[i]!, cuts[i + 1]!)
    const before = masked.slice(cuts[i - 1]!, cuts[i]!)
    if (!RELATIVE_OPEN.test(text) || !BARE_SUBJECT.test(before) || FINITE.test(before)) continue
    const close = text.slice(1).search(RESUMING)
    if (close < 0) {
      // "Kenya, which borders Somalia, agreed …": the participle rule already cut where the relative clause ends
      const next = cuts[i + 1]!
      if (
        i + 2 < cuts.length &&
        RESUMING.test(masked.slice(next, cuts[i + 2]!)) &&
        masked.slice(next).search(RESUMING) === 0
      ) {
        resumed.set(next, cuts[i - 1]!)
        i++
      }
      continue
    }
    const at = cuts[i]! + 1 + close
    cuts.splice(i + 1, 0, at)
    resumed.set(at, cuts[i - 1]!)
    i++
  }
  const out: Clause[] = []
  for (let i = 0; i + 1 < cuts.length; i++) {
    if (cuts[i + 1]! <= cuts[i]!) continue
    const from = resumed.get(cuts[i]!)
    const resumes = from === undefined ? -1 : out.findIndex((c) => c.start === from)
    out.push(resumes >= 0 ? { start: cuts[i]!, end: cuts[i + 1]!, resumes } : { start: cuts[i]!, end: cuts[i + 1]! })
  }
  return out
}
