// Measures, seizures, build-ups and threats whose target is named only through what it owns or where it stands.
import { describe } from 'vitest'
import { pairTable } from '../analyze-helpers.ts'

describe('measures and threats', () => {
  pairTable("reads seizing a country's drone, boat or balloon as coercion of it", [
    [
      'An Iranian patrol boat seized a British survey drone in the Gulf.',
      '2021-01-12',
      { 'iran--united-kingdom': 'deteriorating' },
    ],
  ])

  pairTable('reads hitting or striking what a country owns (an airbase, a refinery, a tanker) as an attack on it', [
    ['Ukraine strikes Russian refinery with drones.', '2024-03-01', { 'russia--ukraine': 'deteriorating' }],
    ['Israeli jets hit a Syrian airbase near Homs.', '2024-03-01', { 'israel--syria': 'deteriorating' }],
    [
      'Houthi missiles hit a British tanker in the Gulf of Aden.',
      '2024-03-01',
      { 'houthis--united-kingdom': 'deteriorating' },
    ],
  ])

  pairTable('reads a legal case, an exchange of fire and an embassy moved to a capital', [
    [
      'Ukraine lodged a complaint against Russia at the World Court.',
      '2022-02-27',
      { 'russia--ukraine': 'deteriorating' },
    ],
    [
      'Afghanistan and Pakistan trade fire at border crossing.',
      '2024-03-01',
      { 'afghanistan--pakistan': 'deteriorating' },
    ],
    ['Guatemala relocated its embassy to Jerusalem.', '2018-05-16', { 'guatemala--israel': 'improving' }],
  ])

  pairTable("reads \"X's provocative drills\" as the speaker's judgement of X, not an act of X's", [
    [
      "Beijing condemns Manila's 'provocative' drills with US forces.",
      '2024-03-01',
      { 'china--philippines': 'deteriorating' },
    ],
  ])

  pairTable('reads talks that were suspended or called off as frozen, and tariffs of a stated size as a sanction', [
    [
      'The talks between Serbia and Kosovo were suspended after the shooting.',
      '2023-06-01',
      { 'kosovo--serbia': 'frozen' },
    ],
    [
      'Peace negotiations between Armenia and Azerbaijan have been called off.',
      '2023-06-01',
      { 'armenia--azerbaijan': 'frozen' },
    ],
    ['China imposed 84 percent tariffs on American goods.', '2025-04-09', { 'china--united-states': 'deteriorating' }],
  ])

  pairTable('reads an attack on a place "held" or "controlled" by a group as an attack on that group', [
    ['Saudi-led coalition strikes Houthi-held Sanaa.', '2019-05-01', { 'houthis--saudi-arabia': 'deteriorating' }],
    [
      'Israeli jets struck Hezbollah-controlled areas of Beirut.',
      '2024-09-23',
      { 'hezbollah--israel': 'deteriorating' },
    ],
  ])

  pairTable('reads talks offered to a country, or talking to it, as consultation', [
    ['Pakistan PM offers talks to India after Kashmir attack.', '2019-05-01', { 'india--pakistan': 'improving' }],
    ['Macron spoke to Putin for two hours.', '2022-03-06', { 'france--russia': 'improving' }],
    ["Kuwait's emir called Egypt's president to discuss Gaza.", '2023-10-20', { 'egypt--kuwait': 'improving' }],
    ['China called the US a threat to peace.', '2023-05-30', { 'china--united-states': 'deteriorating' }],
    ['Iran says it will not talk to US under pressure.', '2019-05-01', { 'iran--united-states': 'frozen' }],
  ])

  pairTable("reads lifting a ban on imports of a country's goods as a concession to it", [
    ['Japan lifted a ban on imports of South Korean fish.', '2021-01-12', { 'japan--south-korea': 'improving' }],
  ])

  pairTable("reads a force gathered on a country's border as mobilised against it", [
    [
      "Azerbaijan has gathered a large force on Armenia's eastern border.",
      '2021-01-12',
      { 'armenia--azerbaijan': 'deteriorating' },
    ],
  ])

  pairTable('reads putting a country on a terror or sanctions list as a sanction', [
    [
      'Washington put Cuba back on its list of state sponsors of terrorism.',
      '2021-01-12',
      { 'cuba--united-states': 'deteriorating' },
    ],
  ])

  // the one freed is a national of the partner; the source quoted after it ("Oman's state news agency said") is none
  pairTable('reads freeing "a Russian convicted of …" as a concession to Russia, and a quoted source as no party', [
    [
      "Venezuela freed an American jailed on weapons charges, Qatar's foreign ministry said.",
      '2024-08-01',
      { 'united-states--venezuela': 'improving' },
    ],
    [
      "Iran released a Swede held since 2022, Oman's state news agency said.",
      '2024-06-15',
      { 'iran--sweden': 'improving' },
    ],
  ])

  // "demands X withdraw": X does the bare infinitive; "demands X apology": a noun asked of X is no act of X's
  pairTable("gives a bare infinitive after a demand's object that object for its subject", [
    [
      'The African Union demands Ethiopia withdraw its troops from Somalia.',
      '2014-10-01',
      { 'african-union--ethiopia': 'deteriorating', 'ethiopia--somalia': 'improving' },
    ],
    ['China demands Japan apology over the shrine visit.', '2014-10-01', { 'china--japan': 'deteriorating' }],
  ])

  // a threat with no object is aimed at whoever its condition is about, and the condition is no event of its own
  pairTable('reads "will take measures if X does Y" as a threat to X, and Y as no event', [
    [
      'Moscow said it would take all necessary measures if Finland joined NATO.',
      '2022-05-01',
      { 'finland--russia': 'deteriorating' },
    ],
    [
      'Beijing will take resolute measures if the Czech senate speaker visits Taiwan.',
      '2020-08-01',
      { 'china--czechia': 'deteriorating' },
    ],
    [
      'Turkey warned it would take every step if Greece extended its territorial waters.',
      '2020-08-01',
      { 'greece--turkey': 'deteriorating' },
    ],
  ])

  // the speaker threatens the one who "would face" the consequences
  pairTable('reads "X said Y would face a crushing response" as X threatening Y', [
    [
      'Iran said Azerbaijan would face a crushing response if it hosted Israeli bases.',
      '2021-01-12',
      { 'azerbaijan--iran': 'deteriorating' },
    ],
    [
      'Russia said Finland would face consequences if it joined NATO.',
      '2022-04-14',
      { 'finland--russia': 'deteriorating' },
    ],
  ])
})
