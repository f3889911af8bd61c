// The open-data API through the real server: the 汇总 of 柳北区 equals its published 街道 reports, conditional
// requests, cache headers on pages and API alike, JSON (never HTML) for errors, the bulk zip.
import { strFromU8, unzipSync } from "fflate";
import { expect, test } from "./fixtures";

test("GET /api/v1/rollup/liubei/2024 is the sum of the reports published below 柳北区", async ({
  request,
}) => {
  const rollup = await (await request.get("/api/v1/rollup/liubei/2024")).json();
  const slugs = rollup.contributors.map((c: { slug: string }) => c.slug).sort();
  expect(slugs).toEqual(["bailu", "gangcheng", "jinxiu", "liubei-office"]);
  const reports = await Promise.all(
    slugs.map(
      async (slug: string) => (await (await request.get(`/api/v1/reports/${slug}/2024`)).json()).report,
    ),
  );
  type Tables = {
    t2: Record<string, Record<string, number>>;
    t3: Record<string, Record<string, number>>;
    t4: { cases: Record<string, number> };
  };
  const sum = (pick: (tables: Tables) => number) =>
    reports.reduce((total: number, r: { tables: Tables }) => total + pick(r.tables), 0);
  expect(rollup.tables.t3.newReceived.total).toBe(sum((t) => t.t3.newReceived?.total ?? 0));
  expect(rollup.tables.t3.newReceived.total).toBeGreaterThan(0);
  expect(rollup.tables.t2.licensing.decisions).toBe(sum((t) => t.t2.licensing?.decisions ?? 0));
  expect(rollup.tables.t4.cases["review.total"]).toBe(sum((t) => t.t4.cases["review.total"] ?? 0));
  expect(rollup.missing).toEqual([]);

  const sub = await (
    await request.get("/api/v1/rollup/liubei/2024?kind=SUBDISTRICT&cell=t3:newReceived:total")
  ).json();
  expect(sub.cell.contributions.map((c: { slug: string }) => c.slug).sort()).toEqual([
    "bailu",
    "gangcheng",
    "jinxiu",
  ]);
  // 2025: 白露街道 has not published, so the 汇总 names it missing.
  const y2025 = await (await request.get("/api/v1/rollup/liubei/2025")).json();
  expect(y2025.missing.map((m: { slug: string }) => m.slug)).toEqual(["bailu"]);
});

