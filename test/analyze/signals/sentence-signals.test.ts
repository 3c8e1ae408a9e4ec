import { describe, expect, it } from 'vitest'
import { pairs, pairTable, signals, type PairCase } from '../analyze-helpers.ts'

describe('co-subjects', () => {
  pairTable('pairs each co-subject with the object, not with each other', [
    [
      'Poland, Latvia and Lithuania closed their border crossings with Belarus.',
      '2023-06-21',
      { 'belarus--latvia': 'deteriorating', 'belarus--lithuania': 'deteriorating', 'belarus--poland': 'deteriorating' },
    ],
    [
      'Argentina, Chile and Peru have withdrawn their diplomats from Venezuela.',
      '2024-07-30',
      {
        'argentina--venezuela': 'deteriorating',
        'chile--venezuela': 'deteriorating',
        'peru--venezuela': 'deteriorating',
      },
    ],
    [
      'Japan, South Korea and Australia condemned North Korea on Tuesday.',
      '2022-10-04',
      {
        'japan--north-korea': 'deteriorating',
        'north-korea--south-korea': 'deteriorating',
        'australia--north-korea': 'deteriorating',
      },
    ],
    [
      'The United States, Britain and Canada imposed fresh sanctions on Myanmar.',
      '2021-03-25',
      {
        'myanmar--united-states': 'deteriorating',
        'myanmar--united-kingdom': 'deteriorating',
        'canada--myanmar': 'deteriorating',
      },
    ],
  ])

  pairTable('pairs co-subjects with each other when the act is mutual and has no object', [
    [
      'Israel and Turkey restored full diplomatic relations on Wednesday.',
      '2022-08-17',
      { 'israel--turkey': 'improving' },
    ],
    ['Armenia and Turkey signed protocols to normalise ties.', '2009-10-10', { 'armenia--turkey': 'improving' }],
    ['Bahrain and Qatar to restore diplomatic ties', '2023-04-12', { 'bahrain--qatar': 'improving' }],
    [
      "Cuba and the United States have agreed to reopen embassies in each other's capitals.",
      '2015-07-01',
      { 'cuba--united-states': 'improving' },
    ],
  ])

  // A "joint" act makes its co-subjects partners even when it has a target; only who it is done "with" joins them.
  pairTable("pairs the co-subjects of a joint act, and its target only with the act's own cue", [
    [
      'Kenya and Somalia launched a joint offensive against al-Shabaab in the Gedo region.',
      '2022-05-01',
      { 'al-shabaab--kenya': 'deteriorating', 'al-shabaab--somalia': 'deteriorating', 'kenya--somalia': 'improving' },
    ],
    [
      'Nigerian and Chadian troops mounted a joint raid on Boko Haram camps near Lake Chad.',
      '2022-05-01',
      { 'boko-haram--chad': 'deteriorating', 'boko-haram--nigeria': 'deteriorating', 'chad--nigeria': 'improving' },
    ],
    [
      'India and France held joint naval manoeuvres with the United Arab Emirates off Abu Dhabi.',
      '2022-05-01',
      {
        'france--india': 'improving',
        'france--united-arab-emirates': 'improving',
        'india--united-arab-emirates': 'improving',
      },
    ],
    [
      'Russia and Belarus began joint drills on Tuesday with thousands of troops deployed along the Polish border.',
      '2022-05-01',
      { 'belarus--russia': 'improving' },
    ],
  ])

  // "with X joining the attacks": who joins an attack hits the same target, and the attack joined is no new act
  pairTable('gives those who join an attack the target of the attack they join', [
    [
      'Britain shelled Houthi radar sites on Friday, with Bahrain taking part in the strikes.',
      '2024-01-12',
      { 'bahrain--houthis': 'deteriorating', 'houthis--united-kingdom': 'deteriorating' },
    ],
    [
      'Kenyan troops attacked al-Shabaab camps near Kismayo, with Ethiopia joining the offensive.',
      '2024-01-12',
      { 'al-shabaab--ethiopia': 'deteriorating', 'al-shabaab--kenya': 'deteriorating' },
    ],
    [
      'Israel struck Iranian air defences on Saturday, with the United States taking part in the strikes.',
      '2024-10-26',
      { 'iran--israel': 'deteriorating', 'iran--united-states': 'deteriorating' },
    ],
  ])

  pairTable('takes a second target held by another group ("X sites and camps of Y") as a target too', [
    [
      'Israeli jets hit Hezbollah positions and weapons depots of the Islamic Jihad group.',
      '2020-01-12',
      { 'hezbollah--israel': 'deteriorating', 'israel--palestinian-islamic-jihad': 'deteriorating' },
    ],
    [
      'Turkish drones struck PKK hideouts and bases of the YPG in northern Syria.',
      '2020-01-12',
      { 'pkk--turkey': 'deteriorating', 'sdf--turkey': 'deteriorating' },
    ],
  ])

  // "…, killing X" after "after Y did Z" is Y's doing, not the main clause subject's
  pairTable("gives a participle after a subordinate clause that clause's subject", [
    [
      'Kenya vowed to stay in Somalia after al-Shabaab fighters overran a base, killing Ugandan soldiers.',
      '2023-01-17',
      { 'al-shabaab--uganda': 'deteriorating' },
    ],
    ['Mali expelled the envoy after jihadists attacked a convoy, killing French soldiers.', '2023-01-17', {}],
    [
      'Turkey recalled its envoy after Israeli commandos boarded an aid ship, killing nine Turkish activists.',
      '2010-05-31',
      { 'israel--turkey': 'deteriorating' },
    ],
  ])

  // after an object, "and" with a new subject and its verb is a new clause; at the start it is a subject pair
  pairTable('tells "from Israel and Colombia cut ties" (a new clause) from "Israel and Colombia cut ties" (a pair)', [
    [
      'Chile recalled its envoy from Israel and Colombia expelled the Israeli ambassador.',
      '2023-11-01',
      { 'chile--israel': 'deteriorating', 'colombia--israel': 'deteriorating' },
    ],
    [
      'Bolivia recalled its ambassador from Israel and Colombia cut diplomatic ties.',
      '2023-11-01',
      { 'bolivia--israel': 'deteriorating' },
    ],
    [
      'Israel and Colombia cut ties with Iran.',
      '2023-11-01',
      { 'colombia--iran': 'deteriorating', 'iran--israel': 'deteriorating' },
    ],
  ])

  pairTable('takes what a reciprocal act is "on" as its topic, not a partner', [
    ['Putin, Erdogan agree on Syria buffer zone.', '2019-05-01', { 'russia--turkey': 'improving' }],
    ['Serbia and Hungary agree on Kosovo stance.', '2024-10-21', { 'hungary--serbia': 'improving' }],
    ['Iran agreed on a deal with the IAEA.', '2024-10-21', { 'iaea--iran': 'improving' }],
  ])

  pairTable('does not pair co-subjects of a one-sided act ("X and Y warplanes struck …")', [
    [
      'French and Malian troops attacked bases held by al-Shabaab in Somalia.',
      '2019-09-01',
      { 'al-shabaab--france': 'deteriorating', 'al-shabaab--mali': 'deteriorating' },
    ],
    [
      'Jordanian and Emirati jets bombed positions held by the Islamic State.',
      '2015-01-01',
      { 'isis--jordan': 'deteriorating', 'isis--united-arab-emirates': 'deteriorating' },
    ],
    [
      'Russian and Belarusian forces shelled Ukrainian towns near the border.',
      '2022-05-01',
      { 'belarus--ukraine': 'deteriorating', 'russia--ukraine': 'deteriorating' },
    ],
  ])

  pairTable('pairs actors who act together with no one else as the object (joint action)', [
    [
      'The foreign ministers of Norway and Spain urged an immediate ceasefire.',
      '2023-11-20',
      { 'norway--spain': 'improving' },
    ],
    ['Germany and Japan called for a stronger global health system.', '2021-04-01', { 'germany--japan': 'improving' }],
    [
      'India and Brazil backed a global tax on billionaires at the summit.',
      '2024-11-18',
      { 'brazil--india': 'improving' },
    ],
    [
      'The leaders of Indonesia and Argentina called for more investment in food security.',
      '2022-11-15',
      { 'argentina--indonesia': 'improving' },
    ],
  ])

  pairTable('drops a joint action when the article pairs either actor with someone else', [
    [
      'Sweden and Finland called for a firmer European response. Sweden summoned the Iranian ambassador on Monday.',
      '2022-12-12',
      { 'iran--sweden': 'deteriorating' },
    ],
    [
      'Norway, Iceland urge restraint after invasion. Norway and Iceland closed their airspace to Russian airlines.',
      '2022-02-28',
      { 'norway--russia': 'deteriorating', 'iceland--russia': 'deteriorating' },
    ],
    [
      'Britain and Canada demand fresh vote in Belarus. Britain and Canada imposed sanctions on Belarus on Tuesday.',
      '2020-09-29',
      { 'belarus--united-kingdom': 'deteriorating', 'belarus--canada': 'deteriorating' },
    ],
    [
      'Kenya and Ethiopia vow closer cooperation. Kenya later accused Somalia of violating the border agreement.',
      '2023-08-01',
      { 'kenya--somalia': 'deteriorating' },
    ],
  ])

  pairTable('adds the actors after "alongside" to the subject', [
    [
      'Spain recognised Palestine, along with Ireland and Norway.',
      '2024-05-28',
      { 'palestine--spain': 'improving', 'ireland--palestine': 'improving', 'norway--palestine': 'improving' },
    ],
    [
      'Britain imposed sanctions on China, alongside the European Union and Canada.',
      '2021-03-22',
      { 'china--united-kingdom': 'deteriorating', 'china--eu': 'deteriorating', 'canada--china': 'deteriorating' },
    ],
    [
      'Japan joined the sanctions against Russia together with South Korea and Taiwan.',
      '2022-02-26',
      { 'japan--russia': 'deteriorating', 'russia--south-korea': 'deteriorating', 'russia--taiwan': 'deteriorating' },
    ],
    [
      'Canada imposed sanctions on Russia, along with the United States and the EU.',
      '2014-03-17',
      { 'canada--russia': 'deteriorating', 'russia--united-states': 'deteriorating', 'eu--russia': 'deteriorating' },
    ],
  ])
})

