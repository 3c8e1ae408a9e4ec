// The words publishers write in dates: month names in the languages of the feeds we read (full, abbreviated and,
// for Russian, the genitive "24 сентября"), and time zone abbreviations with their offsets. Day names are not
// listed: a date's weekday is ignored, whatever its language or correctness ("Seg, 24 Set 2018", "Mon" on a Tuesday).

/** Full month names, January first, per language; an abbreviation is any prefix of three letters or more. */
const MONTHS: Record<string, string[]> = {
  en: [
    'january',
    'february',
    'march',
    'april',
    'may',
    'june',
    'july',
    'august',
    'september',
    'october',
    'november',
    'december',
  ],
  fr: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
  de: [
    'januar',
    'februar',
    'märz',
    'april',
    'mai',
    'juni',
    'juli',
    'august',
    'september',
    'oktober',
    'november',
    'dezember',
  ],
  es: [
    'enero',
    'febrero',
    'marzo',
    'abril',
    'mayo',
    'junio',
    'julio',
    'agosto',
    'septiembre',
    'octubre',
    'noviembre',
    'diciembre',
  ],
  pt: [
    'janeiro',
    'fevereiro',
    'março',
    'abril',
    'maio',
    'junho',
    'julho',
    'agosto',
    'setembro',
    'outubro',
    'novembro',
    'dezembro',
  ],
  it: [
    'gennaio',
    'febbraio',
    'marzo',
    'aprile',
    'maggio',
    'giugno',
    'luglio',
    'agosto',
    'settembre',
    'ottobre',
    'novembre',
    'dicembre',
  ],
  nl: [
    'januari',
    'februari',
    'maart',
    'april',
    'mei',
    'juni',
    'juli',
    'augustus',
    'september',
    'oktober',
    'november',
    'december',
  ],
  tr: ['ocak', 'şubat', 'mart', 'nisan', 'mayıs', 'haziran', 'temmuz', 'ağustos', 'eylül', 'ekim', 'kasım', 'aralık'],
  ru: [
    'январь',
    'февраль',
    'март',
    'апрель',
    'май',
    'июнь',
    'июль',
    'август',
    'сентябрь',
    'октябрь',
    'ноябрь',
    'декабрь',
  ],
  ruGenitive: [
    'января',
    'февраля',
    'марта',
    'апреля',
    'мая',
    'июня',
    'июля',
    'августа',
    'сентября',
    'октября',
    'ноября',
    'декабря',
  ],
}

/** Abbreviations that are not prefixes of the full name. */
const ODD_ABBREVIATIONS: Record<string, number> = { mrz: 3, mrt: 3, sept: 9 }

/**
 * The month (1–12) a word names, or 0. A prefix of three letters or more counts, unless it names two different
 * months across the languages ("jui": juin or juillet), so no abbreviation is read as the wrong month.
 */
export function monthNumber(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '')
  if (ODD_ABBREVIATIONS[w]) return ODD_ABBREVIATIONS[w]!
  if (w.length < 3) return 0
  let found = 0
  for (const names of Object.values(MONTHS)) {
    names.forEach((name, i) => {
      if (!name.startsWith(w)) return
      found = found === 0 || found === i + 1 ? i + 1 : -1
    })
  }
  return found > 0 ? found : 0
}

/**
 * Zone abbreviations seen in feeds, as minutes east of UTC. RFC 822 names the North American zones and UT/GMT;
 * publishers use many more. Where an abbreviation is ambiguous the reading most common in news feeds is kept (IST:
 * India, AST: Arabia). RFC 2822 §4.3 reads military letters other than Z as unknown, i.e. UTC.
 */
export const ZONES: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  WET: 0,
  BST: 60,
  IST: 330,
  WEST: 60,
  CET: 60,
  MET: 60,
  MEZ: 60,
  CEST: 120,
  MEST: 120,
  MESZ: 120,
  EET: 120,
  EEST: 180,
  MSK: 180,
  TRT: 180,
  AST: 180,
  GST: 240,
  IRST: 210,
  PKT: 300,
  NPT: 345,
  ICT: 420,
  WIB: 420,
  HKT: 480,
  SGT: 480,
  AWST: 480,
  CST: -360,
  JST: 540,
  KST: 540,
  ACST: 570,
  AEST: 600,
  AEDT: 660,
  NZST: 720,
  NZDT: 780,
  EST: -300,
  EDT: -240,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  AKST: -540,
  AKDT: -480,
  HST: -600,
  BRT: -180,
  ART: -180,
}
