// Dates given on the command line or in --jsonl input: a real day of the calendar, written YYYY-MM-DD. The shape
// alone lets `2018-13-01` or `2019-02-29` through, and the engine would date office holders by a day that never was.

/** Why `value` is not a day written YYYY-MM-DD, or null when it is one. */
export function calendarDateProblem(value: unknown): string | null {
  if (value === undefined) return 'needs a day written YYYY-MM-DD'
  const m = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null
  if (!m)
    return `must be a day written YYYY-MM-DD, got ${typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : String(value)}`
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (month < 1 || month > 12) return `${value} is not a day: there is no month ${m[2]}`
  const t = new Date(Date.UTC(year, month - 1, day))
  if (day < 1 || t.getUTCMonth() !== month - 1) return `${value} is not a day: ${m[1]}-${m[2]} has no day ${m[3]}`
  return null
}
