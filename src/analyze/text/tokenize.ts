// Word tokens with offsets. Aliases and text go through the same function, so whatever it does to
// hyphens and apostrophes, a name in the gazetteer and the same name in a sentence tokenise alike.

export interface Token {
  text: string
  /** lower-case, curly apostrophes straightened, diacritics removed */
  norm: string
  start: number
  end: number
}

const WORD = /\p{Lu}\.(?:\p{Lu}\.)+|[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*|['’]|[^\s\p{L}\p{N}]/gu
// Arabic articles and name particles stay glued to the word they introduce ("al-Qaeda", "bin Salman").
const GLUED = new Set([
  'al',
  'el',
  'ad',
  'ar',
  'as',
  'ash',
  'at',
  'an',
  'az',
  'ul',
  'ibn',
  'bin',
  'abu',
  'umm',
  'ben',
  'de',
  'du',
  'la',
  'le',
])

const NON_ASCII = /[^\x00-\x7f]/

export function normalize(s: string): string {
  let out = s.toLowerCase()
  if (NON_ASCII.test(out)) out = out.replace(/’/g, "'").normalize('NFD').replace(/\p{M}/gu, '')
  return out
}

function push(out: Token[], text: string, start: number): void {
  out.push({ text, norm: normalize(text), start, end: start + text.length })
}

// The same word shapes for plain ASCII text, which most news is: a cheaper regex and no diacritics to strip.
const ASCII_WORD = /[A-Z]\.(?:[A-Z]\.)+|[A-Za-z0-9]+(?:[-'][A-Za-z0-9]+)*|'|[^\sA-Za-z0-9]/g

export function tokenize(text: string): Token[] {
  const out: Token[] = []
  const ascii = !NON_ASCII.test(text)
  for (const m of text.matchAll(ascii ? ASCII_WORD : WORD)) {
    const word = m[0]
    const at = m.index!
    // Possessive 's becomes its own token so "Iran's" is "Iran" + "'s".
    const poss = word.length > 2 && (word.includes("'") || word.includes('’')) ? /^(.+?)['’]s$/i.exec(word) : null
    const body =
      poss && poss[1]!.length > 1 && !/^(it|that|there|what|let|he|she|who)$/i.test(poss[1]!) ? poss[1]! : word
    // Split capitalised hyphen compounds ("US-China", "Iran-backed", "London-based") into parts.
    if (
      body.includes('-') &&
      (ascii ? /^[A-Z]/ : /^\p{Lu}/u).test(body) &&
      !GLUED.has(body.slice(0, body.indexOf('-')).toLowerCase())
    ) {
      let off = 0
      const parts = body.split('-')
      parts.forEach((part, i) => {
        if (part) push(out, part, at + off)
        off += part.length
        if (i < parts.length - 1) {
          push(out, '-', at + off)
          off += 1
        }
      })
    } else {
      push(out, body, at)
    }
    if (body !== word) push(out, word.slice(body.length), at + body.length)
  }
  return out
}
