// Mechanisms for long wire-copy sentences: titled leaders the gazetteer does not know, actor-prefixed compounds,
// go-betweens named in a hyphenated compound, seats of power as places, and phrases that hang off the event.
import { describe, expect, it } from 'vitest'
import { DATE, mentions, pairTable, pairs, roleOf, signals } from './analyze-helpers.ts'

describe('titled leaders the gazetteer does not know', () => {
  it('coordinates two titled officials named after their demonyms', () => {
    expect(
      pairs(
        'Chilean Foreign Minister Tomasa Rivelli and Peruvian Defence Minister Anselmo Quiroga signed a border declaration in Lima on Monday.',
      ),
    ).toEqual({ 'chile--peru': 'improving' })
  })

  it("coordinates a group named after its leader's possessive", () => {
    expect(
      pairs(
        "Sudan's army and Marco Delvane's Rapid Support Forces agreed to a humanitarian truce in Jeddah on Saturday.",
        '2023-05-20',
      ),
    ).toEqual({ 'rsf--sudan': 'improving' })
  })
})

describe('actor-prefixed compounds', () => {
  it('reads "a Qatari-mediated agreement" as an agreement, with Qatar as the go-between', () => {
    expect(pairs('Ethiopia and Kenya signed a Qatari-mediated water agreement on Tuesday.')).toEqual({
      'ethiopia--kenya': 'improving',
    })
  })

  it('makes whoever brokered a deal a mediator even with a modifier before the noun', () => {
    expect(roleOf('Armenia and Georgia signed an EU-brokered transit agreement.', 'EU')).toBe('mediator')
  })
})

describe('membership and designation', () => {
  it('reads rejoining a bloc as improving', () => {
    expect(pairs('Gabon rejoins the Commonwealth after years outside')).toEqual({ 'commonwealth--gabon': 'improving' })
  })

  it('reads designating a state as an ally as improving, not as a sanction', () => {
    expect(pairs('Japan said it would designate Vietnam as a key security partner in the region.')).toEqual({
      'japan--vietnam': 'improving',
    })
  })
})

describe('places and the phrases around the event', () => {
  it('treats a seat of power after "in" as where talks were held', () => {
    expect(roleOf('Kosovo and Serbia resumed talks in Brussels on Friday.', 'Brussels', '2023-03-18')).toBe('place')
  })

  it('drops a capital that ends a longer place name ("da Praia")', () => {
    expect(roleOf('Troops from Rwanda retook the town of Mocimboa da Praia.', 'Praia')).toBeUndefined()
  })

  it('does not take the one who announced the move as the object of the act', () => {
    expect(
      pairs("Egypt reopened its border crossing to Libya in a move announced by Algeria's foreign minister."),
    ).toEqual({ 'egypt--libya': 'improving' })
  })

  // Without the second verb ("after Moscow recognised them") the pronoun would make the talkers the recognised.
  pairTable('does not take a pronoun after a second verb as the object of the first', [
    [
      'Rebels in the Donbas proclaimed two republics. Canada and Japan held talks after Moscow recognised and armed them.',
      '2022-02-22',
      { 'canada--japan': 'improving' },
    ],
    [
      'Two provinces broke away in the 1990s. Britain and Poland met after Russia recognised and garrisoned them.',
      '2008-08-26',
      { 'poland--united-kingdom': 'improving' },
    ],
    [
      'Serb hardliners declared self-rule in two northern districts. Albania and Kosovo held talks after Belgrade recognised and funded them.',
      '2011-07-25',
      { 'albania--kosovo': 'improving' },
    ],
  ])
})

describe('a relative clause that interrupts subject and verb', () => {
  // The relative clause's own actors (Somalia, Togo, Chile) take no part in the main clause's relation.
  pairTable('gives the verb after ", which …," the subject before it', [
    [
      'Djibouti, which hosts several foreign bases, severed diplomatic ties with Eritrea on Monday.',
      DATE,
      { 'djibouti--eritrea': 'deteriorating' },
    ],
    [
      'Kenya, which borders Somalia, agreed a trade deal with Ethiopia on Tuesday.',
      DATE,
      { 'ethiopia--kenya': 'improving' },
    ],
    [
      'Ghana, which borders Togo, signed a security pact with Burkina Faso.',
      DATE,
      { 'burkina-faso--ghana': 'improving' },
    ],
    [
      'Peru, which has long disputed its maritime border with Chile, restored full diplomatic ties with Bolivia.',
      DATE,
      { 'bolivia--peru': 'improving' },
    ],
    [
      'Norway, whose navy patrols the Barents Sea, has agreed a fisheries accord with Iceland.',
      DATE,
      { 'iceland--norway': 'improving' },
    ],
    [
      'The Chadian government, which faces rebels in the east, struck a defence pact with France on Friday.',
      DATE,
      { 'chad--france': 'improving' },
    ],
    [
      'The Chadian president, who took office last year, expelled the Sudanese ambassador on Sunday.',
      DATE,
      { 'chad--sudan': 'deteriorating' },
    ],
  ])
})

