// The gazetteer's data files, typed. The entries live in ./actors/*.json (one per line, in sections, with a header
// that names their sources; schemas in ./schema/); matching rules live in ../mentions/gazetteer.ts.
import nonActorsFile from './actors/non-actors.json' with { type: 'json' }
import officeHoldersFile from './actors/office-holders.json' with { type: 'json' }
import organizationsFile from './actors/organizations.json' with { type: 'json' }
import stateOrgansFile from './actors/state-organs.json' with { type: 'json' }
import statesFile from './actors/states.json' with { type: 'json' }
import type { ActorData, OfficeHolderData } from './actor-data.ts'
import { entriesOf, type DataFile } from './data-file.ts'

/** Sovereign, partially recognised and de facto states. */
export const states = entriesOf(statesFile as unknown as DataFile<ActorData>)
/** Armed groups, parties, movements and international organisations. */
export const organizations = entriesOf(organizationsFile as unknown as DataFile<ActorData>)
/** Armed forces, services and state companies that act for their state (each rolls up to it). */
export const stateOrgans = entriesOf(stateOrgansFile as unknown as DataFile<ActorData>)
/** People who speak for an actor while in office, with their dates. */
export const officeHolders = entriesOf(officeHoldersFile as unknown as DataFile<OfficeHolderData>)
/** Longer names that contain an actor's name but denote something else ("Gulf of Oman"). */
export const nonActorNames = entriesOf(nonActorsFile as unknown as DataFile<string>)

/** Every data file of the gazetteer, by its path under ./actors, for the schema and lint tests. */
export const actorFiles = {
  'states.json': statesFile,
  'organizations.json': organizationsFile,
  'state-organs.json': stateOrgansFile,
  'office-holders.json': officeHoldersFile,
  'non-actors.json': nonActorsFile,
} as const
