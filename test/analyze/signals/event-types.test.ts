// Each signal names the PLOVER type of the act it reports. One row per type and per way of saying it: other
// actors, other tenses, headlines and nominal forms, so each row proves the rule rather than the sentence.
import { describe, expect, it } from 'vitest'
import { analyzeText } from '../../../src/analyze/analyze-text.ts'
import type { Direction, EventType } from '../../../src/types.ts'

const ROWS: [string, string, string, EventType, Direction][] = [
  [
    'Ghana and Togo signed a border demarcation agreement in Accra on Tuesday.',
    '2023-03-14',
    'ghana--togo',
    'AGREE',
    'improving',
  ],
  ['Armenia, Azerbaijan agree to draft peace treaty', '2023-05-14', 'armenia--azerbaijan', 'AGREE', 'improving'],
  [
    'The Peruvian foreign minister met his Chilean counterpart in Lima to discuss fishing rights.',
    '2019-08-02',
    'chile--peru',
    'CONSULT',
    'improving',
  ],
  [
    'Kenyan President William Ruto telephoned Tanzanian President Samia Suluhu Hassan on Friday.',
    '2023-06-09',
    'kenya--tanzania',
    'CONSULT',
    'improving',
  ],
  [
    'Norway praised Colombia for its efforts to disarm the last rebel holdouts.',
    '2022-11-03',
    'colombia--norway',
    'SUPPORT',
    'improving',
  ],
  ['Japan congratulates Indonesia on a peaceful election', '2024-02-20', 'indonesia--japan', 'SUPPORT', 'improving'],
  [
    'Belarus freed fourteen Lithuanian fishermen it had detained near the border.',
    '2022-09-18',
    'belarus--lithuania',
    'CONCEDE',
    'improving',
  ],
  [
    'Thailand and Cambodia will hold joint naval patrols in the Gulf of Thailand from next month.',
    '2025-03-01',
    'cambodia--thailand',
    'COOPERATE',
    'improving',
  ],
  [
    'Mongolia and Kazakhstan restored direct flights between their capitals after a four-year pause.',
    '2023-07-10',
    'kazakhstan--mongolia',
    'COOPERATE',
    'improving',
  ],
  [
    'Qatar pledged $60 million in humanitarian aid to Sudan at a donors conference in Paris.',
    '2024-04-15',
    'qatar--sudan',
    'AID',
    'improving',
  ],
  ['Vietnam donated 5,000 tonnes of rice to Laos after the floods.', '2018-08-01', 'laos--vietnam', 'AID', 'improving'],
  [
    'Uganda began withdrawing its troops from South Sudan on Monday.',
    '2015-10-12',
    'south-sudan--uganda',
    'RETREAT',
    'improving',
  ],
  [
    'Serbia accused Croatia of stoking ethnic tensions ahead of the vote.',
    '2021-06-20',
    'croatia--serbia',
    'ACCUSE',
    'deteriorating',
  ],
  ['Peru condemns Bolivian interference in its affairs', '2023-01-12', 'bolivia--peru', 'ACCUSE', 'deteriorating'],
  [
    'Egypt rejected an Ethiopian proposal to share data on the dam, calling it a stalling tactic.',
    '2021-04-10',
    'egypt--ethiopia',
    'REJECT',
    'deteriorating',
  ],
  [
    'North Korea threatened to retaliate against South Korea over the leaflet launches.',
    '2020-06-13',
    'north-korea--south-korea',
    'THREATEN',
    'deteriorating',
  ],
  [
    'Algeria lodged a formal protest with Spain over its shift on Western Sahara.',
    '2022-03-20',
    'algeria--spain',
    'PROTEST',
    'deteriorating',
  ],
  [
    'The Netherlands summoned the Iranian ambassador after the executions.',
    '2023-01-08',
    'iran--netherlands',
    'PROTEST',
    'deteriorating',
  ],
  [
    'Australia imposed targeted sanctions on Myanmar military officials.',
    '2023-02-01',
    'australia--myanmar',
    'SANCTION',
    'deteriorating',
  ],
  [
    'Niger severed diplomatic ties with Ukraine over comments by a Ukrainian intelligence official.',
    '2024-08-06',
    'niger--ukraine',
    'SANCTION',
    'deteriorating',
  ],
  [
    'Azerbaijan massed troops and artillery along its border with Armenia.',
    '2022-09-10',
    'armenia--azerbaijan',
    'MOBILIZE',
    'deteriorating',
  ],
  [
    'Russia expelled two Estonian diplomats on Friday in a tit-for-tat move.',
    '2022-08-26',
    'estonia--russia',
    'COERCE',
    'deteriorating',
  ],
  [
    'The Indonesian navy seized a Vietnamese fishing boat off the Natuna islands.',
    '2023-05-02',
    'indonesia--vietnam',
    'COERCE',
    'deteriorating',
  ],
  [
    'Turkish drones struck PKK positions in northern Iraq overnight.',
    '2022-11-20',
    'pkk--turkey',
    'ASSAULT',
    'deteriorating',
  ],
  [
    'Kenyan and Somali troops clashed with al-Shabaab fighters near the border town of Mandera.',
    '2015-06-14',
    'al-shabaab--kenya',
    'ASSAULT',
    'deteriorating',
  ],
]

describe('event type of a signal', () => {
  it.each(ROWS)('%s → %s %s %s', (text, date, pair, type, direction) => {
    const signals = analyzeText(text, { date }).signals.filter((s) => s.pair === pair)
    expect(
      signals.map((s) => `${s.eventType} ${s.direction}`),
      JSON.stringify(analyzeText(text, { date }).signals.map((s) => [s.pair, s.eventType, s.direction])),
    ).toContain(`${type} ${direction}`)
  })

  it('names the undoing of an act by the type it becomes: lifting sanctions concedes, ending a boycott too', () => {
    const lifted = analyzeText('Canada ended its boycott of Belarusian potash imports after the prisoner release.', {
      date: '2025-09-01',
    }).signals
    expect(lifted.find((s) => s.pair === 'belarus--canada')).toMatchObject({
      direction: 'improving',
      eventType: 'CONCEDE',
    })
  })
})