describe('quotations carrying the relation', () => {
  it('takes "we" in an opening quotation as the speaker named after it', () => {
    expect(
      pairs(
        '"We have decided to recall our ambassador from Caracas," Argentina\'s foreign ministry said in a statement.',
      ),
    ).toEqual({ 'argentina--venezuela': 'deteriorating' })
  })

  it('takes the speaker in the "said X" order too', () => {
    expect(
      pairs('"We are ready to reopen our embassy in Damascus," said the Tunisian foreign minister.'),
    ).toHaveProperty('syria--tunisia')
  })
})

describe('accusations that are dismissed', () => {
  it('keeps the accusation itself and takes the accused after "that" as its object', () => {
    expect(
      pairs("Tehran on Monday dismissed as 'baseless' British accusations that Iran was behind the cyberattack."),
    ).toEqual({ 'iran--united-kingdom': 'deteriorating' })
  })
})

describe('person names', () => {
  it('does not read a first name as a known surname ("spokesman Abbas Mousavi")', () => {
    expect(
      mentions('Foreign ministry spokesman Abbas Kadiri said talks would go on.', '2019-09-15').some((m) =>
        m.startsWith('Abbas'),
      ),
    ).toBe(false)
  })
})

describe('absolute and contrasted predicates', () => {
  it('takes the actor after a clause-opening "with" as the subject of the participle', () => {
    const s = signals(
      'Armenia and Azerbaijan met in Geneva on Monday, with Baku accusing Yerevan of stalling the border deal.',
    )
    expect(s.find((x) => x.cues.includes('accuse.accuse'))).toMatchObject({
      pair: 'armenia--azerbaijan',
      direction: 'deteriorating',
    })
  })

  it('keeps what was agreed apart from the stall named after "but"', () => {
    const s = signals(
      'Sudanese and South Sudanese officials agreed to reopen the border but failing to settle the oil dispute, making no progress on Abyei.',
      '2024-05-01',
    )
    expect(s.some((x) => x.pair === 'south-sudan--sudan' && x.direction === 'improving')).toBe(true)
  })
})

describe('definite references to a breakaway territory', () => {
  pairTable('resolves "the breakaway territory" to the one named before', [
    [
      'Somaliland voted for a new president on Wednesday, and Somalia vowed never to recognise the breakaway republic.',
      '2024-11-13',
      { 'somalia--somaliland': 'frozen' },
    ],
    [
      'Abkhazia held a parliamentary vote on Saturday, and Georgia said it would not recognise the breakaway region.',
      '2022-03-12',
      { 'abkhazia--georgia': 'frozen' },
    ],
    [
      'Northern Cyprus opened a new airport terminal, and Nicosia insisted it would not recognise the breakaway state.',
      '2023-07-01',
      { 'cyprus--northern-cyprus': 'frozen' },
    ],
    [
      'Transnistria marked its independence day with a parade, and Moldova again refused to recognise the separatist region.',
      '2016-09-02',
      { 'moldova--transnistria': 'frozen' },
    ],
  ])
})

describe('claims of responsibility in a relative clause', () => {
  it('makes whoever claimed an attack its agent against the target', () => {
    expect(
      pairs(
        'Officials in Baghdad blamed Iran for the rocket attacks on a Turkish base, which were claimed by al-Shabaab.',
        '2022-06-01',
      ),
    ).toHaveProperty('al-shabaab--turkey', 'deteriorating')
  })
})

describe('leaders paired with "his counterpart"', () => {
  pairTable('coordinates "X and his Y counterpart"', [
    [
      'Kenyan Foreign Minister Amara Lutwe and her Ugandan counterpart Joseph Okello signed a trade protocol on Friday.',
      '2024-05-01',
      { 'kenya--uganda': 'improving' },
    ],
    [
      "Spain's foreign minister and his Moroccan counterpart agreed to reopen the border crossings at Ceuta and Melilla.",
      '2022-04-07',
      { 'morocco--spain': 'improving' },
    ],
    [
      "Egypt's Sisi and his Turkish counterpart Erdogan agreed to upgrade diplomatic ties to ambassador level.",
      '2023-05-29',
      { 'egypt--turkey': 'improving' },
    ],
    [
      'The Thai defence minister and his Cambodian counterpart agreed to pull troops back from the disputed border.',
      '2025-08-07',
      { 'cambodia--thailand': 'improving' },
    ],
  ])
})

describe('a go-between phrase set off by commas', () => {
  it('lets "talks between A and B, hosted by C, collapsed" reach the stall', () => {
    expect(pairs('Talks between Egypt and Ethiopia, hosted by Sudan, broke down over the dam on Monday.')).toEqual({
      'egypt--ethiopia': 'frozen',
    })
  })
})
