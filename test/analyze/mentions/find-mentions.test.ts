import { describe, expect, it } from 'vitest'
import { getEngine } from '../../../src/analyze/engine.ts'
import { newDocState } from '../../../src/analyze/mentions/find-mentions.ts'
import { analyzeSentence } from '../../../src/analyze/signals/sentence-signals.ts'
import { mentions, roleOf } from '../analyze-helpers.ts'

describe('mention roles: places are not parties', () => {
  it('makes a country or capital after "in" a place', () => {
    expect(roleOf('The talks were held in Doha.', 'Doha')).toBe('place')
    expect(roleOf('Iran and Saudi Arabia signed a deal in Beijing.', 'Beijing')).toBe('place')
  })

  it('makes a capital before a venue noun a place ("the Hanoi summit")', () => {
    expect(roleOf('The Hanoi summit collapsed.', 'Hanoi')).toBe('place')
  })

  it('keeps a target after "at" a party when something was fired at it', () => {
    expect(roleOf('Hamas fired rockets at Israel.', 'Israel')).toBe('party')
    expect(roleOf('The leaders met at the UN.', 'UN')).toBe('place')
  })

  it('keeps a group after "strike at" a target, but a capital before "airport" a place', () => {
    expect(roleOf('Israel kills 5 in strike at Hamas activist.', 'Hamas')).toBe('party')
    expect(roleOf('A U.S. drone strike at Baghdad airport killed Soleimani.', 'Baghdad')).toBe('place')
  })

  it('makes "southern Lebanon" a place but "rockets at northern Israel" a target', () => {
    expect(roleOf('Israel struck southern Lebanon.', 'Lebanon')).toBe('place')
    expect(roleOf('Hezbollah fired rockets at northern Israel.', 'Israel')).toBe('party')
  })

  it('makes a capital after a government noun and "in" a party ("the government in Tripoli")', () => {
    expect(roleOf('Turkey backs the government in Tripoli.', 'Tripoli')).toBe('party')
  })

  it('makes a state after "war in" a place unless someone wages the war', () => {
    expect(roleOf('The war in Yemen began in 2014.', 'Yemen')).toBe('place')
    expect(roleOf("Russia's war in Ukraine continued.", 'Ukraine')).toBe('party')
  })
})

describe('mention roles: demonyms and possessives', () => {
  it('makes a demonym before an acting noun a party, before a topic a place', () => {
    expect(roleOf('Iranian officials said.', 'Iranian')).toBe('party')
    expect(roleOf('The Syrian conflict dragged on.', 'Syrian')).toBe('place')
    expect(roleOf('Iranian nuclear sites were hit.', 'Iranian')).toBe('party')
  })

  it('makes the country a modifier of a company named after it ("Israel\'s Teva Pharmaceutical Industries", "U.S. rival Ivax Corp")', () => {
    expect(roleOf("Israel's Teva Pharmaceutical Industries agreed to buy a rival.", 'Israel')).toBe('modifier')
    expect(roleOf('Teva agreed to buy U.S. rival Ivax Corp for $7.4 billion.', 'U.S.')).toBe('modifier')
    expect(roleOf("Serbia's Vucic met Putin.", 'Serbia')).toBe('party')
  })

  it('makes the state a modifier where a group belongs to it ("Yemen\'s Houthi rebels")', () => {
    expect(roleOf("Yemen's Houthi rebels attacked.", 'Yemen')).toBe('modifier')
    expect(roleOf('The Palestinian Hamas movement said.', 'Palestinian')).toBe('modifier')
  })

  it('keeps the possessor a party when the next name only qualifies its noun ("Sweden\'s NATO membership")', () => {
    expect(roleOf("Turkey approved Sweden's NATO membership.", 'Sweden')).toBe('party')
  })

  it('reads a news agency after a possessive as a source and an unknown leader as the state', () => {
    expect(roleOf("According to Iran's Fars news agency, talks resumed.", 'Iran')).toBe('modifier')
    expect(mentions("Serbia's Stanković met Putin.")).toContain("Serbia's Stanković→serbia:party")
  })

  it('makes the owner of a flagged ship a party', () => {
    expect(roleOf('Iran seized the British-flagged tanker.', 'British')).toBe('party')
  })
})

describe('mention roles: mediators', () => {
  it('marks actors after "brokered by" and whoever is coordinated with them', () => {
    expect(mentions('A truce brokered by the United States and France took effect.')).toEqual(['United States→united-states:mediator', 'France→france:mediator'])
  })

  it('marks "X-brokered" and "X-led" before a meeting noun, and "Omani mediators"', () => {
    expect(roleOf('They reached an EU-brokered agreement.', 'EU')).toBe('mediator')
    expect(roleOf('They met after African Union-led talks.', 'African Union')).toBe('mediator')
    expect(roleOf('A delegation arrived with Omani mediators.', 'Omani')).toBe('mediator')
  })

  it('sees through a title or an office to the go-between ("hosted by the emir of Qatar")', () => {
    expect(roleOf('Talks were hosted by the emir of Qatar.', 'Qatar')).toBe('mediator')
    expect(roleOf('A ceremony hosted by Secretary of State Marco Rubio.', 'Marco Rubio', '2025-06-27')).toBe('mediator')
  })
})

describe('coreference and shared names', () => {
  it('resolves "the militant group" and "the kingdom" to the latest fitting actor', () => {
    const doc = newDocState()
    const e = getEngine()
    analyzeSentence('Hamas and Saudi Arabia were named.', 0, '2024-01-01', e, doc)
    const ms = analyzeSentence('The militant group praised the kingdom.', 1, '2024-01-01', e, doc).mentions
    expect(ms.map((m) => `${m.text}→${m.rollup}`)).toEqual(['The militant group→hamas', 'the kingdom→saudi-arabia'])
  })

  it('drops a former office holder', () => {
    expect(mentions('Former President Donald Trump spoke.', '2022-01-01')).toEqual([])
  })

  it('reads "Brussels" as Belgium in a sentence about Belgium', () => {
    expect(mentions('Rwanda cut ties with Belgium, accusing Brussels of bias.')).toContain('Brussels→belgium:party')
    expect(mentions('Brussels imposed sanctions.')).toContain('Brussels→eu:party')
  })
})
