import { describe, expect, it } from 'vitest'
import { evidenceJson, evidenceNote } from '../../src/publish/evidence-json.ts'

const quote = {
  text: 'Syria and Turkey fought a border war in 1998.',
  url: 'https://news.example/a',
  source: 'Desk',
  published: '2024-05-01T10:00:00.000Z',
}

describe('evidence of a shift', () => {
  it('says in its note when a quote is history, so it never reads as today’s news', () => {
    expect(evidenceNote({ ...quote, direction: 'deteriorating', eventType: 'ASSAULT', flags: ['historical'] })).toBe(
      'ASSAULT · deteriorating · historical, not today’s news',
    )
    expect(
      evidenceNote({ ...quote, direction: 'improving', eventType: 'CONSULT', flags: ['hypothetical', 'reported'] }),
    ).toBe('CONSULT · improving · hypothetical · reported')
  })

  it('writes nothing for quotes stored before the engine recorded their type, and null in JSON', () => {
    expect(evidenceNote(quote)).toBe('')
    expect(evidenceJson(quote)).toEqual({
      ...quote,
      direction: null,
      event_type: null,
      flags: [],
      date_inferred: false,
      article_direction: null,
      story: null,
      copies: [],
    })
  })
})
