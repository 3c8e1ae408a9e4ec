// Document-level verdicts: the signals of each pair weighed together, current news over history,
// changes over statements of where a relation stands.
import { DIRECTIONS, type Direction, type PairVerdict, type Signal } from '../../types.ts'

function voteWeight(s: Signal): number {
  let w = s.confidence * (0.5 + Math.abs(s.score))
  if (s.direction === 'stable') w *= 0.7
  // "met … unable to launch talks": that the relation is stuck is the news of the day
  if (s.direction === 'frozen') w *= 1.25
  return w
}

export function combinePairs(signals: Signal[]): PairVerdict[] {
  const byPair = new Map<string, Signal[]>()
  for (const s of signals) byPair.set(s.pair, [...(byPair.get(s.pair) ?? []), s])
  const out: PairVerdict[] = []
  for (const [pair, list] of byPair) {
    const votes = new Map<Direction, number>()
    let num = 0
    let den = 0
    let miss = 1
    for (const s of list) {
      const w = voteWeight(s)
      votes.set(s.direction, (votes.get(s.direction) ?? 0) + w)
      num += s.confidence * s.score
      den += s.confidence
      miss *= 1 - Math.min(0.95, s.confidence)
    }
    let direction: Direction = 'stable'
    let best = -1
    for (const d of ['frozen', 'deteriorating', 'improving', 'stable'] as Direction[]) {
      const v = votes.get(d) ?? 0
      if (v > best + 1e-9) {
        best = v
        direction = d
      }
    }
    // The score follows the winning direction's evidence so that sign and direction agree.
    const winners = list.filter((s) => s.direction === direction)
    const wNum = winners.reduce((n, s) => n + s.confidence * s.score, 0)
    const wDen = winners.reduce((n, s) => n + s.confidence, 0)
    const blended = den ? num / den : 0
    const score = wDen ? 0.7 * (wNum / wDen) + 0.3 * blended : blended
    out.push({
      pair,
      a: list[0]!.a,
      b: list[0]!.b,
      direction,
      score: Math.round(score * 1000) / 1000,
      confidence: Math.round((1 - miss) * 1000) / 1000,
      signals: list.length,
    })
  }
  void DIRECTIONS
  return out.sort((x, y) => y.confidence - x.confidence || x.pair.localeCompare(y.pair))
}
