// The Workers adapter: everything Workers-only (D1 behind Kysely, the Cache API, the queue, the guarded fetch for a
// runtime that cannot resolve names, the JSON logger), re-exported for the entry (src/worker.ts) and tests.
export { cacheApi } from './cache-api.ts'
export { d1Db, D1Dialect, type D1Like } from './d1-db.ts'
export { guardedFetch } from './guarded-fetch.ts'
export { jsonLogger } from './json-logger.ts'
export {
  enqueueDueSources,
  handleQueue,
  type PollMessage,
  type ReanalyzeMessage,
  type SourceMessage,
} from './queue-handler.ts'
export { settings, workerPollDeps, workerSources, type Bindings } from './worker-settings.ts'