describe('argument attachment', () => {
  pairTable('takes the actor right before a nominal cue as its agent ("the Israeli strikes on Iran")', [
    [
      'Germany said it had no part in the American airstrikes on the Houthis.',
      '2024-01-12',
      { 'houthis--united-states': 'deteriorating' },
    ],
    [
      'Oman said it had no part in the Saudi air strikes on Yemen.',
      '2015-04-01',
      { 'saudi-arabia--yemen': 'deteriorating' },
    ],
    [
      'Iraq said it had not taken part in the Turkish raids on the PKK.',
      '2019-09-20',
      { 'pkk--turkey': 'deteriorating' },
    ],
  ])

  pairTable('reads "accusations by X that Y …" as X accusing Y', [
    [
      'Ties frayed after allegations by Canada that India was behind the shooting of a Sikh leader in British Columbia.',
      '2023-09-20',
      { 'canada--india': 'deteriorating' },
    ],
    [
      'The talks stalled amid claims by Azerbaijan that Armenia had shelled its positions.',
      '2022-09-13',
      { 'armenia--azerbaijan': 'deteriorating' },
    ],
    [
      'Relations soured following accusations from Kenya that Somalia had meddled in its election.',
      '2020-12-15',
      { 'kenya--somalia': 'deteriorating' },
    ],
  ])

  pairTable('takes a possessed acronym before a verb of reporting for a media outlet, not an actor', [
    [
      "North Korea and Russia signed a mutual defence pact, Japan's NHK reported.",
      '2024-06-19',
      { 'north-korea--russia': 'improving' },
    ],
    [
      "Syria and Jordan reopened their main border crossing, China's CCTV reported.",
      '2021-09-29',
      { 'jordan--syria': 'improving' },
    ],
    [
      "China and Argentina signed a cooperation accord on Sunday, Russia's TASS reported.",
      '2022-02-06',
      { 'argentina--china': 'improving' },
    ],
  ])

  // the accused's act on a third party (rebels, a militia) is the accuser's complaint, not a relation of the third
  pairTable('takes the object of "accused X of" as the subject of what follows', [
    [
      'Ethiopia accused Egypt of backing rebels in the Blue Nile region.',
      '2019-06-01',
      { 'egypt--ethiopia': 'deteriorating' },
    ],
    [
      'Rwanda has accused Burundi of sheltering the FDLR militia.',
      '2021-03-01',
      { 'burundi--rwanda': 'deteriorating' },
    ],
    [
      'Pakistan accuses India of funding separatists in Balochistan.',
      '2016-09-01',
      { 'india--pakistan': 'deteriorating' },
    ],
  ])

  pairTable('takes the possessor of "bid to" as the subject of the infinitive', [
    [
      "Spain supported Ukraine's application to join the EU.",
      '2022-06-17',
      { 'spain--ukraine': 'improving', 'eu--ukraine': 'improving' },
    ],
    [
      "Italy welcomed Serbia's application to join the EU.",
      '2009-12-22',
      { 'italy--serbia': 'improving', 'eu--serbia': 'improving' },
    ],
    [
      "Greece welcomed Albania's request to join the EU.",
      '2009-04-28',
      { 'albania--greece': 'improving', 'albania--eu': 'improving' },
    ],
    [
      "Germany hailed Georgia's application to join the European Union.",
      '2022-03-03',
      { 'georgia--germany': 'improving', 'eu--georgia': 'improving' },
    ],
  ])

  pairTable('takes the object of a control verb as the subject of the infinitive', [
    ['Saudi Arabia invited Iran to reopen its embassy in Riyadh.', '2023-04-01', { 'iran--saudi-arabia': 'improving' }],
    ['China persuaded Iran to restore ties with Saudi Arabia.', '2023-03-11', { 'iran--saudi-arabia': 'improving' }],
    [
      'Washington encouraged Seoul to restore military ties with Tokyo.',
      '2023-03-01',
      { 'japan--south-korea': 'improving' },
    ],
  ])

  it('never makes an actor after a preposition the subject ("deployed to Libya in support of …")', () => {
    expect(pairs('Turkey approved deploying troops to Libya in support of the government in Tripoli.')).toEqual({
      'libya--turkey': 'improving',
    })
  })

  // "locked in" a dispute is a standing state (stable); being drawn into a row is a deterioration
  pairTable('treats what a dispute is over as its topic, not a party', [
    [
      'China and India remain locked in a dispute over the Himalayan frontier.',
      '2010-01-01',
      { 'china--india': 'stable' },
    ],
    [
      'Japan and South Korea are embroiled in a row over wartime labour compensation.',
      '2019-01-01',
      { 'japan--south-korea': 'deteriorating' },
    ],
    [
      'Greece and Turkey are mired in a quarrel over gas drilling rights.',
      '2020-01-01',
      { 'greece--turkey': 'deteriorating' },
    ],
  ])

  it("lets the one who blocks an agent's act stand against its object", () => {
    expect(pairs('Hungary blocked an EU aid package for Ukraine.')).toEqual({
      'eu--ukraine': 'improving',
      'hungary--ukraine': 'deteriorating',
    })
  })

  pairTable('gives the actor switched away from the opposite direction', [
    [
      'Honduras switches ties from Taipei to Beijing',
      '2023-03-26',
      { 'china--honduras': 'improving', 'honduras--taiwan': 'deteriorating' },
    ],
    [
      'Nicaragua switched diplomatic ties from Taiwan to China on Friday.',
      '2021-12-10',
      { 'china--nicaragua': 'improving', 'nicaragua--taiwan': 'deteriorating' },
    ],
    [
      'Panama has shifted its diplomatic allegiance from Taipei to Beijing.',
      '2017-06-13',
      { 'china--panama': 'improving', 'panama--taiwan': 'deteriorating' },
    ],
    [
      'Kiribati became the second Pacific nation this week to switch recognition from Taiwan to China.',
      '2019-09-20',
      { 'china--kiribati': 'improving', 'kiribati--taiwan': 'deteriorating' },
    ],
  ])
})

