import { describe, expect, it } from 'vitest'
import { cueArguments, rollups } from '../cue-arguments.ts'

/** A sentence, its date, and the cue with its subjects and objects that it must yield. */
type ArgCase = [text: string, date: string, expected: string]

/** A rule's table: one test per row; `only` when the row's cue must be the sentence's only one. */
function argTable(rule: string, rows: ArgCase[], only = false): void {
  it.each(rows)(`${rule}: %s`, (text, date, expected) => {
    if (only) expect(args(text, date)).toEqual([expected])
    else expect(args(text, date)).toContain(expected)
  })
}

/** Each cue of the sentence with the rollups of its subjects and objects. */
function args(sentence: string, date = '2024-05-01'): string[] {
  return cueArguments(sentence, date).cues.map(
    ({ cue, args: a }) => `${cue.cue.id}: ${rollups(a.subjects)} > ${rollups(a.objects)}`,
  )
}

describe('ArgumentFinder', () => {
  argTable(
    'takes the first actor phrase after the cue as its object, coordination included',
    [
      [
        'Russia cut off gas supplies to Bulgaria and Poland.',
        '2022-04-27',
        'sanction.suspend: russia > bulgaria+poland',
      ],
      [
        'Turkey summoned the envoys of Germany, France and the Netherlands.',
        '2017-03-12',
        'protest.summon-envoy: turkey > germany+france+netherlands',
      ],
      [
        'Erdogan ordered the expulsion of the ambassadors of Germany and the United States.',
        '2021-10-23',
        'coerce.expel-envoy: turkey > germany+united-states',
      ],
    ],
    true,
  )

  argTable('takes the object of "deter X from" or "accused X of" as the subject of the complement', [
    [
      'Britain moved warships to the Baltic to deter Russia and Belarus from attacking Lithuania.',
      '2024-04-10',
      'assault.strike: russia+belarus > lithuania',
    ],
    [
      'Beijing staged drills near the island to deter Taiwan and the Philippines from deepening ties with Washington.',
      '2019-04-01',
      'cooperate.repair-ties: taiwan+philippines > united-states',
    ],
    [
      'Lebanon accused Israel of striking Syria from Lebanese airspace.',
      '2018-02-10',
      'assault.strikes: israel > syria',
    ],
  ])

  argTable(
    'reads a passive with its by-phrase as the agent',
    [
      [
        'Fresh tariffs were slapped on Chinese goods by Washington.',
        '2022-09-01',
        'sanction.sanctions-passive: united-states > china',
      ],
      [
        'Sanctions have been imposed on Myanmar by Britain and Canada.',
        '2021-02-18',
        'sanction.sanctions-passive: united-kingdom+canada > myanmar',
      ],
      [
        'The Iranian envoy was summoned by the German foreign office.',
        '2023-06-01',
        'coerce.envoy-passive: germany > iran',
      ],
      ['A Chinese diplomat has been expelled by Canada.', '2023-05-08', 'coerce.envoy-passive: canada > china'],
    ],
    true,
  )

  it("gives a relative clause its own subject, never the main clause's", () => {
    expect(args('Chile declined to join the group of countries that condemned Peru.')).toContain(
      'accuse.condemn: - > peru',
    )
  })

  it('reads the possessor of a state noun as its patient ("lifted Gabon\'s suspension")', () => {
    expect(args("The African Union lifted Gabon's suspension.")).toEqual(['accuse.state-noun: african-union > gabon'])
  })

  argTable('skips the subject named again in a passive by-phrase and takes the real object', [
    [
      'A Taliban delegation landed in Doha on Monday, the first trip by the movement to Qatar in two years.',
      '2018-06-12',
      'consult.visit: taliban > qatar',
    ],
    [
      'Hamas officials arrived in Cairo, the first visit by the group to Egypt this year.',
      '2020-02-10',
      'consult.visit: hamas > egypt',
    ],
  ])

  argTable('takes an owner after "over" as the target of an objection, unless a party comes first', [
    [
      "The minister voiced concern over Serbia's plans to buy Chinese missiles.",
      '2022-12-01',
      'accuse.doubt: - > serbia',
    ],
    [
      "The senator cast fresh doubt over Ukraine's hopes of a quick NATO accession.",
      '2023-06-01',
      'accuse.doubt: - > ukraine',
    ],
    [
      "The commissioner expressed reservations over Georgia's commitment to reform.",
      '2024-05-20',
      'accuse.doubt: - > georgia',
    ],
    [
      "Officials raised serious misgivings over Hungary's rule-of-law record.",
      '2021-06-01',
      'accuse.doubt: - > hungary',
    ],
    ["Japan voiced concern about China's military build-up.", '2024-05-01', 'accuse.doubt: japan > china'],
  ])

  argTable('takes "delegates at X" and "envoys from X" as X acting, not as an oblique', [
    [
      "Delegates at Libya's national dialogue called on Haftar's forces to withdraw from Sirte.",
      '2021-07-01',
      'request.urge: libya > libyan-national-army',
    ],
    [
      "Delegates at Afghanistan's loya jirga called on the Taliban to join peace talks.",
      '2019-08-01',
      'request.urge: afghanistan > taliban',
    ],
    ['Negotiators from Egypt pressed Hamas to accept the truce.', '2024-05-01', 'request.urge: egypt > hamas'],
    [
      "Diplomats from Norway urged the Taliban to reopen girls' schools.",
      '2021-09-01',
      'request.urge: norway > afghanistan',
    ],
    ['Envoys from Qatar urged Hamas to accept the proposal.', '2024-05-01', 'request.urge: qatar > hamas'],
  ])
})