test("the Atom feeds and the portal fragment are served with their types, and only the fragment may be framed", async ({
  request,
}) => {
  const site = await request.get("/feed.xml");
  expect(site.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
  const { checkAtomFeed } = await import("@/lib/domain/open-data/atom-check");
  const xml = await site.text();
  expect(checkAtomFeed(xml)).toEqual([]);
  expect(xml).toContain("更正说明：表二“行政强制”");
  expect(xml).toContain("现撤销发布");
  const body = await request.get("/reports/jinxiu/feed.xml");
  expect(checkAtomFeed(await body.text())).toEqual([]);
  expect((await request.get("/reports/no-such-body/feed.xml")).status()).toBe(404);
  // Pages point feed readers at the feeds.
  const feedLink = (href: string) =>
    new RegExp(`<link[^>]*rel="alternate"[^>]*type="application/atom\\+xml"[^>]*href="${href}"`);
  expect(await (await request.get("/")).text()).toMatch(feedLink("/feed.xml"));
  expect(await (await request.get("/reports/jinxiu")).text()).toMatch(feedLink("/reports/jinxiu/feed.xml"));

  const embed = await request.get("/embed/jinxiu");
  expect(embed.headers()["content-type"]).toBe("text/html; charset=utf-8");
  expect(embed.headers()["x-frame-options"]).toBeUndefined();
  expect(embed.headers()["content-security-policy"]).toContain("frame-ancestors *");
  const html = await embed.text();
  expect(html).toContain("（已更正，第2版）");
  expect(html).not.toMatch(/<script/i);
  expect((await request.get("/reports/jinxiu")).headers()["x-frame-options"]).toBe("DENY");
  expect((await request.get("/")).headers()["x-frame-options"]).toBe("DENY");
});

test("API responses carry ETag and Cache-Control, and a matching If-None-Match gets 304", async ({
  request,
}) => {
  for (const path of [
    "/api/v1/organizations",
    "/api/v1/reports/gangcheng/2024",
    "/api/v1/reports/gangcheng/2024?format=csv",
    "/api/v1/openapi.json",
  ]) {
    const first = await request.get(path);
    expect(first.status()).toBe(200);
    const etag = first.headers()["etag"]!;
    expect(etag).toMatch(/^"/);
    expect(first.headers()["cache-control"]).toMatch(/public/);
    const again = await request.get(path, { headers: { "If-None-Match": etag } });
    expect(again.status(), path).toBe(304);
  }
});

test("public pages are cacheable by a proxy: report pages send s-maxage and an ETag, and answer 304", async ({
  request,
}) => {
  const page = await request.get("/reports/gangcheng/2024");
  expect(page.headers()["cache-control"]).toMatch(/s-maxage=\d+/);
  const etag = page.headers()["etag"]!;
  expect(etag).toBeTruthy();
  expect(
    (await request.get("/reports/gangcheng/2024", { headers: { "If-None-Match": etag } })).status(),
  ).toBe(304);
});

test("errors are JSON with a message, never an HTML page", async ({ request }) => {
  const cases: [string, number][] = [
    ["/api/v1/reports/gangcheng/2010", 404],
    ["/api/v1/reports/gangcheng/abcd", 400],
    ["/api/v1/reports?kind=STREET", 400],
    ["/api/v1/rollup/gangcheng/2024", 404],
    ["/api/v1/no/such/endpoint", 404],
  ];
  for (const [path, status] of cases) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(status);
    expect(response.headers()["content-type"]).toMatch(/^application\/json/);
    const body = await response.json();
    expect(body.error.message.length).toBeGreaterThan(0);
  }
  const post = await request.post("/api/v1/organizations", { data: {} });
  expect(post.status()).toBe(405);
  expect(post.headers()["content-type"] ?? "").not.toMatch(/html/);
});

test("the bulk download of 2024 holds each report's JSON and one CSV of all cells", async ({ request }) => {
  const response = await request.get("/api/v1/bulk/2024");
  expect(response.headers()["content-type"]).toBe("application/zip");
  const body = await response.body();
  // The size lets the open-data page's download link show progress.
  expect(Number(response.headers()["x-download-size"])).toBe(body.length);
  const files = unzipSync(new Uint8Array(body));
  expect(Object.keys(files)).toEqual(
    expect.arrayContaining([
      "README.txt",
      "cells-2024.csv",
      "reports/gangcheng.json",
      "reports/jinxiu.json",
      "reports/bailu.json",
    ]),
  );
  expect(JSON.parse(strFromU8(files["reports/gangcheng.json"]!)).organization.slug).toBe("gangcheng");
});

test("the open-data page downloads the year's zip with a progress bar", async ({ page }) => {
  await page.goto("/open-data");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "/api/v1/bulk/2024" }).click();
  expect((await download).suggestedFilename()).toBe("nianbao-2024.zip");
  await expect(page.getByRole("status").filter({ hasText: /已下载（\d+ KB）/ })).toBeVisible();
});

test("the OpenAPI document is served and the human documentation links to it", async ({ page, request }) => {
  const doc = await (await request.get("/api/v1/openapi.json")).json();
  expect(doc.openapi).toBe("3.1.0");
  await page.goto("/open-data");
  await expect(page.getByRole("link", { name: "/api/v1/openapi.json" })).toBeVisible();
  for (const path of Object.keys(doc.paths))
    await expect(page.getByRole("heading", { name: `GET /api/v1${path}`, exact: true })).toBeVisible();
});
