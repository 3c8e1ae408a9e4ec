// Seeded mutations of real publishers' feeds into hostile ones: flipped and deleted bytes, duplicated ranges,
// lying encodings, truncation, and inserted snippets that have broken feed parsers (entity bombs, script links,
// unclosed markup, bidi overrides, control characters, lone surrogates). Same seed, same feeds.

export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SNIPPETS: (string | ((r: () => number) => string))[] = [
  (r) => '<svg'.repeat(1 + Math.floor(r() * 20000)),
  (r) => '<!--'.repeat(1 + Math.floor(r() * 5000)),
  (r) => '<!DOCTYPE '.repeat(1 + Math.floor(r() * 2000)),
  '<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>',
  '<!DOCTYPE rss SYSTEM "file:///etc/passwd">',
  '<link>javascript:alert(document.cookie)</link>',
  '<link>data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;</link>',
  '<link> JaVaScRiPt:alert(1)</link>',
  '<description><![CDATA[<script>alert(1)</script><a href="javascript:x">x</a>]]></description>',
  '<title>&lt;img src=x onerror=alert(1)&gt;</title>',
  '\u202e\u2066\u202a',
  '&#x202E;&#8238;',
  '\u0001\u0002\u000b\u001f\u007f',
  '&#0;&#x1;&#99999999;&#xD800;',
  (r) => `<item><title>${'Iran and Iraq held talks. '.repeat(1 + Math.floor(r() * 200))}</title></item>`,
  (r) => `<a title="${'x'.repeat(Math.floor(r() * 20000))}`,
  (r) => '<div>'.repeat(Math.floor(r() * 2000)),
  '<published>last Tuesday</published><updated>never</updated>',
  '<?xml-stylesheet type="text/xsl" href="x.xsl"?>',
  '<?xml version="1.0" encoding="utf-16"?>',
  '<?xml version="1.0" encoding="koi8-r"?>',
  '<?xml version="1.0" encoding="no-such-charset"?>',
  '\ufeff',
  ']]>',
  '<![CDATA[',
  '<rss version="0.91">',
  '</channel></rss>',
  '<entry><id></id><link href="vbscript:msgbox(1)"/></entry>',
  (r) => `${'&amp;'.repeat(Math.floor(r() * 5000))}`,
  (r) => `<${'a'.repeat(1 + Math.floor(r() * 3000))}>`,
]

const enc = new TextEncoder()

/** The first items of a long feed with its closing tags, so cases stay small and mostly well-formed. */
export function trimFeed(text: string, maxChars = 48 * 1024): string {
  if (text.length <= maxChars) return text
  const ends = ['</item>', '</entry>']
  let cut = -1
  for (const end of ends) {
    let at = text.indexOf(end)
    while (at >= 0 && at + end.length <= maxChars) {
      cut = Math.max(cut, at + end.length)
      at = text.indexOf(end, at + 1)
    }
  }
  if (cut < 0) return text.slice(0, maxChars)
  const closing = /<feed[\s>]/.test(text) ? '</feed>' : /<rdf:RDF[\s>]/.test(text) ? '</rdf:RDF>' : '</channel></rss>'
  return text.slice(0, cut) + closing
}

/** One hostile variant of `base` (bytes of a real feed). */
export function mutate(base: Uint8Array, r: () => number): Uint8Array {
  let bytes = base
  const n = 1 + Math.floor(r() * 4)
  for (let k = 0; k < n; k++) {
    const at = Math.floor(r() * (bytes.length + 1))
    const kind = Math.floor(r() * 7)
    if (kind === 0) {
      const copy = bytes.slice()
      for (let f = 0; f < 1 + Math.floor(r() * 16); f++) copy[Math.floor(r() * copy.length)] = Math.floor(r() * 256)
      bytes = copy
    } else if (kind === 1) {
      const len = Math.floor(r() * 2000)
      bytes = concat(bytes.subarray(0, at), bytes.subarray(Math.min(bytes.length, at + len)))
    } else if (kind === 2) {
      const len = Math.floor(r() * 4000)
      bytes = concat(bytes.subarray(0, at + len > bytes.length ? bytes.length : at + len), bytes.subarray(at))
    } else if (kind === 3) {
      bytes = bytes.subarray(0, at)
    } else if (kind === 4) {
      // A lone surrogate and other invalid UTF-8.
      bytes = concat(bytes.subarray(0, at), Uint8Array.of(0xed, 0xa0, 0x80, 0xc3, 0xff, 0xfe), bytes.subarray(at))
    } else {
      const s = SNIPPETS[Math.floor(r() * SNIPPETS.length)]!
      bytes = concat(bytes.subarray(0, at), enc.encode(typeof s === 'string' ? s : s(r)), bytes.subarray(at))
    }
  }
  return bytes
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let off = 0
  for (const p of parts) {
    out.set(p, off)
    off += p.length
  }
  return out
}
