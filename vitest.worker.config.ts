// Worker tests: the real Worker in workerd with a local D1 migrated from sql/ and a local queue.
import { join } from 'node:path'
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers'
import { defineConfig } from 'vitest/config'

export default defineConfig(async () => {
  const migrations = await readD1Migrations(join(import.meta.dirname, 'sql'))
  return {
    plugins: [
      cloudflareTest(({ inject }) => ({
        wrangler: { configPath: './wrangler.toml' },
        miniflare: {
          bindings: {
            TEST_MIGRATIONS: migrations,
            ENTENTE_SOURCES: `${inject('feedBase')}/sources.opml`,
            ENTENTE_BASE_URL: 'http://entente.test',
            ENTENTE_ADMIN_TOKEN: 'worker-admin-token',
            ENTENTE_ALLOW_HOSTS: new URL(inject('feedBase')).host,
          },
          // Two more databases for the store suites, which may hold three at once (test/worker/d1-store.test.ts), and
          // one never migrated, where every query fails as on a database that lost its tables.
          d1Databases: { DB2: 'entente-test-2', DB3: 'entente-test-3', UNMIGRATED: 'entente-test-unmigrated' },
          queueProducers: { POLL_QUEUE: 'entente-poll' },
          queueConsumers: { 'entente-poll': { maxBatchSize: 5, maxBatchTimeout: 0.05 } },
        },
      })),
    ],
    test: {
      include: ['test/worker/**/*.test.ts'],
      globalSetup: ['test/worker/global-setup.ts'],
      setupFiles: ['test/worker/apply-migrations.ts'],
      testTimeout: 60_000,
    },
  }
})
