// Feed descriptions carry publisher HTML; analysis and our own feeds only ever see plain text. The markup is
// walked once, left to right, with indexOf: a regular expression like `<svg[\s\S]*?</svg>` retries from every
// unclosed `<svg` to the end of the document, which is quadratic in hostile input (hours at 5 MB).
import { decodeHTML } from 'entities'

/**
 * Every character reference HTML defines (2,231 names, numeric references, the legacy names browsers read without a
 * semicolon), decoded as a browser decodes text: `&Eacute;` is É, `&atilde;` ã, `&times;` ×, `&deg;` °. The decoder
 * walks a trie from each `&` and never looks back, so it stays linear in hostile input.
 */
export function decodeEntities(s: string): string {
  return s.includes('&') ? decodeHTML(s) : s
}

/**
 * Strips control characters that XML 1.0 forbids and that break feed readers, lone surrogates, and the bidi
 * embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) that let a quote display in an
 * order other than the one it is stored in.
 */
export function stripControlChars(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
}

const BLOCK = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'tr',
  'td',
  'th',
  'table',
  'section',
  'article',
  'header',
  'footer',
  'figure',
  'figcaption',
  'hr',
  'pre',
])
/** Elements whose content is not text: dropped with their content when they are closed. */
const OPAQUE = ['script', 'style', 'noscript', 'iframe', 'svg', 'template'] as const
const CLOSERS = new Map(OPAQUE.map((name) => [name as string, new RegExp(`</${name}\\s*>`, 'gi')]))

const isTagStart = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 47 /* / */ || c === 33 /* ! */ || c === 63 /* ? */

/** The text of `html` without its tags, comments and opaque elements; block tags become line breaks. */
function stripMarkup(html: string): string {
  const out: string[] = []
  // Once a search fails it fails for every later position too: remember it, so no later `<` scans again.
  let noCommentEnd = false
  const noCloser = new Set<string>()
  let i = 0
  const n = html.length
  while (i < n) {
    const lt = html.indexOf('<', i)
    if (lt < 0) {
      out.push(html.slice(i))
      break
    }
    out.push(html.slice(i, lt))
    if (!noCommentEnd && html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4)
      if (end >= 0) {
        out.push(' ')
        i = end + 3
        continue
      }
      noCommentEnd = true
    }
    const gt = isTagStart(html.charCodeAt(lt + 1)) ? html.indexOf('>', lt + 1) : -1
    if (gt < 0) {
      if (isTagStart(html.charCodeAt(lt + 1))) {
        // No `>` anywhere after this point: no tag, comment or closer can end, the rest is text.
        out.push(html.slice(lt))
        break
      }
      out.push('<')
      i = lt + 1
      continue
    }
    const name = /^\/?([a-zA-Z][a-zA-Z0-9-]*)/.exec(html.slice(lt + 1, Math.min(gt, lt + 40)))
    const tag = name?.[1]!.toLowerCase() ?? ''
    const closing = html.charCodeAt(lt + 1) === 47
    const closer = !closing ? CLOSERS.get(tag) : undefined
    if (closer && !noCloser.has(tag)) {
      closer.lastIndex = gt + 1
      const m = closer.exec(html)
      if (m) {
        out.push(' ')
        i = m.index + m[0].length
        continue
      }
      noCloser.add(tag)
    }
    out.push(BLOCK.has(tag) ? '\n' : '')
    i = gt + 1
  }
  return out.join('')
}

export function htmlToText(html: string | null | undefined): string {
  if (!html) return ''
  let s = decodeEntities(stripMarkup(html))
  // Entities may themselves have encoded markup (double-escaped feeds): strip once more.
  if (s.includes('<')) s = stripMarkup(s)
  // A soft hyphen (`&shy;`) is only a hint where a word may break: left in, it splits "Ha&shy;mas" for analysis.
  return stripControlChars(s)
    .replace(/\u00ad/g, '')
    .replace(/[ \t\u00a0\u2000-\u200b]+/g, ' ')
    .replace(/ *\n[\s]*/g, '\n')
    .trim()
}
