// Finds what precedes a document's root element — XML declaration, processing instructions, comments, the
// DOCTYPE — and the root's name, in one left-to-right pass however long the prolog is. Regular expressions
// such as `<!DOCTYPE[\s\S]*?>` retry from every unclosed `<!DOCTYPE` to the end of the text: quadratic.

export interface Prolog {
  /** the root element's qualified name as written, or null when no element starts the document */
  root: string | null
  /** index of the root's `<` */
  rootAt: number
  doctype: { start: number; end: number; text: string; internalSubset: string | null } | null
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13
const NAME_END = /[\s/>]/

/** Reads a DOCTYPE from `start` (its `<`): quoted literals and the internal subset may hold `>` and `]`. */
function readDoctype(s: string, start: number): Prolog['doctype'] {
  let quote = 0
  let subsetStart = -1
  let subsetEnd = -1
  for (let i = start + 9; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (quote) {
      if (c === quote) quote = 0
    } else if (c === 34 || c === 39) quote = c
    else if (c === 91 /* [ */ && subsetStart < 0) subsetStart = i + 1
    else if (c === 93 /* ] */ && subsetStart >= 0 && subsetEnd < 0) subsetEnd = i
    else if (c === 62 /* > */ && (subsetStart < 0 || subsetEnd >= 0)) {
      return {
        start,
        end: i + 1,
        text: s.slice(start, i + 1),
        internalSubset: subsetStart >= 0 ? s.slice(subsetStart, subsetEnd) : null,
      }
    }
  }
  return null
}

export function scanProlog(s: string): Prolog {
  let doctype: Prolog['doctype'] = null
  let i = 0
  const none = (): Prolog => ({ root: null, rootAt: -1, doctype })
  for (;;) {
    while (i < s.length && isSpace(s.charCodeAt(i))) i++
    if (s.charCodeAt(i) !== 60 /* < */) return none()
    if (s.startsWith('<?', i)) {
      const end = s.indexOf('?>', i + 2)
      if (end < 0) return none()
      i = end + 2
    } else if (s.startsWith('<!--', i)) {
      const end = s.indexOf('-->', i + 4)
      if (end < 0) return none()
      i = end + 3
    } else if (s.slice(i, i + 9).toUpperCase() === '<!DOCTYPE') {
      doctype = readDoctype(s, i)
      if (!doctype) return none()
      i = doctype.end
    } else {
      const tail = s.slice(i + 1, i + 201)
      const end = tail.search(NAME_END)
      const root = end < 0 ? tail : tail.slice(0, end)
      return root && !root.startsWith('!') ? { root, rootAt: i, doctype } : none()
    }
  }
}

/** The root element's start tag (up to its `>`, at most 4 KB), for reading attributes such as RSS's version. */
export function rootStartTag(s: string, prolog: Prolog): string {
  if (prolog.rootAt < 0) return ''
  const head = s.slice(prolog.rootAt, prolog.rootAt + 4096)
  const end = head.indexOf('>')
  return end < 0 ? head : head.slice(0, end + 1)
}
