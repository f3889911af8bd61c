import "server-only";

// Whether the site directory holds every change of public data this process has learned of (docs/decisions/0027).
// The in-process fast path (scripts/site-fast-path.mjs) answers from the directory only while it does: between a
// commit and the site worker's rewrite of the pages it touches, Next (whose caches the commit dropped) answers, so
// whoever has just published sees the report on the body page, the home page and the 汇总 at once, not seconds later.
// Both sides find the counters under one global key (the preload is a separate module graph in the same process).

interface SiteFreshness {
  /** Changes of public data this process has heard of (its own commits, other instances' NOTIFY, midnight). */
  learned: number;
  /** The value of `learned` up to which the site directory is known to be written. */
  written: number;
}

const KEY = Symbol.for("nianbao.siteFreshness");
const g = globalThis as unknown as Record<symbol, SiteFreshness | undefined>;
const state = (): SiteFreshness => (g[KEY] ??= { learned: 0, written: 0 });

/** Public data changed (or may have): until the outbox is drained, the files may show the old state. */
export function siteChangeLearned(): void {
  state().learned++;
}

/** What has been learned so far: take it before checking that no change is left open. */
export function learnedSiteChanges(): number {
  return state().learned;
}

/** No change was open after `learned` was read: every change learned up to then is in the directory. */
export function siteWrittenUpTo(learned: number): void {
  const s = state();
  if (learned > s.written) s.written = learned;
}

export function siteIsFresh(): boolean {
  const s = state();
  return s.written >= s.learned;
}
