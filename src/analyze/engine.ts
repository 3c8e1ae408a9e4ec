// Everything the analysis needs, built once from the data files.
import { cues } from './data/cues.ts'
import { officeHolders } from './data/office-holders.ts'
import { organizations } from './data/organizations.ts'
import { states } from './data/states.ts'
import { buildCorefIndex, type CorefIndex } from './find-mentions.ts'
import { Gazetteer } from './gazetteer.ts'
import { compileCues, type CompiledCue } from './match-cues.ts'

export interface Engine {
  gazetteer: Gazetteer
  coref: CorefIndex
  cues: CompiledCue[]
}

let shared: Engine | null = null

export function createEngine(): Engine {
  const gazetteer = new Gazetteer([...states, ...organizations], officeHolders)
  return { gazetteer, coref: buildCorefIndex(gazetteer), cues: compileCues(cues) }
}

/** The engine for this process (or isolate), built on first use. */
export function getEngine(): Engine {
  shared ??= createEngine()
  return shared
}
