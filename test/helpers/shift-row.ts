// A shifts-table row for the Egypt–Israel pair on one day, for tests that write shifts straight into the store.
export function egyptIsraelShift(
  day: string,
  overrides: { direction?: string; score?: number; level_after?: number; evidence?: string } = {},
) {
  return {
    id: `egypt--israel/${day}`,
    pair: 'egypt--israel',
    a: 'egypt',
    b: 'israel',
    day,
    direction: 'stable',
    score: 0.1,
    confidence: 0.5,
    weight: 0.5,
    level_before: 0,
    level_after: 0.1,
    sources: 1,
    signals: 1,
    evidence: '[]',
    published: `${day}T00:00:00Z`,
    updated: `${day}T00:00:00Z`,
    ...overrides,
  }
}
