// Pages rendered in headless Chromium: charts with one point per day of data, evidence links that resolve,
// no console errors; one screenshot per page type is kept in test-artifacts/.
import { existsSync, mkdirSync } from 'node:fs'
import { serve } from '@hono/node-server'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getEngine } from '../../src/analyze/engine.ts'
import { createApp } from '../../src/http/app.ts'
import { RenderCache } from '../../src/http/conditional.ts'
import { runPoll } from '../../src/poll/run-poll.ts'
import { withCompression } from '../../src/node.ts'
import { startFeedServer, staticFeed, type FeedServer } from '../helpers/feed-server.ts'
import { silentLog, tempDb } from '../helpers/temp-db.ts'

const CHROMIUM = '/usr/bin/chromium'
const has = existsSync(CHROMIUM)
if (!has && process.env.CI) throw new Error('chromium is missing: .ci/run installs it')
const ARTIFACTS = new URL('../../test-artifacts/', import.meta.url).pathname

const STORIES: [string, string][] = [
  ['Tue, 02 Jan 2018 09:00:00 GMT', 'Iran pledged its all-out support to Hamas after a senior delegation visited Tehran.'],
  ['Mon, 08 Jan 2018 10:00:00 GMT', 'Hamas and Iran have recently managed to repair their relations, a senior Hamas official said.'],
  ['Mon, 15 Jan 2018 10:00:00 GMT', 'Hamas has yet to resume diplomatic ties with Syria, and relations between Hamas and Iran remain strained over Syria.'],
  ['Mon, 22 Jan 2018 10:00:00 GMT', 'Saudi Arabia severed diplomatic relations with Iran after protesters stormed its embassy.'],
]

describe.skipIf(!has)('pages in headless Chromium', () => {
  let feeds: FeedServer
  let browser: Browser
  let close: () => Promise<void>
  let base = ''
  beforeAll(async () => {
    feeds = await startFeedServer()
    const items = STORIES.map(([date, text], i) => `<item><title>Story ${i + 1}</title><link>${feeds.url(`/articles/${i + 1}`)}</link><pubDate>${date}</pubDate><description>${text}</description></item>`)
    feeds.route('/feed.rss', staticFeed(`<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback Wire</title><link>${feeds.url('/')}</link>${items.join('')}</channel></rss>`))
    STORIES.forEach((_, i) => feeds.route(`/articles/${i + 1}`, (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' })
      res.end(`<!doctype html><title>Story ${i + 1}</title><p>Story ${i + 1}</p>`)
    }))
    const t = await tempDb()
    await runPoll({ fetch, db: t.db, now: () => new Date('2026-06-01T00:00:00Z'), log: silentLog }, [{ url: feeds.url('/feed.rss'), title: 'Loopback Wire' }])
    const app = createApp({ db: t.db, gazetteer: getEngine().gazetteer, baseUrl: 'http://placeholder', pollMinutes: 15, adminToken: null, cache: new RenderCache() })
    const server = serve({ fetch: withCompression((req) => app.fetch(req)), port: 0, hostname: '127.0.0.1' })
    await new Promise<void>((ok) => server.once('listening', () => ok()))
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    })
    mkdirSync(ARTIFACTS, { recursive: true })
    close = async () => {
      await browser.close()
      await new Promise<void>((ok) => server.close(() => ok()))
      await feeds.close()
      await t.cleanup()
    }
  }, 60_000)
  afterAll(() => close?.())

  const open = async (path: string, shot: string) => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } })
    const problems: string[] = []
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`)
    })
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
    const res = await page.goto(base + path)
    expect(res?.status()).toBe(200)
    await page.screenshot({ path: `${ARTIFACTS}${shot}.png`, fullPage: true })
    return { page, problems }
  }

  it('the pair page charts one point per day, links each point to its evidence, and every evidence link resolves', async () => {
    const { page, problems } = await open('/pairs/hamas--iran', 'pair-page')
    const days = await page.locator('section[id]').evaluateAll((els) => els.map((e) => e.id))
    expect(days.length).toBe(3)
    const points = await page.locator('svg.level-chart circle.shift').evaluateAll((els) => els.map((e) => e.getAttribute('data-day')))
    expect(points.sort()).toEqual([...days].sort())
    expect(await page.locator('svg.level-chart').getAttribute('role')).toBe('img')
    expect(await page.locator('svg.level-chart > title').textContent()).toBe('Hamas–Iran: alignment level over time')
    const links = await page.locator('blockquote a').evaluateAll((els) => els.map((e) => (e as HTMLAnchorElement).href))
    expect(links.length).toBeGreaterThanOrEqual(3)
    for (const href of new Set(links)) expect((await page.request.get(href)).status(), href).toBe(200)
    const feedsLinks = await page.locator('link[rel=alternate]').evaluateAll((els) => els.map((e) => e.getAttribute('type')))
    expect(feedsLinks).toEqual(['application/atom+xml', 'application/rss+xml', 'application/feed+json'])
    // The page's strict Content-Security-Policy admits its own stylesheet (by hash): the layout applies, and a
    // violation would be a console error.
    expect(await page.evaluate(() => getComputedStyle(document.body).maxWidth)).toBe('992px')
    expect(problems).toEqual([])
  })

  it('the home page lists recent movers with sparklines and feed autodiscovery', async () => {
    const { page, problems } = await open('/', 'home-page')
    const rows = page.locator('tbody tr')
    expect(await rows.count()).toBeGreaterThanOrEqual(3)
    expect(await page.locator('tbody tr svg.sparkline').count()).toBe(await rows.count())
    expect(await page.locator('link[rel=alternate][type="application/atom+xml"]').getAttribute('href')).toMatch(/\/feeds\/shifts\.atom$/)
    await page.locator('tbody a', { hasText: 'Hamas–Iran' }).click()
    expect(page.url()).toBe(`${base}/pairs/hamas--iran`)
    expect(problems).toEqual([])
  })

  it('the actor page lists the actor’s pairs, strongest movers first', async () => {
    const { page, problems } = await open('/actors/iran', 'actor-page')
    const partners = await page.locator('tbody th a').allTextContents()
    expect(partners).toEqual(expect.arrayContaining(['Hamas', 'Saudi Arabia']))
    expect(await page.locator('h1').textContent()).toBe('Iran')
    expect(problems).toEqual([])
  })
})
