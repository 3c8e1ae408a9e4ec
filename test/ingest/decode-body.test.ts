import { describe, expect, it } from 'vitest'
import { charsetFromContentType, decodeBody } from '../../src/ingest/decode-body.ts'

const bytes = (...b: number[]) => new Uint8Array(b)
const ascii = (s: string) => new TextEncoder().encode(s)

describe('decodeBody', () => {
  it('uses the Content-Type charset for windows-1256 Arabic', () => {
    const arabic = bytes(0xc7, 0xe1, 0xc3, 0xce, 0xc8, 0xc7, 0xd1) // الأخبار
    expect(decodeBody(arabic, 'text/xml; charset=windows-1256')).toMatchObject({ text: 'الأخبار', encoding: 'windows-1256' })
  })
  it('uses the XML declaration when the header has no charset', () => {
    const doc = new Uint8Array([...ascii('<?xml version="1.0" encoding="ISO-8859-1"?><t>'), 0xe9, ...ascii('</t>')])
    expect(decodeBody(doc, 'application/xml').text).toBe('<?xml version="1.0" encoding="ISO-8859-1"?><t>é</t>')
  })
  it('maps windows-1252 bytes 0x80–0x9F to their letters, not C1 controls', () => {
    const doc = new Uint8Array([...ascii('<?xml version="1.0" encoding="windows-1252"?><t>'), 0x80, 0x93, 0x94, ...ascii('</t>')])
    expect(decodeBody(doc).text).toContain('<t>€“”</t>')
  })
  it('prefers valid UTF-8 over a prolog that claims Latin-1', () => {
    const doc = ascii('<?xml version="1.0" encoding="ISO-8859-1"?><t>테스트 Café</t>')
    expect(decodeBody(doc)).toMatchObject({ text: '<?xml version="1.0" encoding="ISO-8859-1"?><t>테스트 Café</t>', encoding: 'utf-8', declared: 'iso-8859-1' })
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
