import { describe, expect, it } from 'vitest'
import { addressRefusal, checkUrl, parseAllowHosts } from '../../src/ingest/url-policy.ts'

describe('addressRefusal', () => {
  it.each([
    ['127.0.0.1', /loopback/],
    ['127.8.9.10', /loopback/],
    ['0.0.0.0', /unspecified/],
    ['10.1.2.3', /private/],
    ['172.16.0.1', /private/],
    ['172.31.255.255', /private/],
    ['192.168.1.1', /private/],
    ['169.254.169.254', /link-local/],
    ['100.64.0.1', /carrier-grade/],
    ['198.18.0.1', /reserved/],
    ['224.0.0.1', /multicast/],
    ['255.255.255.255', /reserved/],
    ['::1', /loopback/],
    ['::', /unspecified/],
    ['::ffff:127.0.0.1', /loopback/],
    ['::ffff:7f00:1', /loopback/],
    ['::ffff:169.254.169.254', /link-local/],
    ['64:ff9b::10.0.0.1', /private/],
    ['2002:7f00:1::', /loopback/],
    ['fc00::1', /private/],
    ['fd12:3456::1', /private/],
    ['fe80::1%eth0', /link-local/],
    ['ff02::1', /multicast/],
    ['2001:db8::1', /reserved/],
    ['[::1]', /loopback/],
  ])('refuses %s', (address, why) => {
    expect(addressRefusal(address)).toMatch(why)
  })
  it.each([
    '93.184.216.34',
    '172.32.0.1',
    '100.128.0.1',
    '8.8.8.8',
    '2606:4700:4700::1111',
    '::ffff:8.8.8.8',
    'feeds.bbci.co.uk',
  ])('lets %s through', (address) => {
    expect(addressRefusal(address)).toBeNull()
  })
})

describe('checkUrl', () => {
  const allow = parseAllowHosts('127.0.0.1:8080, feeds.intranet, [::1]:9000')
  it('parses host and host:port entries and refuses anything else', () => {
    expect(allow).toEqual([
      { host: '127.0.0.1', port: 8080 },
      { host: 'feeds.intranet', port: null },
      { host: '::1', port: 9000 },
    ])
    expect(() => parseAllowHosts('http://127.0.0.1:8080/')).toThrow(/not a host/)
    expect(() => parseAllowHosts('127.0.0.1:99999')).toThrow(/not a host/)
  })
  it('allows named hosts on their ports only and refuses other private, local and non-http targets', () => {
    for (const ok of [
      'http://127.0.0.1:8080/feed',
      'https://feeds.intranet/x',
      'http://feeds.intranet:81/',
      'http://[::1]:9000/',
      'https://news.example/rss',
    ])
      expect(() => checkUrl(new URL(ok), allow), ok).not.toThrow()
    for (const bad of [
      'http://127.0.0.1:8081/',
      'http://127.0.0.1/',
      'http://localhost:8080/',
      'http://LOCALHOST./',
      'http://metadata.google.internal/',
      'http://printer.local/',
      'http://intranet/',
      'http://[::1]:9001/',
      'http://[::ffff:7f00:1]:8080/',
      'http://0x7f.1/',
      'http://2130706433:81/',
      'http://169.254.169.254/latest/meta-data/',
      'file:///etc/passwd',
      'data:text/xml,<rss/>',
      'ftp://files.example/feed',
    ]) {
      expect(() => checkUrl(new URL(bad), allow), bad).toThrow(/refused/)
    }
  })
})
