// The render cache: each (version, key) rendered once, least recently used out when over its byte budget, a
// rendering larger than the whole budget served but never kept, and a new data version a new entry.
import { describe, expect, it } from 'vitest'
import { RenderCache } from '../../src/http/conditional.ts'

const V1 = '2026-06-01T12:00:00.000Z'
const V2 = '2026-06-01T12:00:00.001Z'

describe('RenderCache', () => {
  it('renders each key once per data version', async () => {
    const cache = new RenderCache()
    let renders = 0
    const render = () => `body ${++renders}`
    const first = await cache.get(V1, 'a', render)
    expect(await cache.get(V1, 'a', render)).toBe(first)
    expect(renders).toBe(1)
    const moved = await cache.get(V2, 'a', render)
    expect(moved.body).toBe('body 2')
    expect(moved.etag).not.toBe(first.etag)
    expect(moved.lastModified).toBe(new Date(V2).toUTCString())
  })

  it('evicts the least recently used renderings when over its byte budget', async () => {
    // Each entry costs twice its body and key in bytes: 1,000 characters of body make about 2 KB.
    const cache = new RenderCache({ maxBytes: 5_000 })
    const body = (c: string) => () => c.repeat(1_000)
    await cache.get(V1, 'a', body('a'))
    await cache.get(V1, 'b', body('b'))
    expect(cache.size.entries).toBe(2)
    await cache.get(V1, 'a', body('x')) // a hit makes `a` the most recently used
    await cache.get(V1, 'c', body('c')) // over budget: `b`, the least recently used, goes
    expect(cache.size.entries).toBe(2)
    expect(cache.size.bytes).toBeLessThanOrEqual(5_000)
    let rendered = ''
    await cache.get(V1, 'a', () => ((rendered += 'a'), 'new a'))
    await cache.get(V1, 'b', () => ((rendered += 'b'), 'new b'))
    expect(rendered).toBe('b')
  })

  it('serves a rendering larger than its whole budget without keeping it', async () => {
    const cache = new RenderCache({ maxBytes: 1_000 })
    const rep = await cache.get(V1, 'huge', () => 'h'.repeat(10_000))
    expect(rep.body).toHaveLength(10_000)
    expect(cache.size).toEqual({ bytes: 0, entries: 0 })
  })

  it('takes a rendering from the shared cache before rendering, and puts what it renders there', async () => {
    const shared = new Map<string, string>()
    const sharedCache = {
      get: async (k: string) => shared.get(k),
      put: async (k: string, v: string) => void shared.set(k, v),
    }
    const one = new RenderCache({ shared: sharedCache, namespace: 'https://a.example' })
    await one.get(V1, 'feed', () => 'rendered once')
    expect([...shared.values()]).toEqual(['rendered once'])
    // Another isolate (a second cache over the same shared store) renders nothing.
    const two = new RenderCache({ shared: sharedCache, namespace: 'https://a.example' })
    expect((await two.get(V1, 'feed', () => 'rendered twice')).body).toBe('rendered once')
    // Another origin has renderings of its own.
    const other = new RenderCache({ shared: sharedCache, namespace: 'https://b.example' })
    expect((await other.get(V1, 'feed', () => 'for b')).body).toBe('for b')
  })
})
