// Everything the analysis needs, built once from the data files.
import { cues } from './data/cues.ts'
import { nonActorNames, officeHolders, organizations, stateOrgans, states } from './data/actors.ts'
import { buildCorefIndex, type CorefIndex } from './mentions/find-mentions.ts'
import { Gazetteer } from './mentions/gazetteer.ts'
import { compileCues, type CueIndex } from './cues/match-cues.ts'

export interface Engine {
  gazetteer: Gazetteer
  coref: CorefIndex
  cues: CueIndex
}

let shared: Engine | null = null

export function createEngine(): Engine {
  const gazetteer = new Gazetteer([...states, ...organizations, ...stateOrgans], officeHolders, nonActorNames)
  return { gazetteer, coref: buildCorefIndex(gazetteer), cues: compileCues(cues) }
}

/** The engine for this process (or isolate), built on first use. */
export function getEngine(): Engine {
  shared ??= createEngine()
  return shared
}
