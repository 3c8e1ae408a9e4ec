// A pair-day's shift row from its stored signals: the signals as the pure merge takes them, the merged day as a row
// (levels are filled in by the series later), and what a rewritten row keeps of the row it replaces.
import { mergeDay, type DaySignal } from './merge-day.ts'
import type { Direction, EventType, SignalFlag } from '../types.ts'
import type { ShiftRow, SignalRow } from '../store/schema.ts'

function daySignal(s: SignalRow): DaySignal {
  return {
    direction: s.direction as Direction,
    score: s.score,
    confidence: s.confidence,
    flags: JSON.parse(s.flags) as SignalFlag[],
    sentence: s.sentence,
    sourceUrl: s.source_url,
    sourceTitle: s.source_title,
    itemUrl: s.item_url,
    published: s.published,
    eventType: (s.event_type as EventType | null) ?? null,
    itemId: s.item_id,
    dateInferred: !!s.date_inferred,
    article: s.doc_direction
      ? { direction: s.doc_direction as Direction, score: s.doc_score ?? 0, confidence: s.doc_confidence ?? 0 }
      : null,
  }
}

/** The shift a day's signals make, before its levels are known. */
export function mergedRow(
  pair: string,
  day: string,
  sigs: SignalRow[],
  old: ShiftRow | undefined,
  at: string,
): ShiftRow {
  const [a, b] = pair.split('--') as [string, string]
  const merged = mergeDay(sigs.map(daySignal))
  return {
    id: `${pair}/${day}`,
    pair,
    a,
    b,
    day,
    direction: merged.direction,
    score: merged.score,
    confidence: merged.confidence,
    weight: merged.weight,
    level_before: 0,
    level_after: 0,
    level_num: null,
    level_den: null,
    sources: merged.sources,
    independent_sources: merged.independentSources,
    signals: merged.signals,
    evidence: JSON.stringify(merged.evidence),
    votes: JSON.stringify(merged.votes),
    published: old?.published ?? (merged.firstPublished < at ? merged.firstPublished : at),
    updated: old?.updated ?? at,
    // A correction stays visible on the entry for good.
    previous_direction: old?.withdrawn_at ? null : (old?.previous_direction ?? null),
    corrected_at: old?.withdrawn_at ? null : (old?.corrected_at ?? null),
    correction_reason: old?.withdrawn_at ? null : (old?.correction_reason ?? null),
    withdrawn_at: null,
  }
}
