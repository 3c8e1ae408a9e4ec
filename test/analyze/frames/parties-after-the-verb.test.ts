// Who the other party is when it is not the verb's object: the receiver of what is handed over ("to"), the
// country a passive arrest happens in, the agent an event noun names with "by", and talks that reach a dead end.
import { describe } from 'vitest'
import { pairTable, roleTable } from '../analyze-helpers.ts'

describe('parties named after the verb', () => {
  // the group a handed-over person belongs to is not the partner; whoever receives them is
  pairTable('takes the receiver after "to" as the partner of an extradition', [
    [
      'Peru extradited a former Bolivian minister, wanted on corruption charges since 2019, to Bolivia.',
      '2022-05-04',
      { 'bolivia--peru': 'improving' },
    ],
    [
      'Brazil agreed to the extradition of the Italian militant Cesare Battisti to Italy.',
      '2019-01-14',
      { 'brazil--italy': 'improving' },
    ],
    [
      'Mexico extradited the leader of the Zetas cartel to the United States.',
      '2022-05-04',
      { 'mexico--united-states': 'improving' },
    ],
  ])

  pairTable('reads a passive arrest with no agent as done by the country it happens in', [
    [
      'Two Swedish aid workers were detained in Ethiopia, their employer said.',
      '2022-05-04',
      { 'ethiopia--sweden': 'deteriorating' },
    ],
    [
      'A Dutch journalist has been jailed in Turkey for insulting the president.',
      '2022-05-04',
      { 'netherlands--turkey': 'deteriorating' },
    ],
    ['Ten Egyptian fishermen were detained by Libya.', '2022-05-04', { 'egypt--libya': 'deteriorating' }],
  ])

  // the by-phrase of an event noun is its agent, and whoever blames the event blames that agent
  pairTable('takes "by X" after an event noun as its agent', [
    [
      'Armenia walked out of the talks, blaming the shelling by Azerbaijan of border villages.',
      '2022-05-04',
      { 'armenia--azerbaijan': 'deteriorating' },
    ],
    [
      'Mali reported fresh raids by the Islamic State on army posts near Menaka.',
      '2022-05-04',
      { 'isis--mali': 'deteriorating' },
    ],
    [
      'Ukraine denounced the annexation by Russia of four regions.',
      '2022-10-01',
      { 'russia--ukraine': 'deteriorating' },
    ],
  ])

  // "…, a move condemned by X": a participle with its by-agent after an appositive noun is a passive, and it
  // reacts to whoever did the act of the clause before, whether or not that act is itself a cue
  pairTable('reads "a move condemned by X" as X reacting to the act before it', [
    [
      'Azerbaijan closed the Lachin corridor, a move condemned by France.',
      '2022-12-15',
      { 'azerbaijan--france': 'deteriorating' },
    ],
    [
      'China built an airstrip on the reef, a step criticised by Vietnam and the Philippines.',
      '2016-01-06',
      { 'china--philippines': 'deteriorating', 'china--vietnam': 'deteriorating' },
    ],
  ])

  // forces sent to a border face whoever is across it; forces sent to a country help it, and what they are sent
  // to do there is the sender's purpose, not the host's act
  pairTable("reads forces sent to a border as mobilised against its owner, and a purpose as the sender's", [
    [
      'Pakistan dispatched two brigades to the Afghan frontier.',
      '2018-03-04',
      { 'afghanistan--pakistan': 'deteriorating' },
    ],
    ['Sudan moved tanks to its border with Chad.', '2018-03-04', { 'chad--sudan': 'deteriorating' }],
    [
      "Britain sent troops to Estonia to reinforce NATO's eastern flank.",
      '2022-02-20',
      { 'estonia--united-kingdom': 'improving' },
    ],
    [
      'Germany sent tanks to Lithuania to deter Russia.',
      '2022-02-20',
      { 'germany--lithuania': 'improving', 'germany--russia': 'deteriorating' },
    ],
  ])

  pairTable("reads countering another's plans or influence as standing against its owner", [
    ['India moved to counter Chinese influence in Nepal.', '2018-03-04', { 'china--india': 'deteriorating' }],
    [
      "Japan and the Philippines pledged to push back against China's expansion in the South China Sea.",
      '2023-11-03',
      { 'china--japan': 'deteriorating', 'china--philippines': 'deteriorating' },
    ],
    ['The two countries agreed to counter terrorism together.', '2018-03-04', {}],
  ])

  // a court's warrant or an indictment accuses whoever it is for; rejecting it disputes it, it does not undo it
  pairTable('reads an arrest warrant or an indictment as an accusation of whoever it is for', [
    ['The ICC issued an arrest warrant for Vladimir Putin.', '2023-03-17', { 'icc--russia': 'deteriorating' }],
    [
      'An Argentine court issued warrants for the arrest of eight former Iranian officials.',
      '2006-11-09',
      { 'argentina--iran': 'deteriorating' },
    ],
    [
      'A US grand jury indicted two Chinese intelligence officers.',
      '2022-10-24',
      { 'china--united-states': 'deteriorating' },
    ],
    [
      "Russia rejected the ICC's arrest warrant for Vladimir Putin as meaningless.",
      '2023-03-18',
      { 'icc--russia': 'deteriorating' },
    ],
  ])

  // "oppose" is a rejection of its own, not a negation of itself; what is opposed belongs to its owner
  pairTable("reads opposing another's plan, bid or expansion as standing against its owner", [
    [
      "Hungary opposes the EU's plan to open membership talks with Ukraine.",
      '2023-12-01',
      { 'eu--hungary': 'deteriorating', 'eu--ukraine': 'improving' },
    ],
    [
      'China and Russia oppose NATO enlargement.',
      '2022-02-04',
      { 'china--nato': 'deteriorating', 'nato--russia': 'deteriorating' },
    ],
    [
      "Turkey opposed Sweden's bid to join NATO.",
      '2022-05-18',
      { 'nato--sweden': 'improving', 'sweden--turkey': 'deteriorating' },
    ],
  ])

  pairTable('reads "no limits" as emphasis, not a negation', [
    [
      'Vietnam and the Philippines pledged a partnership with no limits on maritime cooperation.',
      '2023-04-14',
      { 'philippines--vietnam': 'improving' },
    ],
    ["Egypt and Sudan declare 'no limits' partnership.", '2023-04-14', { 'egypt--sudan': 'improving' }],
  ])

  // a measure against what another country owns (its goods, its base) is aimed at that country; what the measure is
  // taken under (UN sanctions, US pressure) is no party to it
  pairTable("reads a ban on a country's goods or the closure of its base as aimed at it", [
    ['Saudi Arabia banned Lebanese fruit and vegetables.', '2021-04-23', { 'lebanon--saudi-arabia': 'deteriorating' }],
    [
      'China banned imports of North Korean coal under a UN resolution.',
      '2017-09-23',
      { 'china--north-korea': 'deteriorating' },
    ],
    [
      'Uzbekistan ordered the closure of the American air base at Karshi-Khanabad.',
      '2005-07-30',
      { 'united-states--uzbekistan': 'deteriorating' },
    ],
  ])

  pairTable(
    "reads lifting a measure on a country's goods as a concession to it, and downing its aircraft as an attack",
    [
      ['Canada lifted its ban on Chinese canola.', '2022-05-05', { 'canada--china': 'improving' }],
      ['Beijing agreed to scrap its tariffs on Australian barley.', '2023-04-11', { 'australia--china': 'improving' }],
      [
        'South Korea shot down a North Korean drone near the border.',
        '2022-12-26',
        { 'north-korea--south-korea': 'deteriorating' },
      ],
    ],
  )

  roleTable('makes a possessive the owner of a noun a hyphenated name only describes', [
    ["Afghanistan's U.S.-backed government signed a security pact with India.", 'Afghanistan', '2012-02-05', 'party'],
    ["Mali's Russian-backed junta expelled the French ambassador.", 'Mali', '2022-01-31', 'party'],
    ["The leader of Yemen's Iran-aligned Houthis spoke on Tuesday.", 'Yemen', '2023-11-14', 'modifier'],
  ])

  // "withdrawal from" a bloc is leaving it; from a country, a retreat; and troops that will not withdraw change nothing
  pairTable('tells a withdrawal from a country from one from a bloc, and drops a refused withdrawal', [
    ['French troops completed their withdrawal from Niger.', '2023-12-22', { 'france--niger': 'improving' }],
    ['Russia withdrew from the Council of Europe.', '2022-03-15', { 'council-of-europe--russia': 'deteriorating' }],
    ['Kenyan troops would not withdraw from Somalia, the president said.', '2016-01-17', {}],
  ])

  pairTable('reads scaling back operations or drawing down troops as a retreat from the place', [
    [
      'The United States will draw down its troop presence in Iraq.',
      '2021-07-26',
      { 'iraq--united-states': 'improving' },
    ],
    [
      'Turkey said it would scale back its military operations near Damascus.',
      '2021-07-26',
      { 'syria--turkey': 'improving' },
    ],
    ['Moscow will wind down its military mission in Armenia.', '2021-07-26', { 'armenia--russia': 'improving' }],
  ])

  pairTable('reads talks that reach a dead end as frozen', [
    ['The Kremlin said talks with Kyiv had reached a dead end.', '2022-05-04', { 'russia--ukraine': 'frozen' }],
    ['Negotiations between Israel and Hamas hit a dead end on Sunday.', '2024-03-10', { 'hamas--israel': 'frozen' }],
  ])
})
