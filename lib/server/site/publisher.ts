import "server-only";
import {
  removeSiteDir,
  removeSiteFile,
  staticHtmlOf,
  stylesheetsOf,
  stylesheetTarget,
  type SiteTarget,
  type WriteOutcome,
  writeSiteFile,
} from "./files";

// Writing targets into the site directory (docs/decisions/0020-static-publication.md): each address is asked of
// the app itself — the same document, the same markup — and written without its framework JavaScript. An address
// the app answers 404 or 410 for (a withdrawn report's data, a page that no longer exists) loses its file, so
// nginx hands it back to the app, which answers with the status and the withdrawal notice.

export interface PublishCounts {
  written: number;
  unchanged: number;
  removed: number;
  total: number;
}

export interface PublishOptions {
  siteDir: string;
  /** The app's own address, e.g. http://127.0.0.1:3000. */
  appUrl: string;
  /** Called after each target with the number done so far. */
  onProgress?: (done: number, total: number, target: SiteTarget, outcome: WriteOutcome) => void;
  concurrency?: number;
  /** True once what was rendered may be out of date (public data changed meanwhile): the batch stops. */
  isStale?: () => boolean;
}

export class SiteRenderError extends Error {}
/** Public data changed while the batch was rendering: it is given back and redone at once. */
export class StaleBatchError extends Error {}

async function fetchTarget(appUrl: string, target: SiteTarget): Promise<Uint8Array | null> {
  // no-store: inside the Next server, fetch is Next's (it would cache and tee the body otherwise). The body is
  // always read to the end: cancelling a tee'd body never settles.
  const response = await fetch(new URL(target.url, appUrl), {
    headers: { "accept-encoding": "identity", "x-nianbao-site-writer": "1" },
    redirect: "manual",
    cache: "no-store",
    signal: AbortSignal.timeout(60_000),
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (response.status === 404 || response.status === 410) return null;
  if (response.status !== 200) throw new SiteRenderError(`${target.url}：应用返回 HTTP ${response.status}`);
  return bytes;
}

async function publishOne(
  options: PublishOptions,
  target: SiteTarget,
  stylesheets: Set<string>,
): Promise<WriteOutcome> {
  const bytes = await fetchTarget(options.appUrl, target);
  // Never write a page rendered before a change that happened since (a withdrawal removed its files).
  if (options.isStale?.()) throw new StaleBatchError(target.url);
  if (!bytes) return removeSiteFile(options.siteDir, target);
  if (target.kind !== "html") return writeSiteFile(options.siteDir, target, bytes);
  const html = new TextDecoder().decode(bytes);
  for (const href of stylesheetsOf(html)) stylesheets.add(href);
  return writeSiteFile(options.siteDir, target, new TextEncoder().encode(staticHtmlOf(html)));
}

/** Writes every target (a few at a time), then the stylesheets the pages link to; removes stale slugs' files. */
export async function publishTargets(
  options: PublishOptions,
  targets: readonly SiteTarget[],
  staleSlugs: readonly string[] = [],
  extra: Pick<PublishOptions, "onProgress"> = {},
): Promise<PublishCounts> {
  options = { ...options, ...extra };
  const counts: PublishCounts = { written: 0, unchanged: 0, removed: 0, total: targets.length };
  const stylesheets = new Set<string>();
  let done = 0;
  const tally = (target: SiteTarget, outcome: WriteOutcome) => {
    if (outcome === "written") counts.written++;
    else if (outcome === "unchanged") counts.unchanged++;
    else if (outcome === "removed") counts.removed++;
    options.onProgress?.(++done, counts.total, target, outcome);
  };
  for (const slug of staleSlugs) {
    await removeSiteDir(options.siteDir, `reports/${slug}`);
    await removeSiteDir(options.siteDir, `rollup/${slug}`);
    await removeSiteDir(options.siteDir, `api/v1/reports/${slug}`);
  }
  const queue = [...targets];
  const worker = async () => {
    for (let t = queue.shift(); t; t = queue.shift()) tally(t, await publishOne(options, t, stylesheets));
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
  for (const href of stylesheets) {
    const target = stylesheetTarget(href);
    counts.total++;
    const bytes = await fetchTarget(options.appUrl, target);
    tally(target, bytes ? await writeSiteFile(options.siteDir, target, bytes) : "absent");
  }
  return counts;
}
