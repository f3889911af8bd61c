import "server-only";
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import pg from "pg";
import { db } from "../platform/db";
import { env, settings, type Settings } from "../platform/env";
import { enablePublicResponseCache, publicGeneration } from "../public/response-cache";
import { INTERNAL_TOKEN_HEADER, internalToken } from "../platform/internal-token";
import { nextMidnightInChina } from "@/lib/domain/dates";
import {
  claimSiteChanges,
  completeSiteChanges,
  openSiteChangeCount,
  PUBLIC_CHANNEL,
  recordDateChange,
  releaseSiteChanges,
  type ClaimedChange,
  type PublicChangeMessage,
} from "./outbox";
import { removeSiteDir, removeSiteFile, reportDataTargets } from "./files";
import { publishTargets, StaleBatchError } from "./publisher";
import { siteTargetsOf } from "./targets";
import { learnedSiteChanges, siteChangeLearned, siteIsFresh, siteWrittenUpTo } from "./freshness";

// The site worker, started by instrumentation.ts in every server process (docs/decisions/0020 and 0021):
// - LISTEN nianbao_public: a commit on any instance that changes public data drops this instance's cached pages
//   and API answers within milliseconds (the notification is sent at commit);
// - drains the outbox: claims open changes, asks this app for the affected pages and writes them into the site
//   directory. Without LISTEN (a driver that cannot hold one) it polls; with the embedded database there is one
//   instance, which drops its own caches after its own transactions anyway.

export interface SiteWorkerConfig {
  enabled: boolean;
  siteDir: string;
  appUrl: string;
  pollMs: number;
}

type SiteWorkerEnv = Pick<
  Settings,
  "PORT" | "NIANBAO_SITE_WRITER" | "NIANBAO_SITE_DIR" | "NIANBAO_APP_URL" | "NIANBAO_SITE_POLL_MS"
>;

export function siteWorkerConfig(source: SiteWorkerEnv = settings()): SiteWorkerConfig {
  return {
    enabled: source.NIANBAO_SITE_WRITER !== "0",
    siteDir: resolve(source.NIANBAO_SITE_DIR),
    appUrl: source.NIANBAO_APP_URL || `http://127.0.0.1:${source.PORT}`,
    pollMs: source.NIANBAO_SITE_POLL_MS ?? 5_000,
  };
}

interface WorkerState {
  id: string;
  timer?: NodeJS.Timeout;
  listener?: pg.Client;
  draining: boolean;
  again: boolean;
  stopped: boolean;
}

const g = globalThis as unknown as { nianbaoSiteWorker?: WorkerState };

/** Drops this instance's cached public pages for one change (through the route that may call revalidatePath). */
async function revalidateOwnCaches(appUrl: string, message: PublicChangeMessage): Promise<void> {
  try {
    const response = await fetch(new URL("/api/internal/revalidate", appUrl), {
      method: "POST",
      headers: { "content-type": "application/json", [INTERNAL_TOKEN_HEADER]: internalToken() },
      body: JSON.stringify(message),
      cache: "no-store",
      signal: AbortSignal.timeout(30_000),
    });
    await response.arrayBuffer();
    if (!response.ok) console.error(`[静态发布] 刷新本实例缓存失败：HTTP ${response.status}`);
  } catch (err) {
    console.error("[静态发布] 刷新本实例缓存失败：", err);
  }
}

async function messagesOf(changes: ClaimedChange[]): Promise<PublicChangeMessage[]> {
  const ids = [...new Set(changes.map((c) => c.orgId).filter((id): id is string => id !== null))];
  const orgs = await db.organization.findMany({
    where: { id: { in: ids } },
    select: { id: true, slug: true },
  });
  const slugOf = new Map(orgs.map((o) => [o.id, o.slug]));
  if (changes.some((c) => c.orgId === null || c.year === null)) return [{ orgSlug: null, year: null }];
  const seen = new Map<string, PublicChangeMessage>();
  for (const c of changes) {
    const orgSlug = slugOf.get(c.orgId!) ?? null;
    if (orgSlug) seen.set(`${orgSlug}/${c.year}`, { orgSlug, year: c.year });
  }
  return [...seen.values()];
}

/** Claims and writes open changes until none is left; returns how many changes were written. */
export async function drainSiteChanges(config: SiteWorkerConfig, workerId: string): Promise<number> {
  let handled = 0;
  for (;;) {
    const batch = await claimSiteChanges(db, workerId);
    if (batch.length === 0) return handled;
    const ids = batch.map((c) => c.id);
    try {
      // The pages are rendered by this instance: make sure it is not answering from a cache older than the change.
      for (const m of await messagesOf(batch)) await revalidateOwnCaches(config.appUrl, m);
      const { targets, staleSlugs } = await siteTargetsOf(
        db,
        batch.map((c) => ({ orgId: c.orgId, year: c.year, dateOnly: c.reason === "date" })),
        batch.map((c) => c.staleSlug).filter((s): s is string => !!s),
      );
      const generation = publicGeneration();
      const counts = await publishTargets(
        { siteDir: config.siteDir, appUrl: config.appUrl, isStale: () => publicGeneration() !== generation },
        targets,
        staleSlugs,
      );
      await completeSiteChanges(db, workerId, ids);
      handled += batch.length;
      console.log(
        `[静态发布] ${batch.length} 项变更：写入 ${counts.written} 个文件，未变 ${counts.unchanged} 个，删除 ${counts.removed} 个`,
      );
    } catch (err) {
      await releaseSiteChanges(db, workerId, ids).catch(() => {});
      if (err instanceof StaleBatchError) continue;
      throw err;
    }
  }
}

