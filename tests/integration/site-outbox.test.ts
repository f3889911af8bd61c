// The static-site outbox (issue 13): a row per public change, written in the publishing transaction (none when the
// transaction fails), delivered as a NOTIFY at commit, claimed by exactly one of several workers, redone when a
// worker died holding it; the targets of one change; draining writes the files and marks the rows done.
import { createServer, type Server } from "node:http";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { updateOrg } from "@/lib/server/orgs/writes";
import { updateOrgSchema } from "@/lib/domain/forms/org";
import {
  claimSiteChanges,
  completeSiteChanges,
  PUBLIC_CHANNEL,
  recordDateChange,
  recordSiteChange,
} from "@/lib/server/site/outbox";
import { siteTargetsOf } from "@/lib/server/site/targets";
import { drainSiteChanges } from "@/lib/server/site/worker";
import type { TransitionCommand } from "@/lib/server/workflow/workflow";
import { setupTestDb } from "../setup/test-db";
import {
  buildWorkflowWorld,
  createReport,
  IN_WINDOW,
  workflowOn,
  type WorkflowWorld,
} from "./workflow-world";

const t = setupTestDb();
let w: WorkflowWorld;
let siteDir: string;
beforeAll(async () => {
  w = await buildWorkflowWorld(t.db);
  siteDir = mkdtempSync(join(tmpdir(), "nianbao-outbox-"));
  process.env.NIANBAO_SITE_DIR = siteDir;
});
afterAll(() => rmSync(siteDir, { recursive: true, force: true }));

const { submit, approve, publish, withdrawPublication } = workflowOn(t);

async function approvedReport(year: number) {
  const report = await createReport(t.db, {
    orgId: w.orgs.gangcheng.id,
    editorId: w.actors.editor.userId,
    year,
  });
  await submit(w.actors.editor, { reportId: report.id });
  await approve(w.actors.reviewer, { reportId: report.id });
  await approve(w.actors.signer, { reportId: report.id });
  return report;
}

const openRows = () => t.db.siteChange.findMany({ where: { doneAt: null }, orderBy: { id: "asc" } });
const clearOutbox = () =>
  t.db.siteChange.updateMany({ where: { doneAt: null }, data: { doneAt: new Date() } });

