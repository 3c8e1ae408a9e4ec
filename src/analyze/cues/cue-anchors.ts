// What every match of a cue pattern must contain or start with, read off the pattern itself: the prefilter in
// match-cues.ts uses it to skip the regexes a sentence cannot match, and to run the rest only where they can start.

/** The pattern's top-level items: words, groups and classes, each with the operator that follows it. */
function topLevelItems(pattern: string): { text: string; optional: boolean }[] {
  const items: { text: string; optional: boolean }[] = []
  let depth = 0
  let current = ''
  const flush = () => {
    if (current) items.push({ text: current, optional: false })
    current = ''
  }
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!
    if (depth === 0 && (ch === ' ' || ch === '…')) {
      flush()
      continue
    }
    if (depth === 0 && (ch === '?' || ch === '{') && !current) {
      // a quantifier after a group that was already flushed
      const last = items[items.length - 1]
      if (last && (ch === '?' || /^\{0/.test(pattern.slice(i)))) last.optional = true
      if (ch === '{') i = pattern.indexOf('}', i)
      continue
    }
    if (ch === '(' || ch === '[') depth++
    if (ch === ')' || ch === ']') depth--
    current += ch
    if (depth === 0 && (ch === ')' || ch === ']')) {
      const next = pattern[i + 1]
      const optional = next === '?' || next === '*' || (next === '{' && pattern[i + 2] === '0')
      items.push({ text: current, optional })
      current = ''
      if (next === '?' || next === '*') i++
      else if (next === '{') i = pattern.indexOf('}', i)
    }
  }
  flush()
  return items
}

/** Split a group's body on its top-level `|`. */
function alternatives(body: string): string[] {
  const out: string[] = []
  let depth = 0
  let current = ''
  for (const ch of body) {
    if (ch === '(' || ch === '[') depth++
    if (ch === ')' || ch === ']') depth--
    if (ch === '|' && depth === 0) {
      out.push(current)
      current = ''
    } else current += ch
  }
  out.push(current)
  return out
}

const COMMON = new Set([
  'the',
  'and',
  'with',
  'over',
  'from',
  'into',
  'that',
  'have',
  'has',
  'had',
  'were',
  'was',
  'their',
  'its',
  'between',
  'against',
  'after',
  'for',
  'this',
  'they',
  'will',
  'would',
  'said',
  'also',
  'been',
  'not',
  'are',
  'which',
  'about',
  'more',
  'than',
])

/** The longest word of the literal phrase a pattern fragment starts with: every match of the fragment contains it. */
function literalPrefix(fragment: string): string {
  let phrase = /^[\p{L}'’ -]*/u.exec(fragment)![0]
  // a letter followed by `?` is itself optional
  if (fragment[phrase.length] === '?') phrase = phrase.slice(0, -1)
  return phrase.split(' ').reduce((a, w) => (w.length > a.length ? w : a), '')
}

/**
 * Literal prefixes one of which every match must contain: taken from the most selective mandatory item of the
 * pattern (a plain word, or a group each of whose alternatives has anchors of its own). Null when there is none.
 */
export function anchorsOf(pattern: string): string[] | null {
  // "A|B" at the top level: every match contains an anchor of one alternative or the other
  const top = alternatives(pattern)
  if (top.length > 1) {
    const each = top.map((alt) => anchorsOf(alt))
    return each.every((a) => a !== null) ? [...new Set(each.flat() as string[])] : null
  }
  let best: string[] | null = null
  let bestScore = 0
  for (const item of topLevelItems(pattern)) {
    if (item.optional || item.text.startsWith('(?') || item.text.startsWith('[')) continue
    let options: string[] | null
    if (item.text.startsWith('(')) {
      const alts = alternatives(item.text.slice(1, -1)).map((alt) => {
        const lit = literalPrefix(alt)
        return lit.length >= 3 ? [lit] : anchorsOf(alt)
      })
      options = alts.every((a) => a !== null) ? (alts.flat() as string[]) : null
    } else options = [literalPrefix(item.text)]
    // a function word is in most sentences and anchors nothing
    if (!options?.length || options.some((o) => COMMON.has(o))) continue
    const score = Math.min(...options.map((o) => o.length))
    if (score >= 3 && score > bestScore) {
      best = [...new Set(options)]
      bestScore = score
    }
  }
  return best
}

/** The literal starts every match of a pattern must begin with, or null when one part may start otherwise. */
export function leadOf(pattern: string): string[] | null {
  const top = alternatives(pattern)
  if (top.length > 1) {
    const each = top.map((alt) => leadOf(alt))
    return each.every((l) => l !== null) ? [...new Set(each.flat() as string[])] : null
  }
  return leadOfItems(topLevelItems(pattern), 0)
}

/**
 * The leads of the items from `i` on: an optional item ("(the )?") adds its own leads to those of what follows it,
 * so "(diplomatic )?(thaw|rapprochement)" starts with "diplomatic", "thaw" or "rapprochement".
 */
function leadOfItems(items: { text: string; optional: boolean }[], i: number): string[] | null {
  const item = items[i]
  if (!item) return null
  if (item.text.startsWith('(?')) return leadOfItems(items, i + 1) // a lookaround takes no room
  if (item.text.startsWith('[')) return null
  let own: string[] | null
  if (!item.text.startsWith('(')) {
    let lit = /^[\p{L}'’-]*/u.exec(item.text)![0]
    if (item.text[lit.length] === '?') lit = lit.slice(0, -1)
    own = lit.length >= 2 ? [lit] : null
  } else {
    const leads = alternatives(item.text.slice(1, -1)).map((alt) => {
      let lit = /^[\p{L}'’-]*/u.exec(alt)![0]
      if (alt[lit.length] === '?') lit = lit.slice(0, -1)
      return lit.length >= 2 ? [lit] : alt.startsWith('(') ? leadOf(alt) : null
    })
    own = leads.every((l) => l !== null) ? [...new Set(leads.flat() as string[])] : null
  }
  if (!own || !item.optional) return own
  const rest = leadOfItems(items, i + 1)
  return rest ? [...new Set([...own, ...rest])] : null
}
