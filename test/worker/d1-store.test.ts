// The store suites on D1 in workerd; test/store/sqlite.test.ts runs them on better-sqlite3.
import { storeSuites } from '../store/suites/store-suites.ts'
import { d1Dialect } from './d1-dialect.ts'

storeSuites(d1Dialect)
