// Each evidence quote says what the engine read in it — event type, direction, mode — in the JSON Feed extension,
// the pair API and beside the quote on the pair page, after a real poll of the fixture feeds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EVENT_TYPES } from '../../src/types.ts'
import { populatedApp } from './populated-app.ts'

let t: Awaited<ReturnType<typeof populatedApp>>
beforeAll(async () => {
  t = await populatedApp()
})
afterAll(() => t.close())

interface EvidenceJson {
  text: string
  direction: string | null
  event_type: string | null
  flags: string[]
}

describe('evidence fields', () => {
  it('gives every quote of the JSON feed its event type, direction and flags', async () => {
    const feed = (await (await t.get('/feeds/pairs/hamas--syria.json')).json()) as {
      items: { _entente: { evidence: EvidenceJson[] } }[]
    }
    const evidence = feed.items.flatMap((i) => i._entente.evidence)
    expect(evidence.length).toBeGreaterThan(0)
    for (const e of evidence) {
      expect(EVENT_TYPES, e.text).toContain(e.event_type)
      expect(['improving', 'deteriorating', 'frozen', 'stable']).toContain(e.direction)
      expect(Array.isArray(e.flags)).toBe(true)
    }
    // "The Hamas leadership's decision not to support the embattled Assad regime": support not given
    expect(evidence).toContainEqual(
      expect.objectContaining({ direction: 'frozen', event_type: 'SUPPORT', flags: ['negated'] }),
    )
    // "has yet to consider resuming diplomatic ties with the Bashar al-Assad regime": the resumption is what is put
    // off, a refusal, not an act of its own (the engine reads it so since 'an improvement named inside a suspension
    // or refusal is what is suspended')
    expect(evidence).toContainEqual(
      expect.objectContaining({
        direction: 'frozen',
        event_type: 'REJECT',
        flags: [],
        text: expect.stringMatching(/has yet to consider resuming/),
      }),
    )
  })

  it('gives the same fields in the pair API', async () => {
    const one = (await (await t.get('/api/pairs/hamas--iran')).json()) as { shifts: { evidence: EvidenceJson[] }[] }
    const evidence = one.shifts.flatMap((s) => s.evidence)
    expect(evidence.length).toBeGreaterThan(0)
    expect(evidence.every((e) => EVENT_TYPES.includes(e.event_type as (typeof EVENT_TYPES)[number]))).toBe(true)
    expect(evidence.some((e) => e.direction === 'improving')).toBe(true)
  })

  it('prints the event type, direction and mode beside each quote on the pair page', async () => {
    const page = await (await t.get('/pairs/hamas--iran')).text()
    expect(page).toMatch(/<span class="note">(COOPERATE|AGREE|CONSULT|SUPPORT) · improving/)
    const frozen = await (await t.get('/pairs/hamas--syria')).text()
    expect(frozen).toContain('<span class="note">SUPPORT · frozen · negated</span>')
    expect(frozen).toContain('<span class="note">REJECT · frozen</span>')
  })

  it('documents the fields at /docs/json-feed-extension', async () => {
    const doc = await (await t.get('/docs/json-feed-extension')).text()
    for (const field of ['event_type', 'direction', 'flags', 'ASSAULT', 'historical']) expect(doc).toContain(field)
  })
})
