// Pages rendered in headless Chromium over the real app on 127.0.0.1, at a 390 px phone and a desktop: no horizontal
// scroll, charts that read with one day and with 500, networks whose every line and name is a link and whose labels
// neither overlap nor leave the drawing, HTML error pages, the legend, no console errors under the strict CSP.
// Screenshots of each page at both sizes are kept in test-artifacts/.
import { existsSync, mkdirSync } from 'node:fs'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getEngine } from '../../src/analyze/engine.ts'
import { createApp } from '../../src/http/app.ts'
import { RenderCache } from '../../src/http/conditional.ts'
import { runPoll } from '../../src/poll/run-poll.ts'
import { serveApp } from '../helpers/serve-app.ts'
import { startFeedServer, staticFeed, type FeedServer } from '../helpers/feed-server.ts'
import { silentLog, tempDb } from '../helpers/temp-db.ts'
import { requirement } from '../helpers/requirement.ts'

const CHROMIUM = '/usr/bin/chromium'
const has = existsSync(CHROMIUM)
requirement(has, 'chromium', 'apt-get install chromium (.ci/run does)')
const ARTIFACTS = new URL('../../test-artifacts/', import.meta.url).pathname
const PHONE = { width: 390, height: 844 }
const DESKTOP = { width: 1280, height: 900 }

const STORIES: [string, string][] = [
  [
    'Tue, 02 Jan 2018 09:00:00 GMT',
    'Iran pledged its all-out support to Hamas after a senior delegation visited Tehran.',
  ],
  [
    'Mon, 08 Jan 2018 10:00:00 GMT',
    'Hamas and Iran have recently managed to repair their relations, a senior Hamas official said.',
  ],
  [
    'Mon, 15 Jan 2018 10:00:00 GMT',
    'Hamas has yet to resume diplomatic ties with Syria, and relations between Hamas and Iran remain strained over Syria.',
  ],
  [
    'Mon, 22 Jan 2018 10:00:00 GMT',
    'Saudi Arabia severed diplomatic relations with Iran after protesters stormed its embassy.',
  ],
  [
    'Mon, 20 Jul 2015 09:00:00 GMT',
    'Cuba and the United States formally restored diplomatic relations, reopening embassies in Havana and Washington.',
  ],
]
/** Iran's partners in April 2019, long names included, some frozen, some falling out: 23 with Hamas, Saudi Arabia and Iraq. */
const PARTNERS = [
  ['the Democratic Republic of the Congo', 'improving'],
  ['Saint Vincent and the Grenadines', 'improving'],
  ['Bosnia and Herzegovina', 'improving'],
  ['the Central African Republic', 'frozen'],
  ['Papua New Guinea', 'improving'],
  ['Azerbaijan', 'deteriorating'],
  ['Turkmenistan', 'frozen'],
  ['Armenia', 'improving'],
  ['Oman', 'improving'],
  ['Qatar', 'improving'],
  ['Kuwait', 'frozen'],
  ['Bahrain', 'deteriorating'],
  ['the United Arab Emirates', 'deteriorating'],
  ['Pakistan', 'improving'],
  ['Afghanistan', 'frozen'],
  ['Venezuela', 'improving'],
  ['Malaysia', 'frozen'],
  ['Indonesia', 'improving'],
  ['Morocco', 'deteriorating'],
  ['Trinidad and Tobago', 'improving'],
] as const
/**
 * The pages are read the day after the latest shift: levels and directions are as of the day of reading, so read at
 * the wall clock years later every pair would be stable and faded.
 */
const READ_AT = new Date('2019-04-21T12:00:00Z')
const sentence = (partner: string, direction: string) =>
  direction === 'frozen'
    ? `Iran and ${partner} have yet to resume diplomatic ties.`
    : direction === 'deteriorating'
      ? `Iran expelled the ambassador of ${partner.replace(/^the /, '')}.`
      : `Iran and ${partner} agreed to expand trade.`

