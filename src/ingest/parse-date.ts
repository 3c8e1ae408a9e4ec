// Reads the dates publishers actually send, the same way on every machine: RFC 822/2822 with any day name (or a
// wrong one), one- or two-digit days, two-digit years, "1500" for 15:00, named or numeric zones and localised month
// names ("Seg, 24 Set 2018 19:22:00 -0300"); ISO 8601 / W3C-DTF with or without a zone ("2024-03-10T17:15:00",
// read as UTC: a zone-less time would otherwise depend on the server's own zone); "Jan 08 2018" month-first forms.
// Impossible dates ("31 Feb") are unreadable rather than rolled over into March.
import { monthNumber, ZONES } from './date-words.ts'

const ISO = /^(\d{4})-(\d{2})(?:-(\d{2})(?:[T\s]+(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?)?\s*(.*)$/
const TIME = String.raw`(?:,?\s*(?:at\s+)?(\d{1,2})(?::(\d{2})|(\d{2}))(?::(\d{2})(?:[.,]\d+)?)?(?:\s*([ap])\.?m\.?)?)?`
const WORD = String.raw`[\p{L}]+\.?`
/** [day name,] 24 Set 2018 [19:22[:00]] [zone] */
const DAY_FIRST = new RegExp(
  String.raw`^(?:${WORD},?\s+)?(\d{1,2})\.?\s*(?:de\s+)?(${WORD})\s*,?\s*(?:de\s+)?(\d{4}|\d{2})${TIME}\s*(.*)$`,
  'iu',
)
/** [day name,] Jan 08[th], 2018 [10:00[:00]] [zone] */
const MONTH_FIRST = new RegExp(
  String.raw`^(?:${WORD},?\s+)?(${WORD})\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})${TIME}\s*(.*)$`,
  'iu',
)

/** Minutes east of UTC of a zone written after a time, 0 when none; null when it is not a zone at all. */
function zoneOffset(raw: string): number | null {
  const z = raw.replace(/\s*\([^)]*\)\s*$/, '').trim()
  if (!z) return 0
  const numeric = /^(?:(?:GMT|UTC|UT)\s*)?([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(z)
  if (numeric) {
    const hours = Number(numeric[2])
    const minutes = Number(numeric[3] ?? 0)
    if (hours > 14 || minutes > 59) return null
    return (numeric[1] === '-' ? -1 : 1) * (hours * 60 + minutes)
  }
  const named = ZONES[z.toUpperCase()]
  if (named !== undefined) return named
  // Military letters and any other abbreviation: a zone we cannot place, read as UTC (RFC 2822 §4.3).
  return /^[A-Za-z]{1,5}$/.test(z) ? 0 : null
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

interface Parts {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  ms: number
  offset: number
}

function toIso(p: Parts): string | null {
  if (p.month < 1 || p.month > 12 || p.day < 1 || p.day > daysIn(p.year, p.month)) return null
  if (p.hour > 24 || p.minute > 59 || p.second > 60 || (p.hour === 24 && (p.minute || p.second))) return null
  const t = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, Math.min(59, p.second), p.ms) - p.offset * 60_000
  return Number.isNaN(t) ? null : new Date(t).toISOString()
}

function fullYear(y: string): number {
  const n = Number(y)
  // RFC 2822 §4.3: two-digit years below 50 are 20xx, the others 19xx.
  return y.length === 2 ? (n < 50 ? 2000 + n : 1900 + n) : n
}

function hours(h: string | undefined, meridiem: string | undefined): number {
  const n = Number(h ?? 0)
  if (!meridiem) return n
  if (n < 1 || n > 12) return 99
  return (n % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0)
}

function iso(s: string): string | null {
  const m = ISO.exec(s)
  if (!m) return null
  const offset = zoneOffset(m[8]!)
  if (offset === null) return null
  return toIso({
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3] ?? 1),
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
    ms: Number(`${m[7] ?? ''}000`.slice(0, 3)),
    offset,
  })
}

function written(s: string, pattern: RegExp, dayFirst: boolean): string | null {
  const m = pattern.exec(s)
  if (!m) return null
  const [day, monthWord, year] = dayFirst ? [m[1]!, m[2]!, m[3]!] : [m[2]!, m[1]!, m[3]!]
  const month = monthNumber(monthWord)
  const offset = zoneOffset(m[9]!)
  if (!month || offset === null) return null
  return toIso({
    year: fullYear(year),
    month,
    day: Number(day),
    hour: hours(m[4], m[8]),
    minute: Number(m[5] ?? m[6] ?? 0),
    second: Number(m[7] ?? 0),
    ms: 0,
    offset,
  })
}

/** The instant a feed date names, as an ISO 8601 UTC string, or null when it cannot be read. */
export function parseFeedDate(value: string | null | undefined): string | null {
  if (!value) return null
  const s = value.replace(/\s+/g, ' ').trim()
  if (!s || s.length > 100) return null
  return iso(s) ?? written(s, DAY_FIRST, true) ?? written(s, MONTH_FIRST, false)
}
