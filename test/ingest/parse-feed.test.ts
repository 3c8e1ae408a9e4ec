import { describe, expect, it } from 'vitest'
import { htmlToText } from '../../src/ingest/html-to-text.ts'
import { parseFeed, prepareXml } from '../../src/ingest/parse-feed.ts'
import { readOpml } from '../../src/ingest/read-opml.ts'

describe('parseFeed', () => {
  it('keeps an Atom feed whose one entry has an unparseable date', async () => {
    const feed = await parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
      <entry><title>good</title><id>a</id><published>2020-01-02T00:00:00Z</published><summary>one</summary></entry>
      <entry><title>bad</title><id>b</id><published>last Tuesday</published><summary>two</summary></entry></feed>`)
    expect(feed.items.map((i) => [i.title, i.published])).toEqual([
      ['good', '2020-01-02T00:00:00.000Z'],
      ['bad', null],
    ])
  })
  it('refuses entity-expansion payloads and HTML pages with clear messages', () => {
    expect(() => prepareXml('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><rss/>')).toThrow(/entit/)
    expect(() => prepareXml('<!DOCTYPE html><html><body></body></html>')).toThrow(/HTML page/)
  })
  it('resolves relative links against the feed URL and prefers full content to the summary', async () => {
    const feed = await parseFeed(
      `<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>t</title><link>https://news.example/</link>
      <item><title>T</title><link>/a/1</link><description>short</description><content:encoded><![CDATA[<p>Long <b>body</b></p>]]></content:encoded></item></channel></rss>`,
      'https://news.example/feed.xml',
    )
    expect(feed.items[0]).toMatchObject({
      url: 'https://news.example/a/1',
      text: 'T\nLong body',
      guid: 'https://news.example/a/1',
    })
  })
  it('rejects malformed XML', async () => {
    await expect(parseFeed('<rss version="2.0"><channel><title>x</channel>')).rejects.toThrow(/malformed feed/)
  })
})

describe('htmlToText', () => {
  it('drops scripts and tags, decodes entities, keeps paragraphs', () => {
    expect(htmlToText('<p>Iran &amp; Hamas</p><script>x()</script><p>said &#8220;ok&#8221;&nbsp;today</p>')).toBe(
      'Iran & Hamas\nsaid “ok” today',
    )
  })

  it('decodes every named character reference HTML defines, with its case', () => {
    expect(
      htmlToText(
        '&Eacute;tat &eacute;lu, S&atilde;o Paulo, 3&times;4 m, 38&deg;C, &Ccedil;a&ntilde;&oacute;n &Uuml;ber, &euro;5, &frac12;, &alpha;&Omega;, &hearts;',
      ),
    ).toBe('État élu, São Paulo, 3×4 m, 38°C, Çañón Über, €5, ½, αΩ, ♥')
  })

  it('reads the legacy names browsers accept without a semicolon, and leaves what is no reference alone', () => {
    expect(htmlToText('&copy 2018 AT&T &bogus; R&D &amp;c')).toBe('© 2018 AT&T &bogus; R&D &c')
  })

  it('drops soft hyphens, so a hyphenation hint does not split a name', () => {
    expect(htmlToText('Ha&shy;mas and I\u00adran')).toBe('Hamas and Iran')
  })

  it('decodes once: double-escaped markup is stripped, an escaped entity stays text', () => {
    expect(htmlToText('&lt;b&gt;Iran&lt;/b&gt; &amp;lt;tag&amp;gt; &amp;Eacute;')).toBe('Iran &lt;tag&gt; &Eacute;')
  })
})

describe('readOpml', () => {
  it('lists outlines with xmlUrl, decoding entities and skipping duplicates', () => {
    const list = readOpml(
      `<opml version="2.0"><body><outline text="A &amp; B" xmlUrl="https://a.example/feed?x=1&amp;y=2"/><outline text="dup" xmlUrl="https://a.example/feed?x=1&amp;y=2"/><outline text="folder"/></body></opml>`,
    )
    expect(list).toEqual([{ url: 'https://a.example/feed?x=1&y=2', title: 'A & B' }])
  })
  it('rejects non-http URLs', () => {
    expect(() => readOpml('<opml><body><outline xmlUrl="file:///etc/passwd"/></body></opml>')).toThrow(/http/)
  })
})