describe('mediators and venues', () => {
  pairTable('reports no relation with a mediator or a host', [
    [
      'Ethiopia and Eritrea signed a peace accord in Jeddah, in a ceremony hosted by King Salman.',
      '2018-09-16',
      { 'eritrea--ethiopia': 'improving' },
    ],
    [
      'Rwanda and Congo signed a peace deal at the State Department, in a ceremony hosted by Marco Rubio.',
      '2025-06-27',
      { 'dr-congo--rwanda': 'improving' },
    ],
    [
      'Serbia and Kosovo agreed to normalise economic ties at a White House meeting hosted by Trump.',
      '2020-09-04',
      { 'kosovo--serbia': 'improving' },
    ],
    [
      'Kenya and Somalia agreed to restore ties in a deal facilitated by Qatar.',
      '2021-05-06',
      { 'kenya--somalia': 'improving' },
    ],
  ])

  pairTable('credits a mediator a party thanks for its mediation', [
    [
      "Armenian officials said Russia's mediation had secured the ceasefire with Azerbaijan.",
      '2020-11-10',
      { 'armenia--azerbaijan': 'improving', 'armenia--russia': 'stable' },
    ],
    [
      "The Colombian government said Cuba's good offices had made the peace accord with the FARC possible.",
      '2016-08-25',
      { 'colombia--farc': 'improving', 'colombia--cuba': 'stable' },
    ],
    [
      "Rwanda's foreign minister said the deal with Congo was reached thanks to Qatar's mediation.",
      '2025-06-28',
      { 'dr-congo--rwanda': 'improving', 'qatar--rwanda': 'stable' },
    ],
  ])
})