const rss = (feeds: FeedServer, title: string, items: { date: string; text: string; link: string }[]) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><link>${feeds.url('/')}</link>${items
    .map(
      (it, i) =>
        `<item><title>${title} ${i + 1}</title><guid>${title}-${i}</guid><link>${it.link}</link><pubDate>${it.date}</pubDate><description>${it.text}</description></item>`,
    )
    .join('')}</channel></rss>`

describe.skipIf(!has)('pages in headless Chromium', () => {
  let feeds: FeedServer
  let browser: Browser
  let close: () => Promise<void>
  let base = ''
  beforeAll(async () => {
    feeds = await startFeedServer()
    feeds.route(
      '/feed.rss',
      staticFeed(
        rss(
          feeds,
          'Loopback Wire',
          STORIES.map(([date, text], i) => ({ date, text, link: feeds.url(`/articles/${i + 1}`) })),
        ),
      ),
    )
    STORIES.forEach((_, i) =>
      feeds.route(`/articles/${i + 1}`, (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/html' })
        res.end(`<!doctype html><title>Story ${i + 1}</title><p>Story ${i + 1}</p>`)
      }),
    )
    // 500 days of Iran–Iraq news, twenty days up and twenty down: the longest series a chart must read.
    const series = Array.from({ length: 500 }, (_, i) => ({
      date: new Date(Date.UTC(2017, 10, 1 + i, 9)).toUTCString(),
      text: i % 40 < 20 ? 'Iran and Iraq agreed to expand trade.' : 'Iran accused Iraq of sheltering militants.',
      link: `https://series.example/${i}`,
    }))
    feeds.route('/series.rss', staticFeed(rss(feeds, 'Series', series)))
    feeds.route(
      '/partners.rss',
      staticFeed(
        rss(
          feeds,
          'Partners',
          PARTNERS.map(([p, d], i) => ({
            date: new Date(Date.UTC(2019, 3, 1 + i, 9)).toUTCString(),
            text: sentence(p, d),
            link: `https://partners.example/${i}`,
          })),
        ),
      ),
    )
    const t = await tempDb()
    const sources = ['/feed.rss', '/series.rss', '/partners.rss'].map((p) => ({
      url: feeds.url(p),
      title: `Loopback ${p}`,
    }))
    await runPoll({ fetch, db: t.db, now: () => READ_AT, log: silentLog }, sources)
    const app = createApp({
      db: t.db,
      gazetteer: getEngine().gazetteer,
      baseUrl: 'http://placeholder',
      pollMinutes: 15,
      adminToken: null,
      cache: new RenderCache(),
      now: () => READ_AT,
    })
    const served = await serveApp(app)
    base = served.origin
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    })
    mkdirSync(ARTIFACTS, { recursive: true })
    close = async () => {
      await browser.close()
      await served.close()
      await feeds.close()
      await t.cleanup()
    }
  }, 120_000)
  afterAll(() => close?.())

  /** Opens `path` at a viewport, checks there is no horizontal scroll, and keeps a full-page screenshot. */
  const open = async (path: string, shot: string, viewport = DESKTOP, status = 200) => {
    const page = await browser.newPage({ viewport })
    const problems: string[] = []
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`)
    })
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
    const res = await page.goto(base + path)
    expect(res?.status(), path).toBe(status)
    const { scroll, client } = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }))
    expect(scroll, `${path} at ${viewport.width} px scrolls sideways`).toBeLessThanOrEqual(client)
    await page.screenshot({
      path: `${ARTIFACTS}${shot}-${viewport === PHONE ? 'phone' : 'desktop'}.png`,
      fullPage: true,
    })
    return { page, problems }
  }

  /** The visible text boxes of an SVG: none overlaps another or leaves the drawing, and each renders at ≥ minPx. */
  const textBoxes = (page: Page, selector: string) =>
    page.locator(selector).evaluate((svg: SVGSVGElement) => {
      const frame = svg.getBoundingClientRect()
      const scale = frame.width / svg.viewBox.baseVal.width
      const boxes = [...svg.querySelectorAll('text')].map((t) => ({
        text: t.textContent ?? '',
        box: t.getBoundingClientRect(),
        px: Number(t.getAttribute('font-size')) * scale,
      }))
      const overlaps: string[] = []
      boxes.forEach((a, i) =>
        boxes.slice(i + 1).forEach((b) => {
          if (
            a.box.left < b.box.right - 0.5 &&
            b.box.left < a.box.right - 0.5 &&
            a.box.top < b.box.bottom - 0.5 &&
            b.box.top < a.box.bottom - 0.5
          )
            overlaps.push(`${a.text} / ${b.text}`)
        }),
      )
      const outside = boxes
        .filter(
          (b) =>
            b.box.left < frame.left - 0.5 ||
            b.box.right > frame.right + 0.5 ||
            b.box.top < frame.top - 0.5 ||
            b.box.bottom > frame.bottom + 0.5,
        )
        .map((b) => b.text)
      return {
        overlaps,
        outside,
        smallestPx: Math.min(...boxes.map((b) => b.px)),
        count: boxes.length,
        texts: boxes.map((b) => b.text),
      }
    })

  it('the pair page charts one point per day, links each point to its evidence, keeps each quote’s note, and every evidence link resolves', async () => {
    const { page, problems } = await open('/pairs/hamas--iran', 'pair-page')
    const days = await page.locator('section[id]').evaluateAll((els) => els.map((e) => e.id))
    expect(days.length).toBe(3)
    const points = await page
      .locator('svg.chart-wide circle.shift')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-day')))
    expect(points.sort()).toEqual([...days].sort())
    expect(await page.locator('svg.chart-wide a[href^="#"]').count()).toBe(3)
    expect(await page.locator('svg.chart-wide').getAttribute('role')).toBe('img')
    expect(await page.locator('svg.chart-wide > title').textContent()).toBe('Hamas–Iran: alignment level over time')
    expect(await page.locator('svg.chart-narrow').isVisible()).toBe(false)
    const links = await page.locator('blockquote a').evaluateAll((els) => els.map((e) => (e as HTMLAnchorElement).href))
    expect(links.length).toBeGreaterThanOrEqual(3)
    for (const href of new Set(links)) expect((await page.request.get(href)).status(), href).toBe(200)
    // Each quote says what it reports and which way it points.
    const notes = await page.locator('blockquote .note').allTextContents()
    expect(notes.length).toBeGreaterThanOrEqual(3)
    for (const note of notes)
      expect(note).toMatch(
        /^(AGREE|CONSULT|SUPPORT|CONCEDE|COOPERATE|AID|RETREAT|REQUEST|ACCUSE|REJECT|THREATEN|PROTEST|SANCTION|MOBILIZE|COERCE|ASSAULT) · (improving|deteriorating|frozen|stable)/,
      )
    const feedsLinks = await page
      .locator('link[rel=alternate]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('type')))
    expect(feedsLinks).toEqual(['application/atom+xml', 'application/rss+xml', 'application/feed+json'])
    // The page's strict Content-Security-Policy admits its own stylesheet (by hash): the layout applies, and a
    // violation would be a console error.
    expect(await page.evaluate(() => getComputedStyle(document.body).maxWidth)).toBe('992px')
    const axis = await textBoxes(page, 'svg.chart-wide')
    expect([axis.overlaps, axis.outside]).toEqual([[], []])
    expect(problems).toEqual([])
    const phone = await open('/pairs/hamas--iran', 'pair-page', PHONE)
    expect(await phone.page.locator('svg.chart-wide').isVisible()).toBe(false)
    const narrow = await textBoxes(phone.page, 'svg.chart-narrow')
    expect([narrow.overlaps, narrow.outside]).toEqual([[], []])
    expect(narrow.smallestPx).toBeGreaterThanOrEqual(10.5)
    expect(phone.problems).toEqual([])
  })

  it('charts 500 days legibly: dots shrink to their spacing, the axis labels what fits, the latest 100 days link to their evidence', async () => {
    for (const viewport of [DESKTOP, PHONE]) {
      const { page, problems } = await open('/pairs/iran--iraq', 'pair-500-days', viewport)
      const chart = viewport === PHONE ? 'svg.chart-narrow' : 'svg.chart-wide'
      expect(await page.locator(chart).isVisible()).toBe(true)
      expect(await page.locator(`${chart} circle.shift`).count()).toBe(500)
      expect(await page.locator(`${chart} a circle.shift`).count()).toBe(100)
      expect(await page.locator('section[id]').count()).toBe(100)
      const radius = Number(await page.locator(`${chart} circle.shift`).first().getAttribute('r'))
      expect(radius).toBeLessThan(2.5)
      const axis = await textBoxes(page, chart)
      expect([axis.overlaps, axis.outside]).toEqual([[], []])
      expect(axis.smallestPx).toBeGreaterThanOrEqual(10.5)
      // Year and month ticks between November 2017 and March 2019, more on the wide drawing.
      const ticks = await page.locator(`${chart} text.axis`).allTextContents()
      expect(ticks.length).toBeGreaterThanOrEqual(viewport === PHONE ? 3 : 6)
      expect(ticks.join(' ')).toMatch(/2018/)
      // Read 37 days after the last shift: the decay to the day of reading is drawn to scale, no break in the axis.
      expect(await page.locator(`${chart} > desc`).textContent()).toMatch(
        /^Alignment level from 2017-11-01 to 2019-04-21, .* level at the last shift [\d.]+, decayed to [\d.]+ by 2019-04-21 \(dashed\)\.$/,
      )
      expect(await page.locator(`${chart} line.decay`).count()).toBe(1)
      expect(await page.locator(`${chart} .axis-break`).count()).toBe(0)
      expect(problems).toEqual([])
    }
  })

  it('charts a single day as a dot with its date and level', async () => {
    for (const viewport of [DESKTOP, PHONE]) {
      const { page, problems } = await open('/pairs/cuba--united-states', 'pair-one-day', viewport)
      const chart = viewport === PHONE ? 'svg.chart-narrow' : 'svg.chart-wide'
      expect(await page.locator(`${chart} circle.shift`).count()).toBe(1)
      expect(await page.locator(`${chart} polyline`).count()).toBe(0)
      // Read almost four years later: the day keeps the middle of its history, and its decay to the day of reading
      // is drawn past a break in the axis, ending at that day's date and level.
      expect(await page.locator(`${chart} text.axis`).allTextContents()).toEqual(['2015-07-20', '2019-04-21'])
      expect(await page.locator(`${chart} text.last`).textContent()).toMatch(/^\+0\.\d\d$/)
      expect(await page.locator(`${chart} text.now`).textContent()).toBe('0.00')
      expect(await page.locator(`${chart} line.decay`).count()).toBe(1)
      expect(await page.locator(`${chart} .axis-break title`).textContent()).toBe(
        '1371 days without shifts between 2015-07-20 and 2019-04-21',
      )
      const dot = await page.locator(`${chart} circle.shift`).boundingBox()
      const frame = await page.locator(chart).boundingBox()
      // In the middle of the drawing, not squeezed against an edge.
      expect(Math.abs(dot!.x + dot!.width / 2 - (frame!.x + frame!.width / 2))).toBeLessThan(frame!.width * 0.1)
      const text = await textBoxes(page, chart)
      expect([text.overlaps, text.outside]).toEqual([[], []])
      expect(problems).toEqual([])
    }
  })

  it('the home page lists recent movers with sparklines, a network of the most active pairs and feed autodiscovery', async () => {
    const { page, problems } = await open('/', 'home-page')
    const rows = page.locator('table.pairs tbody tr')
    expect(await rows.count()).toBeGreaterThanOrEqual(3)
    expect(await page.locator('table.pairs tbody tr svg.sparkline').count()).toBe(await rows.count())
    expect(await page.locator('link[rel=alternate][type="application/atom+xml"]').getAttribute('href')).toMatch(
      /\/feeds\/shifts\.atom$/,
    )
    // The 30 days to the latest shift (20 April 2019): Iran's partners, 16 pairs at most.
    const network = page.locator('svg#pair-network')
    expect(await network.getAttribute('role')).toBe('group')
    expect(await network.locator('> title').textContent()).toBe('The most active pairs, 2019-03-22 to 2019-04-20')
    expect(await network.locator('a.edge').count()).toBe(16)
    const hrefs = await network.locator('a').evaluateAll((els) => els.map((e) => e.getAttribute('href')!))
    expect(hrefs.every((h) => /^\/(pairs\/[a-z0-9-]+--[a-z0-9-]+|actors\/[a-z0-9-]+)$/.test(h))).toBe(true)
    const labels = await textBoxes(page, 'svg#pair-network')
    expect([labels.overlaps, labels.outside]).toEqual([[], []])
    await page.locator('table.pairs tbody a', { hasText: 'Hamas–Iran' }).click()
    expect(page.url()).toBe(`${base}/pairs/hamas--iran`)
    expect(problems).toEqual([])
    const phone = await open('/', 'home-page', PHONE)
    const small = await textBoxes(phone.page, 'svg#pair-network')
    expect([small.overlaps, small.outside]).toEqual([[], []])
    expect(small.smallestPx).toBeGreaterThanOrEqual(10.5)
    // One card per pair: the sparkline and the last shift stay inside the screen.
    const card = await phone.page.locator('table.pairs tbody tr').first().boundingBox()
    expect(card!.x + card!.width).toBeLessThanOrEqual(PHONE.width)
    expect(phone.problems).toEqual([])
  })

  it('the actor page draws its ego network: a link per pair and per partner, coloured and weighted, frozen dashed, labelled for screen readers', async () => {
    const { page, problems } = await open('/actors/iran', 'actor-page')
    expect(await page.locator('h1').textContent()).toBe('Iran')
    const partners = await page.locator('table.pairs tbody th a').allTextContents()
    expect(partners).toEqual(expect.arrayContaining(['Hamas', 'Saudi Arabia', 'Iraq', 'Bosnia and Herzegovina']))
    const network = page.locator('svg#ego-network')
    expect(await network.locator('a.edge').count()).toBe(23)
    expect(await network.locator('a.node').count()).toBe(24)
    // As of the day of reading: the pairs whose evidence aged out (Hamas and Saudi Arabia, from 2018) are stable.
    expect(await network.locator('> desc').textContent()).toMatch(
      /^Iran and its 23 partners: \d+ improving, \d+ deteriorating, 5 frozen, 2 stable\. Each line links/,
    )
    const edges = await network.locator('a.edge').evaluateAll((els) =>
      els.map((a) => {
        const line = a.querySelector('.stroke')!
        return {
          href: a.getAttribute('href')!,
          label: a.getAttribute('aria-label')!,
          cls: a.getAttribute('class')!,
          width: Number(line.getAttribute('stroke-width')),
          dash: line.getAttribute('stroke-dasharray'),
          colour: line.getAttribute('stroke'),
        }
      }),
    )
    for (const e of edges) {
      expect(e.href).toMatch(/^\/pairs\/[a-z0-9-]+--[a-z0-9-]+$/)
      expect(e.label).toMatch(/^.+–.+: (improving|deteriorating|frozen|stable), level [+−]?\d\.\d\d$/)
      expect(e.dash !== null).toBe(e.cls.includes('frozen'))
    }
    expect(new Set(edges.map((e) => e.colour)).size).toBe(4)
    expect(edges.filter((e) => e.dash).length).toBe(5)
    // Thicker the larger the level, whatever the direction.
    const level = (label: string) => Math.abs(Number(label.split('level ')[1]!.replace('−', '-')))
    const byLevel = [...edges].sort((x, y) => level(x.label) - level(y.label))
    for (let i = 1; i < byLevel.length; i++) expect(byLevel[i]!.width).toBeGreaterThanOrEqual(byLevel[i - 1]!.width)
    expect(byLevel.at(-1)!.width).toBeGreaterThan(byLevel[0]!.width)
    // What a screen reader meets: a group named for the actor, with a link per pair and per actor.
    const tree = await network.ariaSnapshot()
    expect(tree).toMatch(/^- group "Iran’s alignments"/)
    expect(tree).toMatch(/link "Bosnia and Herzegovina–Iran: improving, level \+0\.\d\d"/)
    expect(tree).toMatch(/link "Saint Vincent and the Grenadines"/)
    // A long name is clipped in the drawing, whole in its link's name.
    expect(await network.locator('a.node[aria-label="Saint Vincent and the Grenadines"] text').textContent()).toMatch(
      /…$/,
    )
    const labels = await textBoxes(page, 'svg#ego-network')
    expect([labels.overlaps, labels.outside]).toEqual([[], []])
    await network.locator('a.edge[href="/pairs/iran--iraq"]').click()
    expect(page.url()).toBe(`${base}/pairs/iran--iraq`)
    expect(problems).toEqual([])
    const phone = await open('/actors/iran', 'actor-page', PHONE)
    const small = await textBoxes(phone.page, 'svg#ego-network')
    expect([small.overlaps, small.outside]).toEqual([[], []])
    expect(small.smallestPx).toBeGreaterThanOrEqual(10.5)
    await phone.page.locator('svg#ego-network a.node[href="/actors/iraq"]').click()
    expect(phone.page.url()).toBe(`${base}/actors/iraq`)
    expect(phone.problems).toEqual([])
  })

  it('explains how to read each page in a small legend, closed until asked', async () => {
    const { page } = await open('/pairs/hamas--iran', 'pair-page-legend', PHONE)
    const legend = page.locator('.legend')
    expect(await legend.locator('.key').allTextContents()).toEqual([
      'improving',
      'deteriorating',
      'frozen (stalled, suspended)',
      'stable',
    ])
    expect(
      await legend.locator('.key.improving').evaluate((e) => getComputedStyle(e, '::before').backgroundColor),
    ).toBe('rgb(10, 122, 47)')
    expect(await legend.locator('li').first().isVisible()).toBe(false)
    await legend.locator('summary', { hasText: 'How to read this' }).click()
    expect(await legend.locator('li').allTextContents()).toEqual([
      expect.stringMatching(/^Level: /),
      expect.stringMatching(/^Chart: /),
      expect.stringMatching(/^Beside each quote: /),
      expect.stringMatching(/^Score: /),
    ])
    await page.screenshot({ path: `${ARTIFACTS}pair-page-legend-open-phone.png` })
  })

  it('answers page routes with HTML error pages and keeps API errors JSON', async () => {
    for (const [path, status, shot, message] of [
      ['/pairs/hamas--atlantis', 404, 'error-404', /unknown actor "atlantis"/],
      ['/pairs/hamas', 400, 'error-400', /a pair is written as two actor ids/],
      ['/actors/atlantis', 404, 'error-404-actor', /unknown actor id "atlantis"/],
      ['/no/such/page', 404, 'error-404-route', /no page or route for GET \/no\/such\/page/],
    ] as const) {
      for (const viewport of [DESKTOP, PHONE]) {
        const { page, problems } = await open(path, shot, viewport, status)
        expect(await page.locator('h1').textContent()).toBe(
          `${status} · ${status === 404 ? 'Not found' : 'Bad request'}`,
        )
        expect(await page.locator('main').textContent()).toMatch(message)
        expect(await page.locator('main a[href="/"]').count()).toBe(1)
        // Chromium logs the page's own status as a failed load; anything else (a CSP violation) is a problem.
        expect(
          problems.filter((p) => !p.includes(`the server responded with a status of ${status}`)),
          path,
        ).toEqual([])
      }
    }
    const api = await fetch(`${base}/api/pairs/hamas--atlantis`)
    expect([api.status, api.headers.get('content-type')]).toEqual([404, 'application/json'])
    expect(await api.json()).toEqual({ error: { status: 404, message: 'unknown actor "atlantis": see /api/actors' } })
    const feed = await fetch(`${base}/feeds/pairs/hamas.atom`)
    expect([feed.status, feed.headers.get('content-type')]).toEqual([400, 'application/json'])
  })
})
