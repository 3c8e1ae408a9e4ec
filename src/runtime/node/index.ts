// The Node adapter: everything Node-only (SQLite, files, the HTTP server and its compression, the guarded fetch
// that checks addresses at connect time, the logger), re-exported for the entry (src/node.ts), the CLI and tests.
export { consoleLogger } from './console-logger.ts'
export { guardedFetch } from './guarded-fetch.ts'
export { demoDbPath, nodeConfig, openSqlite, readMigrations, readSourceFile, ROOT } from './node-config.ts'
export { cachingStatements, type SqliteDb } from './sqlite-db.ts'
export { startDemo } from './start-demo.ts'
export { nodePollDeps, startServer } from './start-server.ts'
export { withCompression } from './with-compression.ts'