describe('negation, denial, reversal', () => {
  pairTable('turns a negated improvement into a stall', [
    ['Serbia will never recognise Kosovo.', '2024-05-01', { 'kosovo--serbia': 'frozen' }],
    ['India refused to resume bilateral talks with Pakistan.', '2019-09-01', { 'india--pakistan': 'frozen' }],
    ['Morocco will not reopen its embassy in Algiers, officials said.', '2022-03-01', { 'algeria--morocco': 'frozen' }],
    ['Azerbaijan declined to hold direct talks with Armenia.', '2023-05-01', { 'armenia--azerbaijan': 'frozen' }],
    [
      "Turkey won't normalise relations with Armenia, the foreign minister said.",
      '2016-01-01',
      { 'armenia--turkey': 'frozen' },
    ],
  ])

  pairTable('reports nothing for a negated or denied rupture', [
    ['Poland has not expelled any Russian diplomats this year.', '2024-05-01', {}],
    ['Chile opposed sanctions on Peru.', '2024-05-01', {}],
    ['Ankara denied reports it had closed its airspace to Israeli flights.', '2024-05-01', {}],
    ['Kuwait dismissed claims that it had cut ties with Lebanon.', '2021-11-01', {}],
    ['Islamabad said reports that Pakistan had expelled Afghan diplomats were baseless.', '2023-04-01', {}],
    ['Egypt has not downgraded its relations with Israel, officials insisted.', '2024-06-01', {}],
  ])

  it('reads ending a rupture as an improvement and suspending a treaty as a rupture', () => {
    expect(
      pairs('Gulf states agreed to end the boycott of Qatar, and Saudi Arabia reopened its border with Qatar.'),
    ).toEqual({ 'qatar--saudi-arabia': 'improving' })
    expect(pairs('Algeria suspended its friendship treaty with Spain.')).toEqual({ 'algeria--spain': 'deteriorating' })
  })

  pairTable('reads talks that ended without results as frozen, not as talks held', [
    [
      'Serbia said its talks with Kosovo in Brussels had ended without agreement.',
      '2023-05-01',
      { 'kosovo--serbia': 'frozen' },
    ],
    [
      'Armenia and Azerbaijan wrapped up two days of talks with no breakthrough.',
      '2023-06-01',
      { 'armenia--azerbaijan': 'frozen' },
    ],
    [
      "Sudan's army said its negotiations with the RSF in Jeddah had collapsed.",
      '2023-06-20',
      { 'rsf--sudan': 'frozen' },
    ],
    [
      'The latest round of Ethiopia-Sudan talks on the dam ended without a deal.',
      '2021-04-06',
      { 'ethiopia--sudan': 'frozen' },
    ],
    [
      "Trump's summit with Kim Jong Un in Hanoi broke down without an agreement.",
      '2019-02-28',
      { 'north-korea--united-states': 'frozen' },
    ],
  ])
})

describe('reactions and references', () => {
  pairTable('pairs a reaction with the agent of the event it answers, in the same sentence or the one before', [
    [
      'Britain and France launched missiles at Syrian chemical sites, and Iran denounced the raid.',
      '2018-04-14',
      {
        'syria--united-kingdom': 'deteriorating',
        'france--syria': 'deteriorating',
        'iran--united-kingdom': 'deteriorating',
        'france--iran': 'deteriorating',
      },
    ],
    [
      'American jets bombed Houthi positions in Yemen, and Tehran condemned the strikes.',
      '2024-01-12',
      { 'houthis--united-states': 'deteriorating', 'iran--united-states': 'deteriorating' },
    ],
    [
      'Russian forces attacked Ukraine from three sides, and Japan condemned the invasion.',
      '2022-02-24',
      { 'russia--ukraine': 'deteriorating', 'japan--russia': 'deteriorating' },
    ],
    [
      'Israeli jets struck targets in Damascus overnight. Iran condemned the attack and vowed to respond.',
      '2024-05-01',
      { 'iran--israel': 'deteriorating' },
    ],
    [
      'Israeli tanks raided northern Gaza overnight. Egypt condemned the incursion on Thursday.',
      '2023-10-26',
      { 'egypt--israel': 'deteriorating' },
    ],
  ])

  pairTable('pairs what an event prompted with whoever brought the event about', [
    [
      'Kenya hosted the Somaliland leader in Nairobi, prompting Somalia to recall its ambassador.',
      '2020-12-14',
      { 'kenya--somaliland': 'improving', 'kenya--somalia': 'deteriorating' },
    ],
    [
      "Myanmar's army seized power, prompting the United States to threaten sanctions.",
      '2021-02-01',
      { 'myanmar--united-states': 'deteriorating' },
    ],
    [
      'Israel killed a senior Hamas official in Beirut, prompting Hezbollah to vow retaliation.',
      '2024-01-02',
      { 'hamas--israel': 'deteriorating', 'hezbollah--israel': 'deteriorating' },
    ],
    [
      'Guatemala moved its embassy to Jerusalem, prompting the Palestinian Authority to recall its envoy.',
      '2018-05-14',
      { 'guatemala--israel': 'improving', 'guatemala--palestinian-authority': 'deteriorating' },
    ],
  ])

  it('resolves "the two countries" and "each other" to the pair just named', () => {
    expect(
      pairs(
        'Saudi Arabia and Iran restored relations in March. The two countries reopened their embassies in June.',
        '2023-06-07',
      ),
    ).toEqual({ 'iran--saudi-arabia': 'improving' })
    expect(pairs("Canada and India expelled each other's top diplomats.")).toEqual({ 'canada--india': 'deteriorating' })
  })

  pairTable('reads "relations between A and B" as about exactly that pair', [
    [
      'Ties between Tokyo and Seoul remain frosty over wartime labour rulings.',
      '2019-12-01',
      { 'japan--south-korea': 'frozen' },
    ],
    [
      'Relations between Belgrade and Pristina remain strained over vehicle licence plates.',
      '2022-06-01',
      { 'kosovo--serbia': 'frozen' },
    ],
    [
      'Ties between Rabat and Algiers remain tense over the Western Sahara dispute.',
      '2022-08-01',
      { 'algeria--morocco': 'frozen' },
    ],
    [
      'Relations between Caracas and Bogota remain tense after the border closure.',
      '2019-06-01',
      { 'colombia--venezuela': 'frozen' },
    ],
  ])
})

