import { describe, expect, it } from 'vitest'
import { getEngine } from '../../../src/analyze/engine.ts'
import { newDocState } from '../../../src/analyze/mentions/find-mentions.ts'
import { analyzeSentence } from '../../../src/analyze/signals/sentence-signals.ts'
import { mentions, roleOf, roleTable } from '../analyze-helpers.ts'

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

  roleTable('keeps a group after "strike at" a target, but a capital before "airport" a place', [
    [
      'Israel killed three men in a strike at Islamic Jihad commanders in Gaza.',
      'Islamic Jihad',
      '2023-05-09',
      'party',
    ],
    ['A U.S. drone strike at al-Shabaab fighters killed 12 near Mogadishu.', 'al-Shabaab', '2024-03-01', 'party'],
    ['Pakistan carried out a strike at TTP hideouts across the border.', 'TTP', '2024-03-18', 'party'],
    ['An Israeli strike at Damascus airport put the runway out of service.', 'Damascus', '2024-04-01', 'place'],
    ['A drone attack at Khartoum airport destroyed a cargo plane.', 'Khartoum', '2023-04-20', 'place'],
    ['Rocket fire at Kabul airport killed two guards.', 'Kabul', '2021-08-30', 'place'],
    ['An Israeli strike at Sanaa airport destroyed three airliners.', 'Sanaa', '2025-05-06', 'place'],
  ])

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

  roleTable(
    'makes the country a modifier of a company named after it ("Israel\'s Teva Pharmaceutical Industries", "U.S. rival Ivax Corp")',
    [
      ["Japan's Toyota Motor Corp agreed to buy a rival.", 'Japan', '2016-01-01', 'modifier'],
      ["Germany's Siemens AG won a contract to build trains for Egypt.", 'Germany', '2024-01-01', 'modifier'],
      ["India's Reliance Industries agreed to buy a stake in a rival.", 'India', '2023-01-01', 'modifier'],
      ["South Korea's Hyundai Motors unveiled a plant.", 'South Korea', '2022-01-01', 'modifier'],
      ['Teva agreed to buy U.S. rival Ivax Corp for $7.4 billion.', 'U.S.', '2024-05-01', 'modifier'],
      ["Serbia's Vucic met Putin.", 'Serbia', '2024-05-01', 'party'],
    ],
  )

  it('makes the state a modifier where a group belongs to it ("Yemen\'s Houthi rebels")', () => {
    expect(roleOf("Yemen's Houthi rebels attacked.", 'Yemen')).toBe('modifier')
    expect(roleOf('The Palestinian Hamas movement said.', 'Palestinian')).toBe('modifier')
  })

  it('keeps the possessor a party when the next name only qualifies its noun ("Sweden\'s NATO membership")', () => {
    expect(roleOf("Turkey approved Sweden's NATO membership.", 'Sweden')).toBe('party')
  })

  roleTable('reads a news agency after a possessive as a source', [
    ["Russia's TASS news agency said talks would resume next week.", 'Russia', '2024-05-01', 'modifier'],
    ["North Korea's KCNA reported the launch on Thursday.", 'North Korea', '2024-05-01', 'modifier'],
    ["Talks resumed in Ankara, Turkey's Anadolu agency reported.", 'Turkey', '2024-05-01', 'modifier'],
    ["According to China's Xinhua news agency, the talks ended.", 'China', '2024-05-01', 'modifier'],
  ])

  it('reads an unknown leader after a possessive as the state', () => {
    expect(mentions("Serbia's Stanković met Putin.")).toContain("Serbia's Stanković→serbia:party")
  })

  it('makes the owner of a flagged ship a party', () => {
    expect(roleOf('Iran seized the British-flagged tanker.', 'British')).toBe('party')
  })
})

describe('mention roles: mediators', () => {
  it.each<[text: string, expected: string[]]>([
    [
      'A ceasefire mediated by Qatar and Egypt came into force on Friday.',
      ['Qatar→qatar:mediator', 'Egypt→egypt:mediator'],
    ],
    [
      'The prisoner swap, facilitated by the UAE and Saudi Arabia, went ahead.',
      ['UAE→united-arab-emirates:mediator', 'Saudi Arabia→saudi-arabia:mediator'],
    ],
    [
      'Talks hosted by Turkey and the United Nations resumed in Istanbul.',
      ['Turkey→turkey:mediator', 'United Nations→un:mediator'],
    ],
    [
      'A deal sponsored by Oman, Qatar and Switzerland was signed.',
      ['Oman→oman:mediator', 'Qatar→qatar:mediator', 'Switzerland→switzerland:mediator'],
    ],
  ])('marks actors after "brokered by" and whoever is coordinated with them: %s', (text, expected) => {
    expect(mentions(text)).toEqual(expected)
  })

  it('marks "X-brokered" and "X-led" before a meeting noun, and "Omani mediators"', () => {
    expect(roleOf('They reached an EU-brokered agreement.', 'EU')).toBe('mediator')
    expect(roleOf('They met after African Union-led talks.', 'African Union')).toBe('mediator')
    expect(roleOf('A delegation arrived with Omani mediators.', 'Omani')).toBe('mediator')
  })

  roleTable('sees through a title or an office to the go-between ("hosted by the emir of Qatar")', [
    ['Talks were hosted by the emir of Qatar.', 'Qatar', '2024-05-01', 'mediator'],
    ['The deal was brokered by Foreign Minister Wang Yi.', 'Wang Yi', '2024-05-01', 'mediator'],
    [
      'A summit hosted by President Cyril Ramaphosa opened in Johannesburg.',
      'Cyril Ramaphosa',
      '2023-08-22',
      'mediator',
    ],
    ['Talks mediated by Foreign Minister Hakan Fidan resumed in Istanbul.', 'Hakan Fidan', '2025-05-16', 'mediator'],
  ])
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

describe('definite descriptions', () => {
  // an actor whose own act leads straight to "the country's" would be "its": the country is another
  it.each([
    [
      "Lebanon's prime minister appealed for calm after Israel bombed the country's airports.",
      '2006-07-14',
      'the country→lebanon:party',
    ],
    [
      "Georgia's president appealed for help after Russia shelled the country's ports.",
      '2008-08-14',
      'the country→georgia:party',
    ],
    ["Russia invaded Ukraine, and the country's army fought back.", '2022-02-26', 'the country→ukraine:party'],
  ])('resolves "the country" in %s', (text, date, expected) => {
    expect(mentions(text, date)).toContain(expected)
  })
})
