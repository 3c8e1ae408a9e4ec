// Runs in Node: serves the feed fixtures on 127.0.0.1 for the Worker under test to poll.
import { readFileSync } from 'node:fs'
import type { TestProject } from 'vitest/node'
import { startFeedServer, staticFeed, type FeedServer } from '../helpers/feed-server.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    feedBase: string
  }
}

let server: FeedServer | undefined

export async function setup(project: TestProject) {
  const fixture = (name: string) => readFileSync(new URL(`../../feeds/samples/${name}`, import.meta.url))
  server = await startFeedServer({
    '/seed.rss': staticFeed(fixture('seed-rss.xml')),
    '/world.rdf': staticFeed(fixture('world-rdf.xml'), 'application/rdf+xml'),
    '/arabic.rss': staticFeed(fixture('arabic-1256.xml'), 'application/rss+xml; charset=windows-1256'),
    '/broken.xml': staticFeed(fixture('broken.xml')),
  })
  const outlines = ['/seed.rss', '/world.rdf', '/arabic.rss', '/broken.xml', '/missing.rss'].map((p) => `<outline text="Fixture ${p}" xmlUrl="${server!.url(p)}"/>`)
  server.route('/sources.opml', staticFeed(`<?xml version="1.0"?><opml version="2.0"><head><title>fixtures</title></head><body>${outlines.join('')}</body></opml>`, 'text/x-opml'))
  project.provide('feedBase', server.url('').replace(/\/$/, ''))
}

export async function teardown() {
  await server?.close()
}