describe('flags and confidence', () => {
  it('lowers the confidence of hypothetical and historical claims', () => {
    const [hyp] = signals('Iran could retaliate against Israel if attacked.')
    const [plain] = signals('Iran retaliated against Israel.')
    expect(hyp!.flags).toContain('hypothetical')
    expect(hyp!.confidence).toBeLessThan(plain!.confidence)
  })

  pairTable('says nothing about sport, weather or markets', [
    ['Iran and the United States meet in a tense World Cup group match in Qatar.', '2022-11-29', {}],
    ['Serbia and Switzerland clashed again at the World Cup on Friday.', '2022-12-02', {}],
    ['India crushed Pakistan by seven wickets in Ahmedabad on Saturday.', '2023-10-14', {}],
    ['A heatwave gripped Greece and Turkey this week, with temperatures above 40C.', '2024-07-17', {}],
    ['Temperatures in Cairo and Amman hit record highs on Monday.', '2024-06-01', {}],
    ["South Africa's rand fell against the dollar while Turkish bonds rallied.", '2024-05-01', {}],
    ['The yen surged against the dollar as Japanese and Korean stocks plunged.', '2024-08-05', {}],
  ])
})

describe('requests', () => {
  pairTable('reads a request to stop, undo or answer for something as pressure even when no cue names the act', [
    [
      'The Philippines urged Beijing to recall the vessels massed at the reef.',
      '2021-03-21',
      { 'china--philippines': 'deteriorating' },
    ],
    [
      'The European Union called on Belarus to free all political prisoners.',
      '2021-08-10',
      { 'belarus--eu': 'deteriorating' },
    ],
    [
      'Japan asked China to explain the rapid growth of its military spending.',
      '2021-12-24',
      { 'china--japan': 'deteriorating' },
    ],
    [
      'Kenya demanded that Somalia withdraw its claim to the disputed maritime zone.',
      '2019-04-01',
      { 'kenya--somalia': 'deteriorating' },
    ],
    [
      'Britain, France and Germany urged Russia to disclose details of its nerve agent programme.',
      '2018-03-14',
      {
        'russia--united-kingdom': 'deteriorating',
        'france--russia': 'deteriorating',
        'germany--russia': 'deteriorating',
      },
    ],
  ])

  it('leaves a request for cooperation improving', () => {
    expect(pairs('France urged Germany to take part in the joint fighter programme.', '2021-03-21')).toEqual({
      'france--germany': 'improving',
    })
  })
})

describe('coordinated cues', () => {
  pairTable("gives a cue coordinated with the one before it that cue's subject", [
    [
      'North Korea fired a missile over Japan, drawing protests from Tokyo and a sharp warning from Washington.',
      '2022-10-04',
      { 'japan--north-korea': 'deteriorating', 'north-korea--united-states': 'deteriorating' },
    ],
    [
      'Russia annexed four Ukrainian regions, drawing condemnation from the EU and a rare rebuke from its partner Kazakhstan.',
      '2022-09-30',
      { 'eu--russia': 'deteriorating', 'kazakhstan--russia': 'deteriorating' },
    ],
    [
      'Japan began releasing treated water into the sea, drawing fury from China and a pointed rebuke from Russia.',
      '2023-08-24',
      { 'china--japan': 'deteriorating', 'japan--russia': 'deteriorating' },
    ],
  ])
})

describe('cues that end on an actor', () => {
  // Exact verdicts: the coordinated critics pair with the one criticised, never with each other.
  pairTable('give the actors coordinated with it the same role ("condemnation from Brazil, Colombia and the OAS")', [
    [
      'Israel struck the Iranian consulate in Damascus, triggering a backlash from Russia, China and the Arab League.',
      '2024-04-02',
      {
        'iran--israel': 'deteriorating',
        'israel--russia': 'deteriorating',
        'china--israel': 'deteriorating',
        'arab-league--israel': 'deteriorating',
      },
    ],
    [
      'Russia vetoed a French resolution on Aleppo, provoking fury from Britain, France and the United States.',
      '2016-10-08',
      {
        'russia--united-kingdom': 'deteriorating',
        'france--russia': 'deteriorating',
        'russia--united-states': 'deteriorating',
      },
    ],
    [
      'Maduro claimed victory in the disputed vote, provoking criticism from Argentina, Chile and the OAS.',
      '2024-08-05',
      {
        'argentina--venezuela': 'deteriorating',
        'chile--venezuela': 'deteriorating',
        'oas--venezuela': 'deteriorating',
      },
    ],
    [
      "Niger's junta ordered the French ambassador out, sparking anger from Nigeria, Ghana and ECOWAS.",
      '2023-08-25',
      { 'niger--nigeria': 'deteriorating', 'ghana--niger': 'deteriorating', 'ecowas--niger': 'deteriorating' },
    ],
    [
      'Turkey took delivery of Russian S-400 missiles, drawing rebukes from the United States, France and NATO.',
      '2019-07-17',
      {
        'russia--turkey': 'improving',
        'turkey--united-states': 'deteriorating',
        'france--turkey': 'deteriorating',
        'nato--turkey': 'deteriorating',
      },
    ],
  ])
})

