// The shape every reviewable data file of the engine shares (actors, office holders, cue lexicons, word lists),
// after PETRARCH's and PLOVER's dictionaries: a header that says what the file is, its version, when it was last
// checked and against what, dated change notes, then the entries one per line in named sections. Pure: the
// canonical text form is computed here so a test can insist every file is written in it (reviewable diffs).

export interface DataFileHeader {
  /** what the file holds and the conventions an editor must keep */
  about: string[]
  /** bumped on every change to the entries */
  version: number
  /** YYYY-MM-DD: when the entries were last checked against the sources */
  checked: string
  /** where the entries come from: key → description; sections and entries refer to the keys */
  sources: Record<string, string>
  changes: { date: string; note: string }[]
}

export interface DataSection<T> {
  section: string
  /** key into the header's sources, for every entry of the section */
  source?: string
  note?: string
  /** word lists only: the entries are lemmas whose first word inflects (`head`), or nouns that also match their plural */
  inflect?: 'head' | 'plural'
  entries: T[]
}

export interface DataFile<T> extends DataFileHeader {
  $schema?: string
  sections: DataSection<T>[]
}

export const entriesOf = <T>(file: DataFile<T>): T[] => file.sections.flatMap((s) => s.entries)

/** The canonical text of a data file: header fields one per line, each section's entries one per line. */
export function formatDataFile(file: DataFile<unknown>): string {
  const lines: string[] = ['{']
  const head = Object.entries(file).filter(([k]) => k !== 'sections')
  for (const [k, v] of head) {
    if (Array.isArray(v) && v.length && k !== 'about') {
      lines.push(`  ${JSON.stringify(k)}: [`)
      v.forEach((x, i) => lines.push(`    ${JSON.stringify(x)}${i < v.length - 1 ? ',' : ''}`))
      lines.push('  ],')
    } else if (k === 'about' && Array.isArray(v)) {
      lines.push(`  "about": [`)
      v.forEach((x, i) => lines.push(`    ${JSON.stringify(x)}${i < v.length - 1 ? ',' : ''}`))
      lines.push('  ],')
    } else if (v && typeof v === 'object' && !Array.isArray(v)) {
      const entries = Object.entries(v)
      lines.push(`  ${JSON.stringify(k)}: {`)
      entries.forEach(([sk, sv], i) => lines.push(`    ${JSON.stringify(sk)}: ${JSON.stringify(sv)}${i < entries.length - 1 ? ',' : ''}`))
      lines.push('  },')
    } else lines.push(`  ${JSON.stringify(k)}: ${JSON.stringify(v)},`)
  }
  lines.push('  "sections": [')
  file.sections.forEach((s, si) => {
    lines.push('    {')
    for (const [k, v] of Object.entries(s)) if (k !== 'entries') lines.push(`      ${JSON.stringify(k)}: ${JSON.stringify(v)},`)
    lines.push('      "entries": [')
    s.entries.forEach((e, i) => lines.push(`        ${JSON.stringify(e)}${i < s.entries.length - 1 ? ',' : ''}`))
    lines.push('      ]')
    lines.push(`    }${si < file.sections.length - 1 ? ',' : ''}`)
  })
  lines.push('  ]', '}')
  return lines.join('\n') + '\n'
}
