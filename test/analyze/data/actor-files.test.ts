// The gazetteer's data files: valid against their schemas, written in canonical form, and consistent with each
// other (unique ids, parents and governed states that exist, office holders of known actors with sane dates).
import { describe, expect, it } from 'vitest'
import { nonActorNames, officeHolders, organizations, stateOrgans, states } from '../../../src/analyze/data/actors.ts'
import { isCanonical, readData, schemaErrors, schemaErrorsOf } from './data-files.ts'

const FILES = ['states.json', 'organizations.json', 'state-organs.json', 'office-holders.json', 'non-actors.json'].map((f) => `actors/${f}`)
const actors = [...states, ...organizations, ...stateOrgans]
const ids = new Set(actors.map((a) => a.id))

describe('actor data files', () => {
  it.each(FILES)('%s validates against its schema', (f) => {
    expect(schemaErrors(f)).toEqual([])
  })

  it('refuses an entry of an unknown kind or with a malformed date', () => {
    const { json } = readData('actors/states.json')
    const broken = structuredClone(json)
    broken.sections[0]!.entries.push({ id: 'atlantis', name: 'Atlantis', kind: 'island', aliases: [{ text: 'the Atlantean regime', from: '2020-13-01' }] })
    const errors = schemaErrorsOf(broken)
    expect(errors.some((e) => e.includes('/kind'))).toBe(true)
    expect(errors.some((e) => e.includes('/from'))).toBe(true)
  })

  it.each(FILES)('%s is written in canonical form (npm run data:format)', (f) => {
    expect(isCanonical(f)).toBe(true)
  })

  it.each(FILES)('%s names a known source in every section', (f) => {
    const { json } = readData(f)
    for (const s of json.sections) if (s.source) expect(Object.keys(json.sources), s.section).toContain(s.source)
  })

  it('gives every actor a unique id, and every parent and governed state exists', () => {
    expect(ids.size).toBe(actors.length)
    for (const a of actors) {
      if (a.parent) expect(ids, `${a.id} parent`).toContain(a.parent)
      for (const g of a.governs ?? []) expect(ids, `${a.id} governs`).toContain(g.state)
    }
  })

  it('keeps one actor per alias (no alias listed twice for the same actor)', () => {
    for (const a of actors) {
      const forms = a.aliases.map((x) => (typeof x === 'string' ? x : `${x.text}@${x.from ?? ''}`))
      expect(new Set(forms).size, a.id).toBe(forms.length)
    }
  })

  it('lists office holders of known actors only, with from before to', () => {
    for (const h of officeHolders) {
      expect(ids, h.name).toContain(h.actor)
      if (h.to) expect(h.from <= h.to, `${h.name} ${h.from}..${h.to}`).toBe(true)
    }
  })

  it('lists non-actor names once each', () => {
    expect(new Set(nonActorNames).size).toBe(nonActorNames.length)
  })
})
