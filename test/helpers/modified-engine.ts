// A modified engine for re-analysis tests: the real gazetteer with a changed cue lexicon, under a version of its
// own, built from the real data files (nothing in src/analyze is changed). Exported too as a module a child process
// can import, so `reanalyze` can run a modified engine in a real process.
import { compileCues } from '../../src/analyze/cues/match-cues.ts'
import type { CueData } from '../../src/analyze/data/cue-data.ts'
import { cues } from '../../src/analyze/data/cues.ts'
import { getEngine } from '../../src/analyze/engine.ts'
import type { Analyzer } from '../../src/poll/analyze-item.ts'

export function engineWith(version: string, change: (cues: CueData[]) => CueData[]): Analyzer {
  return { engine: { ...getEngine(), cues: compileCues(change(cues)) }, version }
}

const DROPPED = new Set(['consult.talks-with', 'consult.stalled', 'consult.ended-without'])

/**
 * Severing ties read as an improvement, and talks no longer cue anything: over the sample feeds, Saudi Arabia–Iran
 * (2016) turns from deteriorating to improving and North Korea–United States (2019) loses all its evidence.
 */
export const flippedEngine = () =>
  engineWith('test-flipped', (list) =>
    list
      .filter((c) => !DROPPED.has(c.id))
      .map((c) => (c.id === 'sanction.sever-ties' ? { ...c, direction: 'improving', score: 0.6 } : c)),
  )
