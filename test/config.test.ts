import { describe, expect, it } from 'vitest'
import { parseConfig } from '../src/config.ts'

const defaults = { sources: 'feeds/sources.opml', dbPath: 'data/entente.db' }

describe('parseConfig', () => {
  it('has working defaults', () => {
    expect(parseConfig({}, defaults)).toEqual({
      port: 8787,
      dbPath: 'data/entente.db',
      sources: 'feeds/sources.opml',
      pollMinutes: 15,
      adminToken: null,
      baseUrl: 'http://localhost:8787',
      allowHosts: [],
      websubHub: null,
    })
  })
  it('derives the base URL from PORT and strips a trailing slash from an explicit one', () => {
    expect(parseConfig({ PORT: '9000' }, defaults).baseUrl).toBe('http://localhost:9000')
    expect(parseConfig({ ENTENTE_BASE_URL: 'https://entente.example/' }, defaults).baseUrl).toBe(
      'https://entente.example',
    )
  })
  it('names the variable in every error', () => {
    expect(() => parseConfig({ PORT: 'eighty' }, defaults)).toThrow(/^PORT /)
    expect(() => parseConfig({ ENTENTE_POLL_MINUTES: '-1' }, defaults)).toThrow(/^ENTENTE_POLL_MINUTES /)
    expect(() => parseConfig({ ENTENTE_BASE_URL: 'nope' }, defaults)).toThrow(/^ENTENTE_BASE_URL /)
    expect(() => parseConfig({ ENTENTE_SOURCES: 'ftp://x/y.opml' }, defaults)).toThrow(/^ENTENTE_SOURCES /)
    expect(() => parseConfig({ ENTENTE_ADMIN_TOKEN: 'short' }, defaults)).toThrow(/^ENTENTE_ADMIN_TOKEN /)
    expect(() => parseConfig({ ENTENTE_ALLOW_HOSTS: 'http://127.0.0.1:8080/' }, defaults)).toThrow(
      /^ENTENTE_ALLOW_HOSTS /,
    )
    expect(() => parseConfig({ ENTENTE_WEBSUB_HUB: 'ftp://hub.example/' }, defaults)).toThrow(/^ENTENTE_WEBSUB_HUB /)
    expect(parseConfig({ ENTENTE_ALLOW_HOSTS: '127.0.0.1:8080, feeds.intranet' }, defaults).allowHosts).toEqual([
      { host: '127.0.0.1', port: 8080 },
      { host: 'feeds.intranet', port: null },
    ])
  })
})
