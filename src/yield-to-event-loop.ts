// Long synchronous work (parsing, analysis, aggregation) gives the event loop a turn between slices, so the
// requests a server answers meanwhile (/healthz, feeds) wait milliseconds, not the length of a poll. A
// macrotask, not a resolved promise: awaiting a promise runs before I/O callbacks and lets nothing through.

const immediate = (globalThis as { setImmediate?: (fn: () => void) => unknown }).setImmediate

export function yieldToEventLoop(): Promise<void> {
  return new Promise((resume) => (immediate ? immediate(resume) : setTimeout(resume, 0)))
}
