// Every store suite, for one dialect.
import { aggregateDirtySuite } from './aggregate-dirty-suite.ts'
import { aggregationRacesSuite } from './aggregation-races-suite.ts'
import { d1LimitsSuite } from './d1-limits-suite.ts'
import { sourcesStoreSuite } from './sources-store-suite.ts'
import type { StoreDialect } from './store-dialect.ts'

export function storeSuites(dialect: StoreDialect): void {
  aggregateDirtySuite(dialect)
  aggregationRacesSuite(dialect)
  sourcesStoreSuite(dialect)
  d1LimitsSuite(dialect)
}
