// Feed descriptions carry publisher HTML; analysis and our own feeds only ever see plain text.

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', bull: '•', middot: '·',
  eacute: 'é', egrave: 'è', aacute: 'á', agrave: 'à', oacute: 'ó', uacute: 'ú', iacute: 'í', ntilde: 'ñ',
  ccedil: 'ç', uuml: 'ü', ouml: 'ö', auml: 'ä', szlig: 'ß', euro: '€', pound: '£', copy: '©', reg: '®',
  shy: '', zwnj: '', zwj: '', lrm: '', rlm: '',
}

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10)
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return ''
      return String.fromCodePoint(code)
    }
    const named = NAMED[body.toLowerCase()]
    return named ?? whole
  })
}

const BLOCK = /<\/?(p|div|br|li|ul|ol|h[1-6]|blockquote|tr|td|th|table|section|article|header|footer|figure|figcaption|hr|pre)\b[^>]*>/gi

/** Strips control characters that XML 1.0 forbids and that break feed readers. */
export function stripControlChars(s: string): string {
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g, '').replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
}

export function htmlToText(html: string | null | undefined): string {
  if (!html) return ''
  let s = html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style|noscript|iframe|svg|template)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(BLOCK, '\n')
    .replace(/<[^>]*>/g, '')
  s = decodeEntities(s)
  // Entities may themselves have encoded markup (double-escaped feeds): strip once more.
  if (/<[a-z/][^>]*>/i.test(s)) s = s.replace(/<[a-z/][^>]*>/gi, '')
  return stripControlChars(s)
    .replace(/[ \t\u00a0\u2000-\u200b]+/g, ' ')
    .replace(/ *\n[\s]*/g, '\n')
    .trim()
}
