#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx, so `npx entente` works right after `npm install`.
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../src/cli.ts')
process.exitCode = await main(process.argv.slice(2))
