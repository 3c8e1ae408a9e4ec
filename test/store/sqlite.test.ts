// The store suites on better-sqlite3 (a fresh file per database); test/worker/d1-store.test.ts runs them on D1.
import { tempDb } from '../helpers/temp-db.ts'
import { storeSuites } from './suites/store-suites.ts'

storeSuites({ name: 'SQLite', open: tempDb })
