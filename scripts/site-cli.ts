// `nianbao site rebuild`: regenerates the whole static site (docs/decisions/0020-static-publication.md) from the
// database — every public address the database implies, asked of the running app — and removes files no address
// owns any more. Prints counted progress and what changed.
import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { parseArgs } from "node:util";

export const SITE_USAGE = `  nianbao site rebuild [--app-url http://127.0.0.1:3000] [--site-dir .data/site]   （需设置 DATABASE_URL，应用须在运行）`;

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join("/"));
    }
  };
  walk(dir);
  return out;
}

export async function siteCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== "rebuild") {
    console.error(`用法：\n${SITE_USAGE}`);
    return 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: { "app-url": { type: "string" }, "site-dir": { type: "string" } },
  });
  if (!process.env.DATABASE_URL) {
    console.error(
      "site rebuild 需要设置 DATABASE_URL（内嵌数据库模式下应用自行提供所有页面，无需静态站点）。",
    );
    return 2;
  }
  const { env } = await import("@/lib/server/platform/env");
  const { siteWorkerConfig } = await import("@/lib/server/site/worker");
  const config = siteWorkerConfig({
    ...env(),
    ...(values["app-url"] ? { NIANBAO_APP_URL: values["app-url"] } : {}),
    ...(values["site-dir"] ? { NIANBAO_SITE_DIR: values["site-dir"] } : {}),
  });
  try {
    const health = await fetch(new URL("/api/health", config.appUrl));
    if (!health.ok) throw new Error(`HTTP ${health.status}`);
  } catch (err) {
    console.error(
      `无法连接应用 ${config.appUrl}（${(err as Error).message}）：请先启动应用，或用 --app-url 指定地址。`,
    );
    return 1;
  }
  const { db } = await import("@/lib/server/platform/db");
  const { siteTargetsOf } = await import("@/lib/server/site/targets");
  const { publishTargets } = await import("@/lib/server/site/publisher");
  const { removeSiteFile } = await import("@/lib/server/site/files");
  try {
    const { targets } = await siteTargetsOf(db, [{ orgId: null, year: null }]);
    console.log(`站点目录 ${config.siteDir}：共 ${targets.length} 个地址，由 ${config.appUrl} 生成…`);
    let last = 0;
    const counts = await publishTargets({ siteDir: config.siteDir, appUrl: config.appUrl }, targets, [], {
      onProgress: (done, total) => {
        if (done === total || Date.now() - last > 1000) {
          last = Date.now();
          console.log(`  [${done}/${total}]`);
        }
      },
    });
    // Files no address owns any more (a body deleted, a report gone): removed with their siblings.
    const owned = new Set(targets.map((t) => t.file));
    let orphans = 0;
    for (const file of listFiles(config.siteDir)) {
      if (file.startsWith("_next/") || /\.(gz|br)$/.test(file) || owned.has(file)) continue;
      if ((await removeSiteFile(config.siteDir, { url: "", file, kind: "html" })) === "removed") orphans++;
    }
    console.log(
      `完成：写入 ${counts.written} 个文件，未变 ${counts.unchanged} 个，删除 ${counts.removed + orphans} 个（其中 ${orphans} 个已无对应地址）。`,
    );
    return 0;
  } finally {
    await db.$disconnect();
  }
}
