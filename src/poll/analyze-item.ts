// One stored item through the engine, the same way for a poll and for re-analysis: signals and the article's own
// verdict per pair (what `entente analyze` prints for that text and date). A backlog item is never analysed, nor
// an item in a language the engine does not read: English cues matched in a Portuguese article quoting one English
// sentence would publish a reading of an article nobody read. Such items are stored and counted, not analysed.
import { analyzeText } from '../analyze/analyze-text.ts'
import type { Engine } from '../analyze/engine.ts'
import { engineVersion } from '../analyze/engine-version.ts'
import { isAnalysed } from '../ingest/detect-language.ts'
import type { ItemDating, PairVerdict, Signal } from '../types.ts'

/** The engine to analyse with and the version stored with what it produces (a test may inject a modified one). */
export interface Analyzer {
  engine?: Engine
  version: string
}

export const currentAnalyzer = (): Analyzer => ({ version: engineVersion() })

export interface ItemAnalysis {
  signals: Signal[]
  verdicts: PairVerdict[]
}

/** `language` is the item's detected ISO 639-3 code; null or absent for items stored before languages were detected. */
export function analyzeItem(
  text: string,
  published: string,
  dating: ItemDating,
  analyzer: Analyzer,
  language?: string | null,
): ItemAnalysis {
  if (dating === 'backlog' || !isAnalysed(language)) return { signals: [], verdicts: [] }
  const { signals, pairs } = analyzeText(text, {
    date: published.slice(0, 10),
    ...(analyzer.engine ? { engine: analyzer.engine } : {}),
  })
  return { signals, verdicts: pairs }
}
