import { describe, expect, it } from 'vitest'
import { charsetFromContentType, decodeBody } from '../../src/ingest/decode-body.ts'
import { parseFeed } from '../../src/ingest/parse-feed.ts'

const bytes = (...b: number[]) => new Uint8Array(b)
const ascii = (s: string) => new TextEncoder().encode(s)

/** A feed as bytes in UTF-16 with its byte order mark, whatever the header or declaration says. */
function utf16(text: string, order: 'le' | 'be'): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2)
  out.set(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff])
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    out.set(order === 'le' ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff], 2 + 2 * i)
  }
  return out
}

const FEED =
  '<?xml version="1.0" encoding="UTF-16"?><rss version="2.0"><channel><title>Noticias — Café</title><item><title>Türkiye ve Rusya</title><guid>n1</guid><link>https://n.example/1</link><description>Irán y Arabia Saudí</description></item></channel></rss>'

describe('byte order marks', () => {
  it('reads UTF-16 feeds in either byte order by their BOM, over a header that says otherwise', async () => {
    for (const order of ['le', 'be'] as const) {
      const decoded = decodeBody(utf16(FEED, order), 'application/rss+xml; charset=iso-8859-1')
      expect(decoded.encoding).toBe(`utf-16${order}`)
      expect(decoded.text.replace(/^\uFEFF/, '')).toBe(FEED)
      const feed = await parseFeed(decoded.text, 'https://n.example/feed')
      expect(feed.title).toBe('Noticias — Café')
      expect(feed.items.map((i) => i.title)).toEqual(['Türkiye ve Rusya'])
    }
  })
  it('reads a UTF-8 BOM as UTF-8 although the declaration claims Latin-1, and parses past it', async () => {
    const doc = FEED.replace('UTF-16', 'ISO-8859-1')
    const decoded = decodeBody(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(doc)]), null)
    expect(decoded.encoding).toBe('utf-8')
    expect((await parseFeed(decoded.text, 'https://n.example/feed')).items[0]!.text).toContain('Irán y Arabia Saudí')
  })
})

describe('decodeBody', () => {
  it('uses the Content-Type charset for windows-1256 Arabic', () => {
    const arabic = bytes(0xc7, 0xe1, 0xc3, 0xce, 0xc8, 0xc7, 0xd1) // الأخبار
    expect(decodeBody(arabic, 'text/xml; charset=windows-1256')).toMatchObject({
      text: 'الأخبار',
      encoding: 'windows-1256',
    })
  })
  it('uses the XML declaration when the header has no charset', () => {
    const doc = new Uint8Array([...ascii('<?xml version="1.0" encoding="ISO-8859-1"?><t>'), 0xe9, ...ascii('</t>')])
    expect(decodeBody(doc, 'application/xml').text).toBe('<?xml version="1.0" encoding="ISO-8859-1"?><t>é</t>')
  })
  it('maps windows-1252 bytes 0x80–0x9F to their letters, not C1 controls', () => {
    const doc = new Uint8Array([
      ...ascii('<?xml version="1.0" encoding="windows-1252"?><t>'),
      0x80,
      0x93,
      0x94,
      ...ascii('</t>'),
    ])
    expect(decodeBody(doc).text).toContain('<t>€“”</t>')
  })
  it('prefers valid UTF-8 over a prolog that claims Latin-1', () => {
    const doc = ascii('<?xml version="1.0" encoding="ISO-8859-1"?><t>테스트 Café</t>')
    expect(decodeBody(doc)).toMatchObject({
      text: '<?xml version="1.0" encoding="ISO-8859-1"?><t>테스트 Café</t>',
      encoding: 'utf-8',
      declared: 'iso-8859-1',
    })
  })
  it('falls back to windows-1252 when a UTF-8 claim is false', () => {
    const doc = new Uint8Array([...ascii('<?xml version="1.0" encoding="utf-8"?><t>Ana'), 0xef, ...ascii('s</t>')])
    expect(decodeBody(doc).text).toContain('Anaïs')
  })
  it('reads charset parameters in any case and quoting', () => {
    expect(charsetFromContentType('text/xml; Charset="KOI8-R"')).toBe('koi8-r')
    expect(charsetFromContentType('text/xml')).toBeNull()
  })
})
