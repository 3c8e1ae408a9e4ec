// Shapes of the gazetteer data. The data files only describe actors; matching rules live in ../gazetteer.ts.

export type ActorKind =
  | 'state' // sovereign or partially recognised state (UN members, Palestine, Taiwan, Kosovo, Holy See, Western Sahara)
  | 'government' // a specific administration or authority (Palestinian Authority, Taliban-era "Islamic Emirate")
  | 'igo' // intergovernmental organisation or body (UN, EU, NATO, Security Council, ICC, IMF)
  | 'armed-group' // militias, insurgents, terrorist organisations (Hamas's armed wing, ISIS, al-Shabaab)
  | 'party' // political party or movement acting politically (Fatah, Muslim Brotherhood)

/** A surface form valid only for part of history, e.g. "the Assad regime" for Syria while Assad ruled. */
export interface DatedAlias {
  text: string
  from?: string // YYYY-MM-DD inclusive
  to?: string // YYYY-MM-DD inclusive
}

export interface ActorData {
  /** stable lowercase slug: `iran`, `saudi-arabia`, `hamas`, `arab-league` */
  id: string
  /** the common English name */
  name: string
  kind: ActorKind
  /**
   * Names that denote the actor itself as a party: official and short names, acronyms, transliteration
   * variants ("Hizbollah"), "the X regime/government/administration" forms. Matched case-sensitively when the
   * alias is an all-caps acronym, case-insensitively otherwise. Do not repeat `name`, capital, demonyms, metonyms.
   */
  aliases: (string | DatedAlias)[]
  /** states: the capital city; used as metonym for the government ("Tehran said") but never a party when it is a place */
  capital?: string
  /** states: adjectives and demonyms, singular and plural ("Iranian", "Iranians") */
  demonyms?: string[]
  /** seats of power used for the government: "the Kremlin", "the White House", "Downing Street" */
  metonyms?: string[]
  /** roll-up target for pair scoring (`qassam-brigades` → `hamas`, `irgc` → `iran`) */
  parent?: string
  /**
   * The organisation this body is an organ of, when it stays an actor of its own (the Security Council within the
   * UN, the IAEA board within the IAEA): an organ and its organisation are never a pair.
   */
  within?: string
  /** a party's own state: its quarrels with that state's government are domestic politics, never a pair */
  home?: string
  /** why the entry is as it is, for a reviewer */
  note?: string
  /**
   * Periods in which this movement was the government of a state (the Taliban in Afghanistan from August 2021):
   * then its mentions count as that state.
   */
  governs?: { state: string; from: string; to?: string }[]
  /**
   * Class nouns a later definite reference may use for this actor: "the kingdom" (Saudi Arabia, Jordan,
   * Morocco), "the group", "the movement", "the militant group", "the alliance", "the bloc", "the island".
   * Generic nouns by kind (country, government, group) are added by the gazetteer; list only the specific ones.
   */
  nouns?: string[]
  /** UN geoscheme-like region, for filters and test coverage */
  region?: string
}

export type OfficeRole =
  | 'head-of-state'
  | 'head-of-government'
  | 'foreign-minister'
  | 'defence-minister'
  | 'leader' // leader of a non-state actor, supreme leader, commander
  | 'official' // spokesman, negotiator, senior official

export interface OfficeHolderData {
  /** full name as usually written in English news: "Hassan Rouhani" */
  name: string
  /** other surface forms that unambiguously denote this person: surname ("Rouhani"), spelling variants */
  aliases: string[]
  /** actor the person speaks for while in office */
  actor: string
  role: OfficeRole
  from: string // YYYY-MM-DD
  to?: string // YYYY-MM-DD, omitted while still in office
}
