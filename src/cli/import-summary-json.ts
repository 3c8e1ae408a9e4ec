// The import summary as `entente import` prints it: snake_case like the poll summary and every other JSON Entente
// publishes. The totals are the poll summary's; each file is a source's report with its path and the items it holds.
import {
  runTotalsJson,
  sourceReportJson,
  type RunTotals,
  type RunTotalsJson,
  type SourceReportJson,
} from '../poll/poll-summary-json.ts'
import type { FileReport, ImportSummary } from './import-command.ts'

export type FileReportJson = SourceReportJson & { path: string; items: number }

export interface ImportSummaryJson extends RunTotalsJson {
  files: FileReportJson[]
}

function fileJson({ path, items, ...report }: FileReport): FileReportJson {
  return { path, ...sourceReportJson(report), items }
}

export function importSummaryJson({ files, ...totals }: ImportSummary): ImportSummaryJson {
  // A field of ImportSummary that is neither a total nor mapped here is a type error.
  const unmapped: Record<Exclude<keyof typeof totals, keyof RunTotals>, never> = {}
  void unmapped
  return { ...runTotalsJson(totals), files: files.map(fileJson) }
}
