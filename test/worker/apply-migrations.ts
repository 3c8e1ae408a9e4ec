import { applyD1Migrations, env, type D1Migration } from 'cloudflare:test'

const bindings = env as unknown as { DB: D1Database; DB2: D1Database; DB3: D1Database; TEST_MIGRATIONS: D1Migration[] }
for (const d1 of [bindings.DB, bindings.DB2, bindings.DB3]) await applyD1Migrations(d1, bindings.TEST_MIGRATIONS)
