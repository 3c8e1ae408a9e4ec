// Runs in Node: serves the feed fixtures on 127.0.0.1 (test/helpers/fixture-feeds.ts) for the Worker under test.
import type { TestProject } from 'vitest/node'
import { startFixtureFeeds } from '../helpers/fixture-feeds.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    feedBase: string
  }
}

let feeds: Awaited<ReturnType<typeof startFixtureFeeds>> | undefined

export async function setup(project: TestProject) {
  feeds = await startFixtureFeeds()
  project.provide('feedBase', feeds.base)
}

export async function teardown() {
  await feeds?.close()
}