/**
 * Tells the fast path that the site directory is complete again (./freshness.ts): when no change is left open —
 * written by this instance or another sharing the database — every change this process learned before the
 * count was taken is in the files. A change committed meanwhile has moved `learned` past the value read.
 */
export async function settleSiteFreshness(): Promise<void> {
  if (siteIsFresh()) return;
  const learned = learnedSiteChanges();
  if ((await openSiteChangeCount(db)) === 0) siteWrittenUpTo(learned);
}

function kick(state: WorkerState, config: SiteWorkerConfig) {
  if (state.stopped) return;
  if (state.draining) {
    state.again = true;
    return;
  }
  state.draining = true;
  void (async () => {
    try {
      do {
        state.again = false;
        await drainSiteChanges(config, state.id);
      } while (state.again && !state.stopped);
      await settleSiteFreshness();
    } catch (err) {
      console.error("[静态发布] 写入站点文件失败，稍后重试：", err);
    } finally {
      state.draining = false;
    }
  })();
}

async function listen(state: WorkerState, config: SiteWorkerConfig): Promise<void> {
  const client = new pg.Client({ connectionString: env().DATABASE_URL });
  client.on("error", (err) => {
    console.error("[静态发布] 数据库通知连接中断，5 秒后重连：", err.message);
    state.listener = undefined;
    void client.end().catch(() => {});
    // Changes committed while deaf: drop everything once back, and drain what is open.
    setTimeout(() => {
      if (state.stopped) return;
      void listen(state, config).then(() => {
        void revalidateOwnCaches(config.appUrl, { orgSlug: null, year: null });
        if (config.enabled) kick(state, config);
      });
    }, 5_000).unref();
  });
  try {
    await client.connect();
    await client.query(`LISTEN ${PUBLIC_CHANNEL}`);
  } catch (err) {
    console.warn(
      `[静态发布] 无法订阅数据库通知（${(err as Error).message}），改为每 ${config.pollMs} ms 轮询`,
    );
    await client.end().catch(() => {});
    return;
  }
  client.on("notification", (n) => {
    if (n.channel !== PUBLIC_CHANNEL) return;
    let message: PublicChangeMessage = { orgSlug: null, year: null };
    try {
      message = JSON.parse(n.payload ?? "") as PublicChangeMessage;
    } catch {
      // An unreadable payload: drop everything rather than too little.
    }
    void revalidateOwnCaches(config.appUrl, message);
    if (config.enabled) kick(state, config);
  });
  state.listener = client;
}

export function startSiteWorker(config = siteWorkerConfig()): void {
  if (g.nianbaoSiteWorker) return;
  internalToken();
  const state: WorkerState = {
    id: `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`,
    draining: false,
    again: false,
    stopped: false,
  };
  g.nianbaoSiteWorker = state;
  enablePublicResponseCache();
  // Changes may have been committed while this process was down: the files are not trusted until a drain.
  siteChangeLearned();
  void listen(state, config);
  if (!config.enabled) {
    // Another instance writes the files: this one learns they are complete by finding the outbox drained.
    state.timer = setInterval(() => {
      settleSiteFreshness().catch((err) => console.error("[静态发布] 查询待写入的变更失败：", err));
    }, config.pollMs);
    state.timer.unref();
    scheduleMidnight(state, config);
    return;
  }
  state.timer = setInterval(() => kick(state, config), config.pollMs);
  state.timer.unref();
  // Changes left open by a previous run (a crash mid-write) are redone once their lease has run out.
  setTimeout(() => kick(state, config), 1_000).unref();
  scheduleMidnight(state, config);
}

/**
 * The home page's calendar and the body pages' due status (on time / late / overdue) depend on the date: after
 * midnight in China one instance records a "date" change and the workers rewrite those pages.
 */
function scheduleMidnight(state: WorkerState, config: SiteWorkerConfig) {
  const midnight = nextMidnightInChina(new Date());
  setTimeout(
    () => {
      if (state.stopped) return;
      // Every instance: the date-dependent files are out of date until a writer has redone them.
      siteChangeLearned();
      if (!config.enabled) return scheduleMidnight(state, config);
      void recordDateChange(db, midnight)
        .then(() => kick(state, config))
        .catch((err) => console.error("[静态发布] 零点更新日期相关页面失败：", err))
        .finally(() => scheduleMidnight(state, config));
    },
    midnight.getTime() - Date.now() + 5_000,
  ).unref();
}

/**
 * A withdrawal takes the report's static files away before its transaction commits: from the commit on, nginx
 * asks the app, which answers from the database (the notice; 410 for the data). Should the transaction fail,
 * the app serves the still-published report in their place until the worker writes them again. Done by every
 * instance, writer or not: the directory may be shared, and the fast path (docs/decisions/0024) serves what is in it.
 */
export async function removeReportFilesNow(
  orgSlug: string,
  year: number,
  config = siteWorkerConfig(),
): Promise<void> {
  await removeSiteDir(config.siteDir, `reports/${orgSlug}/${year}`);
  for (const target of reportDataTargets(orgSlug, year)) await removeSiteFile(config.siteDir, target);
}
