// JSON Feed 1.1, written to the spec (`feed` 6 only emits 1.0).
import { publishable } from './escape.ts'
import { evidenceJson } from './evidence-json.ts'
import type { FeedPage } from './feed-page.ts'
import { shiftHtml, shiftText } from './shift-content.ts'

export function ententeExtensionUrl(baseUrl: string): string {
  return `${baseUrl}/docs/json-feed-extension`
}

export function renderJsonFeed(page: FeedPage): string {
  const about = ententeExtensionUrl(page.baseUrl)
  const doc = {
    version: 'https://jsonfeed.org/version/1.1',
    title: page.title,
    home_page_url: page.links.alternate,
    feed_url: page.links.self,
    description: page.description,
    authors: [{ name: 'Entente', url: page.baseUrl + '/' }],
    language: 'en',
    ...(page.links.next ? { next_url: page.links.next } : {}),
    ...(page.links.hub ? { hubs: [{ type: 'WebSub', url: page.links.hub }] } : {}),
    _entente: {
      about,
      id: page.id,
      updated: page.updated,
      ...(page.lastEvidence
        ? {
            last_evidence: {
              day: page.lastEvidence.day,
              age_days: page.lastEvidence.ageDays,
              as_of: page.lastEvidence.asOf,
              ...(page.lastEvidence.levelNow !== undefined
                ? { level_now: page.lastEvidence.levelNow, direction_now: page.lastEvidence.directionNow }
                : {}),
            },
          }
        : {}),
    },
    items: page.shifts.map((v) => ({
      id: v.id,
      url: v.url,
      title: v.title,
      content_text: shiftText(v),
      content_html: shiftHtml(v),
      summary: v.summary,
      date_published: v.published,
      date_modified: v.updated,
      tags: [v.a.name, v.b.name, v.direction],
      _entente: {
        about,
        pair: `${v.a.id}--${v.b.id}`,
        a: v.a.id,
        b: v.b.id,
        day: v.day,
        direction: v.direction,
        score: v.score,
        level_before: v.levelBefore,
        level_after: v.levelAfter,
        confidence: v.confidence,
        sources: v.sources,
        independent_sources: v.independentSources,
        signals: v.signals,
        votes: v.votes,
        evidence: v.evidence.map(evidenceJson),
        correction: v.correction
          ? {
              previous_direction: v.correction.previousDirection,
              corrected_at: v.correction.at,
              reason: v.correction.reason,
              note: v.note,
            }
          : null,
        withdrawn: !!v.withdrawnAt,
      },
    })),
  }
  return JSON.stringify(doc, publishable, 1)
}
