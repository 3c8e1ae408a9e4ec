// Armed forces, commands, intelligence services and state companies that act for a state. Each rolls up to
// its state (`parent`), so "the PLA held drills around Taiwan" is China–Taiwan. Generic forms ("Chinese troops",
// "Iran's army") need no entry: a demonym or possessive before a party noun already names the state.

import type { ActorData } from './actor-data.ts'

const organ = (id: string, name: string, parent: string, aliases: string[], kind: ActorData['kind'] = 'armed-group', nouns: string[] = ['military', 'army', 'armed forces']): ActorData => ({
  id,
  name,
  kind,
  aliases,
  parent,
  nouns,
})

export const stateOrgans: ActorData[] = [
  organ('pla', "People's Liberation Army", 'china', ['PLA', "Chinese People's Liberation Army", 'PLA Navy', 'PLA Air Force', 'PLA Rocket Force', 'Eastern Theater Command', 'Eastern Theatre Command', 'Southern Theater Command', 'China Coast Guard', 'Chinese Coast Guard']),
  organ('idf', 'Israel Defense Forces', 'israel', ['IDF', 'Israel Defence Forces', 'Israeli Defense Forces', 'Israeli Defence Forces', 'Tsahal']),
  organ('us-commands', 'U.S. combatant commands', 'united-states', ['U.S. Africa Command', 'US Africa Command', 'AFRICOM', 'U.S. Central Command', 'US Central Command', 'CENTCOM', 'U.S. Indo-Pacific Command', 'US Indo-Pacific Command', 'INDOPACOM', 'U.S. European Command', 'US European Command', 'EUCOM', 'U.S. Southern Command', 'SOUTHCOM', 'U.S. Forces Korea', 'US Forces Korea', 'USFK', 'U.S. Navy', 'US Navy', 'U.S. Army', 'US Army', 'U.S. Air Force', 'US Air Force', 'U.S. military', 'US military']),
  organ('russian-armed-forces', 'Russian Armed Forces', 'russia', ['Russian Aerospace Forces', 'Black Sea Fleet', 'Northern Fleet', 'Pacific Fleet', 'Rosgvardia', 'Russian National Guard']),
  organ('ukrainian-armed-forces', 'Armed Forces of Ukraine', 'ukraine', ['Ukrainian Armed Forces', 'Ukraine’s Armed Forces']),
  organ('kpa', "Korean People's Army", 'north-korea', ['KPA', "North Korean People's Army"]),
  organ('jsdf', 'Japan Self-Defense Forces', 'japan', ['Self-Defense Forces', 'Self-Defence Forces', 'JSDF']),
  organ('pakistan-army', 'Pakistan Army', 'pakistan', ['ISPR', 'Inter-Services Public Relations']),
  organ('bundeswehr', 'Bundeswehr', 'germany', []),
  organ('turkish-armed-forces', 'Turkish Armed Forces', 'turkey', ['TSK']),
  organ('saudi-led-coalition', 'Saudi-led coalition', 'saudi-arabia', ['Saudi-led military coalition', 'Arab coalition'], 'armed-group', ['coalition']),
  // intelligence and security services
  organ('mossad', 'Mossad', 'israel', ['Shin Bet', 'Shabak'], 'government', ['agency', 'spy agency']),
  organ('us-intelligence', 'CIA', 'united-states', ['Central Intelligence Agency', 'FBI', 'NSA', 'Office of the Director of National Intelligence'], 'government', ['agency', 'spy agency']),
  organ('russian-intelligence', 'FSB', 'russia', ['Federal Security Service', 'GRU', 'SVR', 'Foreign Intelligence Service'], 'government', ['agency', 'spy agency']),
  organ('uk-intelligence', 'MI6', 'united-kingdom', ['Secret Intelligence Service', 'MI5', 'GCHQ'], 'government', ['agency', 'spy agency']),
  organ('isi', 'Inter-Services Intelligence', 'pakistan', ['ISI'], 'government', ['agency', 'spy agency']),
  organ('sbu', 'Security Service of Ukraine', 'ukraine', ['SBU', 'HUR', 'GUR', 'Ukrainian military intelligence'], 'government', ['agency', 'spy agency']),
  organ('mss', 'Ministry of State Security', 'china', ['MSS'], 'government', ['agency', 'ministry']),
  // state companies that carry a state's quarrels
  organ('gazprom', 'Gazprom', 'russia', [], 'government', ['company', 'gas giant', 'monopoly']),
  organ('naftogaz', 'Naftogaz', 'ukraine', [], 'government', ['company']),
]