describe("the outbox row", () => {
  it("is written by a publication and a withdrawal, in their transaction, and by nothing that fails", async () => {
    await clearOutbox();
    const report = await approvedReport(2025);
    // Submissions and approvals change nothing public.
    expect(await openRows()).toEqual([]);
    // A refused publication (the author; four-eyes) leaves no row.
    await expect(publish(w.actors.editor, { reportId: report.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await openRows()).toEqual([]);
    await publish(w.actors.signer, { reportId: report.id, now: IN_WINDOW });
    expect(await openRows()).toMatchObject([{ orgId: w.orgs.gangcheng.id, year: 2025, reason: "publish" }]);
    await withdrawPublication(w.actors.signer, {
      reportId: report.id,
      reason: "数据有误",
    } as TransitionCommand);
    expect((await openRows()).map((r) => r.reason)).toEqual(["publish", "withdraw"]);
  });

  it("is rolled back with the transaction that wrote it", async () => {
    await clearOutbox();
    await expect(
      t.db.$transaction(async (tx) => {
        await recordSiteChange(tx, { orgId: w.orgs.gangcheng.id, year: 2025, reason: "publish" });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await openRows()).toEqual([]);
  });

  it("records a renamed organisation's old slug so its files go", async () => {
    await clearOutbox();
    const org = await t.db.organization.findUniqueOrThrow({ where: { id: w.orgs.gangcheng.id } });
    const input = updateOrgSchema.parse({ ...org, orgId: org.id, slug: `${org.slug}-new` });
    await updateOrg(w.actors.admin, input, t.db);
    expect(await openRows()).toMatchObject([{ orgId: org.id, year: null, staleSlug: org.slug }]);
    await t.db.organization.update({ where: { id: org.id }, data: { slug: org.slug } });
    await clearOutbox();
  });
});

describe("NOTIFY at commit", () => {
  // The embedded PGlite is one database session behind its socket: LISTEN there hears nothing from other
  // connections, and there is only one instance, which drops its own caches and polls the outbox (site-worker.ts).
  const postgres = inject("testDb") === "postgres";
  it(`reaches a listener on another connection when the transaction commits, not before (${postgres ? "PostgreSQL" : "PGlite: no delivery; the outbox row is what counts"})`, async () => {
    const listener = new pg.Client({ connectionString: t.url });
    await listener.connect();
    const heard: string[] = [];
    listener.on("notification", (n) => heard.push(n.payload ?? ""));
    await listener.query(`LISTEN ${PUBLIC_CHANNEL}`);
    let inside = -1;
    await t.db.$transaction(async (tx) => {
      await recordSiteChange(tx, { orgId: w.orgs.gangcheng.id, year: 2024, reason: "publish" });
      await new Promise((r) => setTimeout(r, 200));
      inside = heard.length;
    });
    const until = Date.now() + 3000;
    while (heard.length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    await listener.end();
    expect(inside).toBe(0);
    expect(heard.map((p) => JSON.parse(p))).toEqual(
      postgres ? [{ orgSlug: w.orgs.gangcheng.slug, year: 2024 }] : [],
    );
    expect(await openRows()).toMatchObject([{ orgId: w.orgs.gangcheng.id, year: 2024 }]);
    await clearOutbox();
  });
});

describe("claiming", () => {
  it("gives each open row to exactly one of two concurrent workers, and redoes a dead worker's rows", async () => {
    await clearOutbox();
    for (let i = 0; i < 40; i++)
      await t.db.$transaction((tx) =>
        recordSiteChange(tx, { orgId: w.orgs.gangcheng.id, year: 2025, reason: "publish" }),
      );
    const [a, b] = await Promise.all([
      claimSiteChanges(t.db, "instance-a", 25),
      claimSiteChanges(t.db, "instance-b", 25),
    ]);
    const ids = [...a, ...b].map((r) => r.id);
    expect(new Set(ids).size).toBe(40);
    expect(ids).toHaveLength(40);
    // Nothing left to claim while both hold their rows.
    expect(await claimSiteChanges(t.db, "instance-c")).toEqual([]);
    await completeSiteChanges(
      t.db,
      "instance-a",
      a.map((r) => r.id),
    );
    // instance-b dies: once its lease has run out, another instance takes its rows over.
    await t.db.siteChange.updateMany({
      where: { claimedBy: "instance-b" },
      data: { claimedAt: new Date(Date.now() - 60_000) },
    });
    const redone = await claimSiteChanges(t.db, "instance-c");
    expect(redone.map((r) => r.id).sort()).toEqual(b.map((r) => r.id).sort());
    // The dead worker cannot complete rows it lost.
    expect(
      await completeSiteChanges(
        t.db,
        "instance-b",
        b.map((r) => r.id),
      ),
    ).toBe(0);
    await clearOutbox();
  });
});

describe("targets and draining", () => {
  let app: Server;
  let appUrl: string;
  const asked: string[] = [];
  beforeAll(async () => {
    // The app's pages are the app's business (tests/security/site.probe.ts runs the real one); here a stand-in
    // answers like it: a page with framework scripts, 404 for year 2026, 410 for withdrawn data.
    app = createServer((req, res) => {
      asked.push(req.url!);
      if (req.url!.includes("/2026")) return void res.writeHead(404).end();
      if (req.url!.startsWith(`/api/v1/reports/${w.orgs.gangcheng.slug}/2025`))
        return void res.writeHead(410).end();
      res.writeHead(200, { "content-type": "text/html" });
      res.end(
        `<html><head><script src="/_next/static/chunks/a.js"></script></head><body>${req.url}</body></html>`,
      );
    });
    await new Promise<void>((r) => app.listen(0, "127.0.0.1", r));
    appUrl = `http://127.0.0.1:${(app.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((r) => app.close(() => r())));

  it("covers the report, next year's report, its body and every ancestor's pages and 汇总, home and data", async () => {
    const { targets } = await siteTargetsOf(t.db, [{ orgId: w.orgs.gangcheng.id, year: 2025 }]);
    const urls = targets.map((x) => x.url);
    const district = w.orgs.district;
    const city = w.orgs.city;
    const g = w.orgs.gangcheng.slug;
    expect(urls).toEqual(
      expect.arrayContaining([
        "/",
        `/reports/${g}`,
        `/reports/${g}/2025`,
        `/reports/${g}/2026`,
        `/reports/${g}/2025/editions/1`,
        `/reports/${district.slug}`,
        `/rollup/${district.slug}/2025`,
        `/reports/${city.slug}`,
        `/rollup/${city.slug}/2025`,
        `/api/v1/reports/${g}/2025`,
        `/api/v1/reports/${g}/2025?format=csv`,
        "/api/v1/organizations",
        "/api/v1/bulk/2025",
      ]),
    );
    // Written in this order: the report itself first, the bulk archive last.
    expect(urls[0]).toBe(`/reports/${g}/2025`);
    expect(urls.indexOf(`/api/v1/reports/${g}/2025`)).toBeLessThan(urls.indexOf("/"));
    expect(urls.at(-1)).toBe("/api/v1/bulk/2025");
  });

  it("after midnight: one date change for all instances, rewriting the home page and every body page only", async () => {
    await clearOutbox();
    const midnight = new Date(Date.now() - 1_000);
    // Three instances' workers wake at midnight at once: one row.
    const inserted = await Promise.all([1, 2, 3].map(() => recordDateChange(t.db, midnight)));
    expect(inserted.filter(Boolean)).toHaveLength(1);
    expect(await t.db.siteChange.count({ where: { reason: "date", createdAt: { gte: midnight } } })).toBe(1);
    expect(await recordDateChange(t.db, midnight)).toBe(false);

    const { targets } = await siteTargetsOf(t.db, [{ orgId: null, year: null, dateOnly: true }]);
    const urls = targets.map((x) => x.url);
    const orgs = await t.db.organization.findMany({ select: { slug: true } });
    expect(urls).toEqual(expect.arrayContaining(["/", ...orgs.map((o) => `/reports/${o.slug}`)]));
    // No report page, 汇总 or data file: their content does not depend on the date.
    expect(
      urls.filter((u) => /^\/reports\/[^/]+\/\d{4}|^\/rollup\/|^\/api\/v1\/(reports|bulk)\//.test(u)),
    ).toEqual([]);
    await clearOutbox();
  });

  it("writes the pages without scripts, removes what the app no longer has, and marks the rows done", async () => {
    await clearOutbox();
    const g = w.orgs.gangcheng.slug;
    const stale = join(siteDir, `api/v1/reports/${g}/2025.json`);
    const { mkdirSync, writeFileSync } = await import("node:fs");
    mkdirSync(join(siteDir, `api/v1/reports/${g}`), { recursive: true });
    writeFileSync(stale, "{}");
    await t.db.$transaction((tx) =>
      recordSiteChange(tx, { orgId: w.orgs.gangcheng.id, year: 2025, reason: "withdraw" }),
    );
    const config = { enabled: true, siteDir, appUrl, pollMs: 1000 };
    expect(await drainSiteChanges(config, "test-worker")).toBe(1);
    const page = readFileSync(join(siteDir, `reports/${g}/2025/index.html`), "utf8");
    expect(page).toContain(`/reports/${g}/2025`);
    expect(page).not.toContain("/_next/static/chunks/a.js");
    expect(existsSync(join(siteDir, `reports/${g}/2025/index.html.br`))).toBe(true);
    expect(existsSync(join(siteDir, `reports/${g}/2026/index.html`))).toBe(false);
    expect(existsSync(stale)).toBe(false);
    expect(await openRows()).toEqual([]);
    expect(asked).toContain(`/reports/${g}/2025`);
  });
});
