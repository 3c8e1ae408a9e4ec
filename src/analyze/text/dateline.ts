// The dateline and agency credit a wire story opens with ("ISLAMABAD, Dec 3 (Reuters) -", "UNITED NATIONS :",
// "Kampala (AP) —", "AFP -"): where the report was filed, not an actor in it. Returns the offset where the story
// itself begins, 0 when the sentence has no dateline.

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?'
const DATE = `(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?\\.?(?:,?\\s+\\d{4})?|\\d{1,2}\\s+${MONTH}(?:\\s+\\d{4})?|\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?)`
const AGENCY = '\\((?:[A-Z][A-Za-z.&-]*(?:\\s+[A-Z][A-Za-z.&-]*){0,3}|[a-z]{2,4})\\)'
const SEPARATOR = '(?:\\s+(?:-{1,2}|–|—|_)\\s*|\\s*(?:--|–|—|:)\\s*|\\s*\\.\\s+-\\s*)'
// A place in capitals ("NEW DELHI", "THE HAGUE", "UNITED NATIONS"), then maybe ", Country", a date and an agency.
// ("BEIJING/OTTAWA", "DUBAI/MOSCOW": a story filed from two places names both)
const CAPS_PLACE = "[A-Z][A-Z.'’-]+(?:/[A-Z][A-Z.'’-]+)*(?:\\s+[A-Z][A-Z.'’-]+(?:/[A-Z][A-Z.'’-]+)*){0,3}"
const TITLE_PLACE = "[A-Z][a-z'’-]+(?:\\s+[A-Z][a-z'’-]+){0,2}"
const REGION = "(?:,\\s*[A-Z][A-Za-z.'’-]+(?:\\s+[A-Z][A-Za-z.'’-]+){0,2})?"
const CAPS_DATELINE = new RegExp(`^\\s*${CAPS_PLACE}${REGION}(?:,?\\s+${DATE})?\\.?(?:\\s*${AGENCY})?${SEPARATOR}`)
// "KALAKAN, Afghanistan There were …": a place in capitals and its country, then the story with no separator
const CAPS_REGION = new RegExp(`^\\s*${CAPS_PLACE},\\s*[A-Z][a-z]+(?:\\s+[A-Z][a-z]+)?\\s+(?=[A-Z])`)
const TITLE_DATELINE = new RegExp(`^\\s*${TITLE_PLACE}${REGION}(?:,?\\s+${DATE})?\\s*${AGENCY}${SEPARATOR}`)
const AGENCY_ONLY =
  /^\s*(?:AP|AFP|Reuters|Xinhua|dpa|DPA|CP|Canadian Press|UPI|IANS|PTI|ANI|BBC|Bloomberg|Kyodo|Yonhap|Anadolu|TASS|Interfax)\s*(?:-{1,2}|–|—|:)\s*/

export function datelineEnd(sentence: string): number {
  const caps = CAPS_DATELINE.exec(sentence)
  // at least one word of three capitals: "US" or "UN" alone opens many a headline sentence
  if (caps && /[A-Z]{3}/.test(caps[0]) && !/^\s*[A-Z]+\s+[a-z]/.test(caps[0])) return caps[0].length
  const region = CAPS_REGION.exec(sentence)
  if (region && /[A-Z]{3}/.test(region[0])) return region[0].length
  const title = TITLE_DATELINE.exec(sentence)
  if (title) return title[0].length
  const agency = AGENCY_ONLY.exec(sentence)
  return agency ? agency[0].length : 0
}
