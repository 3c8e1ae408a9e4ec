// The version of the analysis engine a signal was produced by, stored with every signal so that `reanalyze` knows
// what to redo after the engine changes. It changes when the code's revision is bumped (a change of rules) or when
// any reviewable data file changes (actors, office holders, cues, word lists): the data part is a hash of the data.
import { actorFiles } from './data/actors.ts'
import { contextWordFile } from './data/context-words.ts'
import { cueFiles, eventTypeFile, macroFile } from './data/cues.ts'
import inflectionsFile from './data/words/inflections.json' with { type: 'json' }

/** Bump when the engine's rules change in a way that changes its output. */
export const ENGINE_REVISION = 2

/** 32-bit FNV-1a of a string, as 8 hex digits. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 0).toString(16).padStart(8, '0')
}

let memo: string | null = null

/** "2.1a2b3c4d": the rules' revision and a digest of the data files. */
export function engineVersion(): string {
  memo ??= `${ENGINE_REVISION}.${fnv1a(JSON.stringify([actorFiles, cueFiles, eventTypeFile, macroFile, contextWordFile, inflectionsFile]))}`
  return memo
}
