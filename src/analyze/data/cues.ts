// The relation-cue lexicon, typed: one data file per PLOVER event type under ./cues/, each cue with its pattern,
// direction, score and weight, and the macros the patterns share. Macros are applied here; lemmas are expanded
// when the lexicon is compiled (../cues/match-cues.ts).
import accuse from './cues/accuse.json' with { type: 'json' }
import agree from './cues/agree.json' with { type: 'json' }
import aid from './cues/aid.json' with { type: 'json' }
import assault from './cues/assault.json' with { type: 'json' }
import coerce from './cues/coerce.json' with { type: 'json' }
import concede from './cues/concede.json' with { type: 'json' }
import consult from './cues/consult.json' with { type: 'json' }
import cooperate from './cues/cooperate.json' with { type: 'json' }
import macrosFile from './cues/macros.json' with { type: 'json' }
import mobilize from './cues/mobilize.json' with { type: 'json' }
import protest from './cues/protest.json' with { type: 'json' }
import reject from './cues/reject.json' with { type: 'json' }
import request from './cues/request.json' with { type: 'json' }
import retreat from './cues/retreat.json' with { type: 'json' }
import sanction from './cues/sanction.json' with { type: 'json' }
import support from './cues/support.json' with { type: 'json' }
import threaten from './cues/threaten.json' with { type: 'json' }
import eventTypesFile from './event-types.json' with { type: 'json' }
import { applyMacros } from '../cues/expand-lemmas.ts'
import type { CueData, EventType, EventTypeData } from './cue-data.ts'
import { entriesOf, type DataFile } from './data-file.ts'

/** Every cue file, by the event type it holds. */
export const cueFiles: Record<EventType, DataFile<CueData>> = {
  AGREE: agree,
  CONSULT: consult,
  SUPPORT: support,
  CONCEDE: concede,
  COOPERATE: cooperate,
  AID: aid,
  RETREAT: retreat,
  REQUEST: request,
  ACCUSE: accuse,
  REJECT: reject,
  THREATEN: threaten,
  PROTEST: protest,
  SANCTION: sanction,
  MOBILIZE: mobilize,
  COERCE: coerce,
  ASSAULT: assault,
} as unknown as Record<EventType, DataFile<CueData>>

export const macroFile = macrosFile as unknown as DataFile<{ name: string; pattern: string; note: string }>
export const macros = new Map(entriesOf(macroFile).map((m) => [m.name, m.pattern]))

export const eventTypeFile = eventTypesFile as unknown as DataFile<EventTypeData>
export const eventTypes = new Map(entriesOf(eventTypeFile).map((t) => [t.type, t]))

/** The lexicon as the matcher takes it: every cue of every type, macros applied, in file order. */
export const cues: CueData[] = Object.values(cueFiles).flatMap((f) => entriesOf(f).map((c) => ({ ...c, pattern: applyMacros(c.pattern, macros) })))
