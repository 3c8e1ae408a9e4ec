// An RFC 4180 reader for tests, written from the RFC rather than from our writer: CRLF records, quoted fields with
// doubled quotes, commas and line breaks inside quotes.
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"' && field === '') quoted = true
    else if (ch === ',') {
      row.push(field)
      field = ''
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i++
    } else if (ch === '\n' || ch === '\r') throw new Error(`bare line break at ${i}: records end with CRLF`)
    else field += ch
  }
  if (field !== '' || row.length) throw new Error('last record does not end with CRLF')
  return rows
}

/** Rows as objects keyed by the header row. */
export function csvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text)
  return rows.map((r) => {
    if (r.length !== header!.length) throw new Error(`a row has ${r.length} fields, the header ${header!.length}`)
    return Object.fromEntries(header!.map((h, i) => [h, r[i]!]))
  })
}
