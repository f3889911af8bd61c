import "server-only";
import { env } from "../platform/env";
import { INTERNAL_TOKEN_HEADER, internalToken } from "../platform/internal-token";
import { publishDueReports } from "./scheduler";

// The poller started by instrumentation.ts in each server process: every NIANBAO_SCHEDULER_INTERVAL_MS (30 s by
// default; 0 turns it off) it publishes what is due. Schedules live in the database, so a restart loses none.

const g = globalThis as unknown as { nianbaoScheduler?: NodeJS.Timeout };

export function startScheduler(intervalMs = env().NIANBAO_SCHEDULER_INTERVAL_MS): void {
  if (g.nianbaoScheduler || intervalMs === 0) return;
  internalToken();
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      for (const done of await publishDueReports()) {
        console.log(`[定时发布] 已发布 ${done.orgSlug} ${done.year} 年度报告第${done.editionNumber}版`);
        await requestRevalidation(done.orgSlug, done.year);
      }
    } catch (err) {
      console.error("[定时发布] 本轮执行失败，将在下一轮重试：", err);
    } finally {
      running = false;
    }
  };
  g.nianbaoScheduler = setInterval(tick, intervalMs);
  g.nianbaoScheduler.unref();
  setTimeout(tick, Math.min(intervalMs, 2_000)).unref();
}

/** Public pages are cached; outside a request only a request to our own server can drop them. */
async function requestRevalidation(orgSlug: string, year: number): Promise<void> {
  const port = env().PORT;
  try {
    const response = await fetch(`http://127.0.0.1:${port}/api/internal/revalidate`, {
      method: "POST",
      headers: { "content-type": "application/json", [INTERNAL_TOKEN_HEADER]: internalToken() },
      body: JSON.stringify({ orgSlug, year }),
    });
    if (!response.ok) console.error(`[定时发布] 刷新公开页面缓存失败：HTTP ${response.status}`);
  } catch (err) {
    console.error("[定时发布] 刷新公开页面缓存失败：", err);
  }
}
