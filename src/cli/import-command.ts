// `entente import PATH…`: feed files, directories of them, or OPML lists of file paths, stored as a poll stores
// fetched feeds (each file is a source, its items deduplicated within it), then aggregated. A first run needs no
// network: one progress line per file on stderr, the summary as JSON on stdout. Node-only: it reads files.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { decodeBody } from '../ingest/decode-body.ts'
import { DEFAULT_LIMITS } from '../ingest/fetch-source.ts'
import { readOutlines } from '../ingest/read-opml.ts'
import { scanProlog } from '../ingest/scan-prolog.ts'
import { importFeed, type ImportReport } from '../poll/import-feed.ts'
import { addLanguages } from '../poll/run-poll.ts'
import { aggregateDirty } from '../store/aggregate-dirty.ts'
import type { Db } from '../store/schema.ts'

/** What a directory contributes: its feed files. Anything else (a README, an HTML page, an OPML list) is left. */
const FEED_EXTENSIONS = new Set(['.xml', '.rss', '.atom', '.rdf'])

interface Target {
  path: string
  title?: string
}

export type FileReport = ImportReport & { path: string }

export interface ImportSummary {
  startedAt: string
  finishedAt: string
  files: FileReport[]
  newItems: number
  newSignals: number
  languages: Record<string, number>
  unanalysed: number
  shiftsChanged: number
}

const shown = (path: string) => {
  if (!isAbsolute(path)) return path
  const rel = relative(process.cwd(), path)
  return rel && !rel.startsWith('..') ? rel : path
}

function isOpml(path: string): boolean {
  if (extname(path).toLowerCase() === '.opml') return true
  const head = readFileSync(path).subarray(0, 64 * 1024)
  return scanProlog(decodeBody(head, null).text).root?.toLowerCase() === 'opml'
}

/** An OPML outline's `xmlUrl` as a file: a path relative to the list, an absolute path or a file: URL. */
function outlineFile(xmlUrl: string, list: string): string | { skipped: string } {
  if (/^https?:/i.test(xmlUrl))
    return {
      skipped: 'an http(s) feed is polled, not imported: list it in ENTENTE_SOURCES and run `entente poll --once`',
    }
  if (/^file:/i.test(xmlUrl)) {
    try {
      return fileURLToPath(xmlUrl)
    } catch (err) {
      return { skipped: `not a local file URL: ${(err as Error).message}` }
    }
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(xmlUrl) && !/^[a-z]:[\\/]/i.test(xmlUrl))
    return { skipped: `cannot import a ${xmlUrl.split(':')[0]}: URL` }
  return resolve(dirname(list), xmlUrl)
}

