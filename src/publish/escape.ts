// Escaping for everything we publish. Source text is untrusted: it is always escaped, never passed through.
import { stripControlChars } from '../ingest/html-to-text.ts'

export function escapeHtml(s: string): string {
  return stripControlChars(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/** `feed` wraps titles and content in CDATA without splitting `]]>`, and puts category labels in attributes unescaped. */
export function cdataSafe(s: string): string {
  return stripControlChars(s).replace(/]]>/g, ']]&gt;')
}

export function attributeSafe(s: string): string {
  return stripControlChars(s).replace(/[<>"]/g, '')
}

/** A JSON.stringify replacer: every string published as JSON loses control and bidi override characters. */
export function publishable(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? stripControlChars(value) : value
}
