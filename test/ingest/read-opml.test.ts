// OPML read as XML: only real <outline> elements are sources, whatever comments, CDATA or sloppy markup surround them.
import { describe, expect, it } from 'vitest'
import { readOpml, readOutlines } from '../../src/ingest/read-opml.ts'

const opml = (body: string, head = '<?xml version="1.0" encoding="utf-8"?>') =>
  `${head}<opml version="2.0"><head><title>t</title></head><body>${body}</body></opml>`

describe('readOpml', () => {
  it('skips an outline that is commented out, on one line or across several', () => {
    const list = readOpml(
      opml(`<!-- <outline text="Old" xmlUrl="https://old.example/rss"/> -->
<outline text="Live" xmlUrl="https://live.example/rss"/>
<!--
  <outline text="Paused" type="rss" xmlUrl="https://paused.example/rss"/>
  <outline text="Also paused" xmlUrl="https://paused2.example/rss"/>
-->`),
    )
    expect(list).toEqual([{ url: 'https://live.example/rss', title: 'Live' }])
  })

  it('skips outlines written inside CDATA or a processing instruction, and reads nested folders', () => {
    const list = readOpml(
      opml(`<outline text="Folder"><outline text="In folder" xmlUrl="https://a.example/rss" htmlUrl="https://a.example/"/></outline>
<outline text="cdata"><![CDATA[<outline text="x" xmlUrl="https://cdata.example/rss"/>]]></outline>
<?note <outline xmlUrl="https://pi.example/rss"/> ?>`),
    )
    expect(list).toEqual([{ url: 'https://a.example/rss', title: 'In folder', siteUrl: 'https://a.example/' }])
  })

  it('tolerates what hand-written lists carry: a bare & in a URL, HTML entities, upper-case names, single quotes', () => {
    const list = readOpml(
      opml(
        `<OUTLINE TEXT='Caf&eacute; &amp; Co' XMLURL='https://a.example/feed?x=1&y=2'/><outline title="T&iacute;tulo" text="ignored" xmlUrl="https://b.example/"/>`,
      ),
    )
    expect(list).toEqual([
      { url: 'https://a.example/feed?x=1&y=2', title: 'Café & Co' },
      { url: 'https://b.example/', title: 'Título' },
    ])
  })

  it('does not expand entities a DTD declares', () => {
    const text =
      '<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><opml><body><outline text="&b;" xmlUrl="https://b.example/"/></body></opml>'
    expect(readOpml(text)).toEqual([{ url: 'https://b.example/', title: '&b;' }])
  })

  it('refuses a truncated list and a document that is not OPML, saying which', () => {
    expect(() => readOpml('<opml><body><outline xmlUrl="https://a.example/"/>')).toThrow(/^malformed OPML: /)
    expect(() => readOpml('<html><body><outline xmlUrl="https://a.example/"/></body></html>')).toThrow(
      /not an OPML document/,
    )
  })

  it('keeps the outlines as written for the import of file paths', () => {
    expect(
      readOutlines(opml('<outline text="Seed" xmlUrl="seed-rss.xml"/><outline xmlUrl="  /abs/path.xml "/>')),
    ).toEqual([
      { xmlUrl: 'seed-rss.xml', htmlUrl: null, title: 'Seed' },
      { xmlUrl: '/abs/path.xml', htmlUrl: null, title: '' },
    ])
  })
})