describe('retreats', () => {
  pairTable('take the country the troops leave as the other side ("pull its troops in Lebanon back")', [
    [
      'Uganda pulled its soldiers in South Sudan back home on Friday.',
      '2015-04-10',
      { 'south-sudan--uganda': 'improving' },
    ],
    [
      'Eritrea began pulling its forces in Ethiopia back across the border.',
      '2021-12-01',
      { 'eritrea--ethiopia': 'improving' },
    ],
    ['Moscow said it would bring its troops in Syria back home.', '2019-03-01', { 'russia--syria': 'improving' }],
    [
      'Rwanda said it would withdraw its soldiers from eastern Congo.',
      '2023-12-01',
      { 'dr-congo--rwanda': 'improving' },
    ],
  ])
})

describe('fronted adjuncts', () => {
  // A participle in mid-sentence ("…, killing three Indian engineers, and Afghan officials blamed …") does not
  // take the subject of the clause after it; an adjunct the sentence opens with does.
  pairTable('take the subject after them only when the sentence opens with them', [
    [
      'KABUL (Reuters) - Gunmen ambushed a convoy in southern Afghanistan on Monday, killing three Indian engineers and two guards, and Afghan officials blamed the Taliban.',
      '2010-04-01',
      { 'afghanistan--taliban': 'deteriorating' },
    ],
    [
      'Militants attacked a border post in Pakistan on Sunday, wounding two Chinese engineers, and Pakistani officials blamed the TTP.',
      '2021-06-01',
      { 'pakistan--ttp': 'deteriorating' },
    ],
    [
      'Unknown attackers shelled a Turkish-run hospital in Somalia, wounding six Turkish nurses, and Somali officials blamed al-Shabaab.',
      '2013-05-01',
      { 'al-shabaab--somalia': 'deteriorating' },
    ],
    [
      'Gunmen attacked an Indian consulate in Afghanistan at dawn, killing two guards, and Afghan police blamed insurgents.',
      '2016-07-10',
      {},
    ],
    [
      'After a phone call with Kishida on Monday, Biden praised the alliance.',
      '2024-06-20',
      { 'japan--united-states': 'improving' },
    ],
    [
      'Following a meeting with Scholz in Berlin, Zelensky announced new air defence deliveries.',
      '2024-02-14',
      { 'germany--ukraine': 'improving' },
    ],
    [
      'After talks with Ramaphosa in Johannesburg, Lula said trade would double.',
      '2023-08-23',
      { 'brazil--south-africa': 'improving' },
    ],
    [
      'After a phone call with Zelensky on Tuesday, Erdogan pledged more drones to Ukraine.',
      '2022-03-01',
      { 'turkey--ukraine': 'improving' },
    ],
  ])
})

describe('nationals', () => {
  pairTable("pairs a state that frees or arrests another state's nationals with that state", [
    [
      "Venezuela freed seven jailed Americans on Saturday in exchange for two relatives of Maduro's wife.",
      '2022-10-01',
      { 'united-states--venezuela': 'improving' },
    ],
    [
      'North Korea released two detained Americans after a secret visit by the U.S. intelligence chief.',
      '2014-11-08',
      { 'north-korea--united-states': 'improving' },
    ],
    [
      'Belarus pardoned a jailed Lithuanian citizen convicted of spying.',
      '2019-02-01',
      { 'belarus--lithuania': 'improving' },
    ],
    [
      'China detained two Canadian citizens days after the arrest of a Huawei executive.',
      '2018-12-13',
      { 'canada--china': 'deteriorating' },
    ],
    [
      'Iran has arrested two French nationals, accusing them of stirring unrest.',
      '2022-05-11',
      { 'france--iran': 'deteriorating' },
    ],
  ])

  pairTable("does not pair the victim's country of a crime the police act on, nor a place named by a demonym", [
    ['Thai police detained two suspects over the murder of two British backpackers on Koh Tao.', '2014-09-30', {}],
    ['Police in Istanbul arrested three men over the assault on a Japanese student.', '2019-01-01', {}],
    ['Officers in Hurghada arrested a suspect in the stabbing of two German tourists.', '2017-07-15', {}],
    ['Police in Cape Town charged four men with the killing of a Dutch cyclist.', '2023-03-01', {}],
  ])
})

describe('time adjuncts', () => {
  pairTable('let a demand reach its that-clause ("demanded on Monday that Iran suspend")', [
    [
      'The European Union demanded yesterday that Belarus release the detained journalist.',
      '2021-05-24',
      { 'belarus--eu': 'deteriorating' },
    ],
    [
      'Washington urged on Sunday that Moscow pull back its troops from the border.',
      '2022-02-14',
      { 'russia--united-states': 'deteriorating' },
    ],
    [
      'The Arab League demanded on Wednesday that Israel halt its annexation plans.',
      '2020-06-01',
      { 'arab-league--israel': 'deteriorating' },
    ],
  ])
})

describe('owners of what is hit or blamed', () => {
  it('take the owner of the sites an attack hits as its target', () => {
    expect(
      pairs('American and British warplanes pounded Taliban military sites near Kandahar overnight.', '2010-10-08'),
    ).toMatchObject({ 'taliban--united-states': 'deteriorating', 'taliban--united-kingdom': 'deteriorating' })
    expect(pairs('Jordanian jets bombed Islamic State positions in Syria on Thursday.', '2015-02-05')).toEqual({
      'isis--jordan': 'deteriorating',
    })
  })

  it('take the owner of what is blamed, right after the cue, as the accused', () => {
    expect(pairs('Seoul blamed a North Korean torpedo for the sinking of its warship.', '2010-05-20')).toEqual({
      'north-korea--south-korea': 'deteriorating',
    })
  })
})