/** The files `paths` name, in order, each once; problems (a missing path, an http(s) outline) become reports. */
export function importTargets(paths: string[]): { targets: Target[]; problems: FileReport[] } {
  const targets: Target[] = []
  const problems: FileReport[] = []
  const seen = new Set<string>()
  const problem = (path: string, outcome: 'error' | 'skipped', error: string) =>
    problems.push({
      path,
      url: '',
      title: isAbsolute(path) ? basename(path) : path,
      outcome,
      status: null,
      items: 0,
      newItems: 0,
      signals: 0,
      error,
    })
  const add = (path: string, title?: string) => {
    if (seen.has(path)) return
    seen.add(path)
    targets.push({ path, ...(title ? { title } : {}) })
  }
  for (const given of paths) {
    const named =
      /^[a-z][a-z0-9+.-]*:/i.test(given) && !/^[a-z]:[\\/]/i.test(given)
        ? outlineFile(given, process.cwd() + '/')
        : resolve(given)
    if (typeof named !== 'string') {
      problem(given.slice(0, 300), 'skipped', named.skipped)
      continue
    }
    const path = named
    let stat
    try {
      stat = statSync(path)
    } catch (err) {
      problem(
        path,
        'error',
        (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (err as Error).message,
      )
      continue
    }
    if (stat.isDirectory()) {
      const files = readdirSync(path, { withFileTypes: true })
        .filter((e) => e.isFile() && !e.name.startsWith('.') && FEED_EXTENSIONS.has(extname(e.name).toLowerCase()))
        .map((e) => e.name)
        .sort()
      if (!files.length)
        problem(path, 'skipped', `no feed files (${[...FEED_EXTENSIONS].join(', ')}) in this directory`)
      for (const name of files) add(join(path, name))
      continue
    }
    let opml = false
    try {
      opml = isOpml(path)
    } catch (err) {
      problem(path, 'error', (err as Error).message)
      continue
    }
    if (!opml) {
      add(path)
      continue
    }
    let outlines
    try {
      outlines = readOutlines(decodeBody(readFileSync(path), null).text)
    } catch (err) {
      problem(path, 'error', (err as Error).message)
      continue
    }
    if (!outlines.length) problem(path, 'skipped', 'this OPML list has no outline with an xmlUrl')
    for (const o of outlines) {
      const file = outlineFile(o.xmlUrl, path)
      if (typeof file === 'string') add(file, o.title)
      else problem(o.xmlUrl.slice(0, 300), 'skipped', file.skipped)
    }
  }
  return { targets, problems }
}

function readCapped(path: string): Uint8Array {
  const size = statSync(path).size
  if (size > DEFAULT_LIMITS.maxBytes)
    throw new Error(`file of ${size} bytes exceeds the ${DEFAULT_LIMITS.maxBytes}-byte cap of a feed`)
  return readFileSync(path)
}

const describeLanguages = (languages: Record<string, number>) =>
  Object.entries(languages)
    .map(([code, n]) => `${code} ${n}`)
    .join(', ')

/** One line for the progress stream: what a file brought, or why it brought nothing. */
export function progressLine(n: number, total: number, r: FileReport): string {
  const head = `import [${n}/${total}] ${shown(r.path)}`
  if (r.outcome !== 'ok') return `${head}: ${r.outcome === 'error' ? 'failed' : 'skipped'}: ${r.error}`
  const languages = r.languages && Object.keys(r.languages).length ? ` (${describeLanguages(r.languages)})` : ''
  const unread = r.unanalysed ? `, ${r.unanalysed} not analysed: not English` : ''
  return `${head}: ${r.items} item${r.items === 1 ? '' : 's'}, ${r.newItems} new${languages}, ${r.signals} signal${r.signals === 1 ? '' : 's'}${unread}`
}

export async function runImport(
  db: Db,
  paths: string[],
  options: { now?: () => Date; progress?: (line: string) => void } = {},
): Promise<ImportSummary> {
  const now = options.now ?? (() => new Date())
  const progress = options.progress ?? (() => {})
  const startedAt = now().toISOString()
  const { targets, problems } = importTargets(paths)
  const total = targets.length + problems.length
  const files: FileReport[] = []
  for (const p of problems) {
    files.push(p)
    progress(progressLine(files.length, total, p))
  }
  for (const t of targets) {
    const url = pathToFileURL(t.path).href
    let report: FileReport
    try {
      report = {
        path: t.path,
        ...(await importFeed(
          { db, now },
          { url, ...(t.title ? { title: t.title } : {}), fallbackTitle: basename(t.path) },
          readCapped(t.path),
        )),
      }
    } catch (err) {
      report = {
        path: t.path,
        url,
        title: t.title ?? basename(t.path),
        outcome: 'error',
        status: null,
        items: 0,
        newItems: 0,
        signals: 0,
        error: (err as Error).message,
      }
    }
    files.push(report)
    progress(progressLine(files.length, total, report))
  }
  const { shiftsChanged } = await aggregateDirty(db, now())
  const summary: ImportSummary = {
    startedAt,
    finishedAt: now().toISOString(),
    files,
    newItems: files.reduce((n, f) => n + f.newItems, 0),
    newSignals: files.reduce((n, f) => n + f.signals, 0),
    languages: addLanguages(files.map((f) => f.languages ?? {})),
    unanalysed: files.reduce((n, f) => n + (f.unanalysed ?? 0), 0),
    shiftsChanged,
  }
  const ok = files.filter((f) => f.outcome === 'ok').length
  const unread = summary.unanalysed ? `; ${summary.unanalysed} not analysed (Entente reads English)` : ''
  progress(
    `imported ${ok} of ${files.length} file${files.length === 1 ? '' : 's'}: ${summary.newItems} new items${Object.keys(summary.languages).length ? ` (${describeLanguages(summary.languages)})` : ''}, ${summary.newSignals} signals, ${shiftsChanged} shifts changed${unread}`,
  )
  return summary
}
