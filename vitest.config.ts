import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/worker/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // `npm run coverage`: lines of src/ the Node suite runs in its own processes. The Workers-only files run in
    // workerd (test/worker), where V8 coverage is not collected, and CLI child processes are not measured either.
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: ['src/worker.ts', 'src/runtime/workers/**', 'src/**/*.d.ts'],
      reporter: ['text-summary', 'text'],
    },
  },
})
