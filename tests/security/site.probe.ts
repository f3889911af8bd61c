// Issue 10, findings 4 and 7 (first half): what the public sees must follow the database across restarts and
// kills — a withdrawn report never comes back from a page cache, a 404 seen before publication never outlives it
// — shared caches may not keep a page for a year, and requests for unknown addresses leave nothing on disk.
// Also issue 13: a publication reaches the static site directory (written by the app's site worker).
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { DEMO, describeEachDb, fetchPage, ROOT, signIn, startApp, type App } from "./harness";
import { creatableOrgs, outcome, submittedReport, transition } from "./world";

/** Every file below a directory (0 when it does not exist). */
function fileCount(dir: string): number {
  if (!existsSync(dir)) return 0;
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    n += entry.isDirectory() ? fileCount(path) : 1;
  }
  return n;
}

const distDir = () => join(ROOT, process.env.NEXT_DIST_DIR || ".next");

async function reportIdOf(url: string, cookie: string, year: number): Promise<string> {
  const html = await (await fetchPage(url, "/workspace", { cookie })).text();
  for (const m of html.matchAll(/href="\/workspace\/reports\/([a-z0-9]+)"[^>]*>([\s\S]*?)<\/a>/g))
    if (m[2]!.includes(String(year))) return m[1]!;
  throw new Error(`no ${year} report on the signer's workspace`);
}

async function waitFor(check: () => boolean, ms = 15_000): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

describeEachDb("public pages across restarts", (dbKind) => {
  let app: App;
  let siteDir: string;
  const page = "/reports/gangcheng/2024";

  beforeAll(async () => {
    siteDir = mkdtempSync(join(tmpdir(), "nianbao-site-"));
    app = await startApp({ db: dbKind, env: { NIANBAO_SITE_DIR: siteDir, NIANBAO_SITE_POLL_MS: "500" } });
  });
  afterAll(async () => {
    await app?.dispose();
    rmSync(siteDir, { recursive: true, force: true });
  });

  test("the demo's published report reaches the site directory, without framework JavaScript", async () => {
    const file = join(siteDir, "reports/gangcheng/2024/index.html");
    expect(await waitFor(() => existsSync(file))).toBe(true);
    for (const sibling of [".gz", ".br"]) expect(existsSync(file + sibling)).toBe(true);
    const html = (await import("node:fs")).readFileSync(file, "utf8");
    expect(html).toContain("政府信息公开工作年度报告");
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toContain("__next_f");
  });

  test("a page's Cache-Control lets no shared cache keep it for a year", async () => {
    const res = await fetchPage(app.url, page);
    expect(res.status).toBe(200);
    const cc = res.headers.get("cache-control") ?? "";
    const swr = Number(/stale-while-revalidate=(\d+)/.exec(cc)?.[1] ?? 0);
    expect(swr, cc).toBeLessThanOrEqual(3600);
  });

  test("withdrawal, then a graceful restart and a kill: the notice and 410, never the report", async () => {
    // Cached by the app before the withdrawal.
    for (let i = 0; i < 2; i++) expect((await fetchPage(app.url, page)).status).toBe(200);
    const signer = await signIn(app.url, DEMO.signer);
    const reportId = await reportIdOf(app.url, signer, 2024);
    const r = await transition(app.url, signer, {
      action: "withdrawPublication",
      reportId,
      reason: "数据有误，核实后重新发布",
    } as Parameters<typeof transition>[2]);
    expect(outcome(r)).toBe("OK");
    // No request in between: whatever a cache holds now is what a restart would find.
    await app.restart();
    const afterRestart = await (await fetchPage(app.url, page)).text();
    expect(afterRestart).toContain("数据有误，核实后重新发布");
    expect(afterRestart).not.toContain("report-meta");
    expect((await fetchPage(app.url, "/api/v1/reports/gangcheng/2024")).status).toBe(410);
    await app.kill();
    await app.restart();
    expect(await (await fetchPage(app.url, page)).text()).toContain("数据有误，核实后重新发布");
    expect((await fetchPage(app.url, "/api/v1/reports/gangcheng/2024")).status).toBe(410);
    // The site directory follows: the data files are gone (nginx asks the app, which answers 410).
    expect(existsSync(join(siteDir, "api/v1/reports/gangcheng/2024.json"))).toBe(false);
  });

  test("a 404 seen before publication does not outlive a publication and a kill", async () => {
    const editor = await signIn(app.url, DEMO.editor);
    const reviewer = await signIn(app.url, DEMO.reviewer);
    const signer = await signIn(app.url, DEMO.signer);
    const [[orgId]] = (await creatableOrgs(app.url, editor)) as [[string, string]];
    const address = "/reports/gangcheng/2025";
    expect((await fetchPage(app.url, address)).status).toBe(404);
    const { reportId, version } = await submittedReport(app.url, editor, orgId, 2025);
    expect(
      outcome(await transition(app.url, reviewer, { action: "approve", reportId, expectedVersion: version })),
    ).toBe("OK");
    expect(outcome(await transition(app.url, signer, { action: "publish", reportId }))).toBe("OK");
    await app.kill();
    await app.restart();
    const res = await fetchPage(app.url, address);
    expect(res.status).toBe(200);
  });

  test("100 requests for unknown report addresses create no file", async () => {
    const server = join(distDir(), "server");
    const before = fileCount(server);
    const sizeBefore = existsSync(join(server, "app")) ? statSync(join(server, "app")).size : 0;
    const paths = Array.from({ length: 100 }, (_, i) =>
      i % 4 === 0
        ? `/reports/no-such-body-${i}/2024`
        : i % 4 === 1
          ? `/reports/gangcheng/${1900 + i}`
          : i % 4 === 2
            ? `/reports/gangcheng/2024/editions/${100 + i}`
            : `/rollup/no-such-${i}/2024`,
    );
    for (let i = 0; i < paths.length; i += 10)
      await Promise.all(
        paths.slice(i, i + 10).map(async (p) => expect((await fetchPage(app.url, p)).status).toBe(404)),
      );
    expect(fileCount(server)).toBe(before);
    expect(existsSync(join(siteDir, "reports/no-such-body-0"))).toBe(false);
    expect(existsSync(join(siteDir, "reports/gangcheng/1901"))).toBe(false);
    expect(existsSync(join(server, "app")) ? statSync(join(server, "app")).size : 0).toBe(sizeBefore);
  });
});