describe('acts of non-actors and members', () => {
  // "land in", "travel to" are visits: without the rule the clause subject would visit the place named.
  pairTable('gives no subject to what a control verb makes a non-actor do ("forcing it to land in Vienna")', [
    [
      'Poland and Lithuania closed their airspace to Belarusian jets, forcing them to land in Russia.',
      '2022-02-28',
      { 'belarus--poland': 'deteriorating', 'belarus--lithuania': 'deteriorating' },
    ],
    [
      'Ukraine shut its airspace to Belarusian carriers, forcing their planes to land in Russia instead.',
      '2021-05-24',
      { 'belarus--ukraine': 'deteriorating' },
    ],
    [
      'Greece closed its ports to the Russian tanker, forcing it to travel to Turkey instead.',
      '2022-03-01',
      { 'greece--russia': 'deteriorating' },
    ],
  ])

  pairTable('reads "the NATO allies" as members, not the alliance', [
    [
      'Hungary summoned the Polish ambassador on Friday, deepening a rift between the two EU members.',
      '2022-03-01',
      { 'hungary--poland': 'deteriorating' },
    ],
    [
      'Cambodia accused Thailand of shelling its temple, straining ties between the ASEAN members.',
      '2011-02-05',
      { 'cambodia--thailand': 'deteriorating' },
    ],
    [
      'France accused Britain of failing to stop migrant boats, souring ties between the two NATO allies.',
      '2021-11-25',
      { 'france--united-kingdom': 'deteriorating' },
    ],
  ])

  pairTable('reads a country before its company (Samsung Electronics) as no party', [
    ["Germany's Volkswagen AG pledged to expand its investment in China.", '2022-01-01', {}],
    ["Japan's Nippon Steel Corp agreed to buy a U.S. rival for $14 billion.", '2023-12-18', {}],
    ["China's Huawei Technologies Co signed a 5G partnership with Thailand's True Corp.", '2019-06-01', {}],
  ])
})

describe('measures and attacks on what a country owns', () => {
  pairTable("aim a measure against a country's goods or people at the country", [
    [
      'Beijing halted imports of Taiwanese grapes on Monday, citing pests.',
      '2022-03-01',
      { 'china--taiwan': 'deteriorating' },
    ],
    ['India suspended visas for Canadian nationals on Thursday.', '2023-09-21', { 'canada--india': 'deteriorating' }],
    [
      'Russia banned imports of Moldovan wine, citing quality concerns.',
      '2013-09-10',
      { 'moldova--russia': 'deteriorating' },
    ],
    [
      'The United States imposed tariffs on Chinese steel and aluminium.',
      '2018-03-08',
      { 'china--united-states': 'deteriorating' },
    ],
    ['China slapped tariffs of up to 200% on Australian wine.', '2020-11-27', { 'australia--china': 'deteriorating' }],
  ])

  pairTable("aim an attack on a country's island, town or boat at the country", [
    [
      'Azerbaijani artillery shelled the Armenian town of Jermuk on Tuesday.',
      '2022-09-13',
      { 'armenia--azerbaijan': 'deteriorating' },
    ],
    [
      'Israeli forces shelled a Lebanese village near the border.',
      '2023-10-15',
      { 'israel--lebanon': 'deteriorating' },
    ],
    [
      'Houthi missiles struck a Danish cargo ship in the Red Sea.',
      '2024-01-01',
      { 'denmark--houthis': 'deteriorating' },
    ],
    [
      'Indian troops shelled Pakistani villages along the Line of Control.',
      '2021-04-01',
      { 'india--pakistan': 'deteriorating' },
    ],
  ])
})

describe('refusing a hostile act', () => {
  pairTable('is no hostility toward its would-be target or agent ("lawmakers reject Syria strike")', [
    ['Dutch senate rejects Syria airstrikes', '2015-10-01', {}],
    ["Italy's senate rules out Syria strike participation", '2013-08-30', {}],
    ['German lawmakers voted against taking part in Libya air strikes.', '2011-03-18', {}],
    ['German lawmakers ruled out any role in a strike on Syria.', '2013-09-01', {}],
    ["Mexico's senate rejected a Venezuela intervention, calling for dialogue.", '2019-01-30', {}],
    ['The Dutch parliament rejected Iran sanctions proposed by the government.', '2013-08-29', {}],
  ])

  pairTable('still reads a rejected proposal of the other side as a rejection ("would reject any proposal …")', [
    [
      'North Korea said it would reject any plan to scrap its missiles, a step the United States has been pressing for.',
      '2018-05-01',
      { 'north-korea--united-states': 'deteriorating' },
    ],
    [
      'Venezuela rejected a proposal by Colombia to open a humanitarian corridor.',
      '2021-01-01',
      { 'colombia--venezuela': 'deteriorating' },
    ],
  ])
})

describe('causes of feelings', () => {
  // Whoever stirs the feeling must not become the object of "resisting pressure": no deteriorating signal at all.
  it.each<PairCase>([
    [
      "Seoul agreed to reopen talks with Pyongyang, resisting calls from lawmakers alarmed by North Korea's missile tests.",
      '2018-01-09',
      { 'north-korea--south-korea': 'improving' },
    ],
    [
      "Obama moved to restore ties with Cuba, resisting demands from officials angered by Havana's crackdown.",
      '2015-07-01',
      { 'cuba--united-states': 'improving' },
    ],
    [
      "Tokyo resumed high-level talks with Beijing, resisting pressure from officials angered by China's seafood ban.",
      '2023-12-01',
      { 'china--japan': 'improving' },
    ],
    [
      "Berlin kept buying Russian gas, resisting demands from ministers outraged by Moscow's troop build-up.",
      '2022-02-10',
      {},
    ],
  ])(
    'are not the object of the act before them ("pressure from lawmakers angered by Pyongyang"): %s',
    (text, date, expected) => {
      expect(pairs(text, date)).toEqual(expected)
      expect(signals(text, date).filter((s) => s.direction === 'deteriorating')).toEqual([])
    },
  )
})

