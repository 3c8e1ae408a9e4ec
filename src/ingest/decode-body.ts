// Turns fetched bytes into text. Publishers lie about encodings in both directions (a prolog saying
// ISO-8859-1 over UTF-8 bytes, a header saying UTF-8 over Latin-1), so valid multi-byte UTF-8 wins over any
// declaration, a declaration wins over guessing, and undecodable UTF-8 falls back to windows-1252.

export interface DecodedBody {
  text: string
  /** the encoding actually used, as a WHATWG label */
  encoding: string
  /** what the header or prolog claimed, when it was overruled */
  declared: string | null
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })

export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const m = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '')
  return m?.[1]?.toLowerCase() ?? null
}

export function charsetFromXmlDeclaration(bytes: Uint8Array): string | null {
  // The declaration is ASCII in every encoding we accept, so latin1 view of the head is enough.
  const head = String.fromCharCode(...bytes.subarray(0, 200))
  const m = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)
  return m?.[1]?.toLowerCase() ?? null
}

// Node 20's decoder treats windows-1252 as Latin-1 and leaves 0x80–0x9F as C1 controls; map them as the
// WHATWG table does (undefined slots stay as they are and are stripped later as control characters).
const CP1252_C1 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178'

function decodeWith(decoder: TextDecoder, bytes: Uint8Array): string {
  const text = decoder.decode(bytes)
  if (decoder.encoding !== 'windows-1252') return text
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80]!)
}

function decoderFor(label: string | null): TextDecoder | null {
  if (!label) return null
  try {
    return new TextDecoder(label)
  } catch {
    return null
  }
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return true
  return false
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  return null
}

export function decodeBody(bytes: Uint8Array, contentType?: string | null): DecodedBody {
  const bom = bomEncoding(bytes)
  if (bom) return { text: new TextDecoder(bom).decode(bytes), encoding: bom, declared: null }

  const declaredLabel = charsetFromContentType(contentType) ?? charsetFromXmlDeclaration(bytes)
  const declared = decoderFor(declaredLabel)
  const declaredEncoding = declared?.encoding ?? null

  if (!hasNonAscii(bytes)) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', declared: null }

  let utf8: string | null = null
  try {
    utf8 = strictUtf8.decode(bytes)
  } catch {
    utf8 = null
  }
  if (utf8 !== null) {
    return {
      text: utf8,
      encoding: 'utf-8',
      declared: declaredEncoding && declaredEncoding !== 'utf-8' ? declaredLabel : null,
    }
  }
  if (declared && declaredEncoding !== 'utf-8') {
    return { text: decodeWith(declared, bytes), encoding: declaredEncoding!, declared: null }
  }
  return {
    text: decodeWith(new TextDecoder('windows-1252'), bytes),
    encoding: 'windows-1252',
    declared: declaredLabel,
  }
}
