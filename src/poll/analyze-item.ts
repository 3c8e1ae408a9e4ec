// One stored item through the engine, the same way for a poll and for re-analysis: signals and the article's own
// verdict per pair (what `entente analyze` prints for that text and date). A backlog item is never analysed.
import { analyzeText } from '../analyze/analyze-text.ts'
import type { Engine } from '../analyze/engine.ts'
import { engineVersion } from '../analyze/engine-version.ts'
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

export function analyzeItem(text: string, published: string, dating: ItemDating, analyzer: Analyzer): ItemAnalysis {
  if (dating === 'backlog') return { signals: [], verdicts: [] }
  const { signals, pairs } = analyzeText(text, { date: published.slice(0, 10), ...(analyzer.engine ? { engine: analyzer.engine } : {}) })
  return { signals, verdicts: pairs }
}