describe('suspended improvements', () => {
  pairTable(
    'read talks, trips and treaties postponed, called off or suspended as frozen or deteriorating, not as the talks',
    [
      ['Pakistan postponed talks with India indefinitely.', '2019-06-01', { 'india--pakistan': 'deteriorating' }],
      ['Taliban postpone talks with Pakistan', '2023-01-01', { 'afghanistan--pakistan': 'deteriorating' }],
      ["Sudan's army suspended talks with the RSF in Jeddah.", '2023-05-31', { 'rsf--sudan': 'deteriorating' }],
      [
        'Trump called off the summit with Kim Jong Un.',
        '2018-05-24',
        { 'north-korea--united-states': 'deteriorating' },
      ],
      [
        'The Philippines terminated its visiting forces agreement with the United States.',
        '2020-02-11',
        { 'philippines--united-states': 'deteriorating' },
      ],
      ['Erdogan cancelled a planned visit to Israel.', '2023-11-01', { 'israel--turkey': 'deteriorating' }],
    ],
  )
})

describe('gaps found by the varied tables', () => {
  pairTable('a blocker stands against the bidder whose bid it blocks', [
    [
      "France blocked North Macedonia's bid to join the European Union on Friday.",
      '2019-10-18',
      { 'france--north-macedonia': 'deteriorating', 'eu--north-macedonia': 'improving' },
    ],
    [
      "Greece vetoed Turkey's application to join the bloc's defence fund.",
      '2021-06-10',
      { 'greece--turkey': 'deteriorating' },
    ],
    [
      "Hungary blocked Sweden's bid to join NATO for another month.",
      '2023-02-20',
      { 'hungary--sweden': 'deteriorating', 'nato--sweden': 'improving' },
    ],
  ])

  pairTable("backing another actor's bid is support for that actor, not membership of what it joins", [
    [
      "Turkey backed Finland's bid to join NATO on Thursday.",
      '2023-03-30',
      { 'finland--turkey': 'improving', 'finland--nato': 'improving' },
    ],
    [
      "Germany endorsed Ukraine's bid to join the European Union.",
      '2022-06-17',
      { 'germany--ukraine': 'improving', 'eu--ukraine': 'improving' },
    ],
    [
      "Brazil supported Argentina's bid to join the BRICS group.",
      '2023-08-22',
      { 'argentina--brazil': 'improving', 'argentina--brics': 'improving' },
    ],
  ])

  pairTable('an improvement just after a suspension is what is suspended', [
    [
      'Russia suspended its participation in the New START treaty with the United States.',
      '2023-02-21',
      { 'russia--united-states': 'deteriorating' },
    ],
    ['India called off foreign secretary talks with Pakistan.', '2015-08-22', { 'india--pakistan': 'deteriorating' }],
    [
      'Seoul suspended its military agreement with Pyongyang on Tuesday.',
      '2023-11-22',
      { 'north-korea--south-korea': 'deteriorating' },
    ],
  ])

  pairTable('those warned against an act do it, not the one who warns', [
    [
      'The United States warned Beijing and Tehran against supplying weapons to Russia.',
      '2022-03-20',
      {
        'china--united-states': 'deteriorating',
        'iran--united-states': 'deteriorating',
        'china--russia': 'improving',
        'iran--russia': 'improving',
      },
    ],
    [
      'Berlin warned Belgrade against supplying weapons to Moscow.',
      '2023-01-10',
      { 'germany--serbia': 'deteriorating', 'russia--serbia': 'improving' },
    ],
    [
      'Washington cautioned Israel against striking Lebanon.',
      '2024-09-20',
      { 'israel--united-states': 'deteriorating', 'israel--lebanon': 'deteriorating' },
    ],
  ])

  pairTable('a co-subject marker after a comma adds subjects wherever it stands in the clause', [
    [
      'Spain recognised Palestine as a state on Tuesday, along with Ireland and Norway.',
      '2024-05-28',
      { 'palestine--spain': 'improving', 'ireland--palestine': 'improving', 'norway--palestine': 'improving' },
    ],
    [
      'Italy expelled 30 Russian diplomats, along with Denmark and Sweden.',
      '2022-04-05',
      { 'italy--russia': 'deteriorating', 'denmark--russia': 'deteriorating', 'russia--sweden': 'deteriorating' },
    ],
    [
      "Australia imposed travel bans on Myanmar's generals, together with New Zealand.",
      '2021-02-22',
      { 'australia--myanmar': 'deteriorating', 'myanmar--new-zealand': 'deteriorating' },
    ],
    [
      'Germany pledged new aid to Ukraine, alongside France.',
      '2022-06-01',
      { 'germany--ukraine': 'improving', 'france--ukraine': 'improving' },
    ],
  ])

  pairTable('entry barred and cities hit are aimed at their country', [
    ['Estonia barred entry to Russian tourists on Monday.', '2022-09-19', { 'estonia--russia': 'frozen' }],
    [
      'Russian missiles hit the Ukrainian city of Odesa overnight.',
      '2023-07-20',
      { 'russia--ukraine': 'deteriorating' },
    ],
    ['Israeli jets hit the Syrian port of Latakia on Tuesday.', '2021-12-28', { 'israel--syria': 'deteriorating' }],
  ])
})
