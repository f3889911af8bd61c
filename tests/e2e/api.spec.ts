// The open-data API through the real server: the 汇总 of 柳北区 equals its published 街道 reports, conditional
// requests, cache headers on pages and API alike, JSON (never HTML) for errors, the bulk zip.
import { strFromU8, unzipSync } from "fflate";
import { expect, test } from "./fixtures";

test("GET /api/v1/rollup/liubei/2024 is the sum of 柳北区's published reports: here 钢城街道's", async ({
  request,
}) => {
  const rollup = await (await request.get("/api/v1/rollup/liubei/2024")).json();
  const published = await (await request.get("/api/v1/reports?year=2024")).json();
  const below = published.reports.filter((r: { organization: { slug: string } }) =>
    rollup.contributors.some((c: { slug: string }) => c.slug === r.organization.slug),
  );
  // In the demo data 钢城街道 is the only body below 柳北区 with a published 2024 report.
  expect(below.map((r: { organization: { slug: string } }) => r.organization.slug)).toEqual(["gangcheng"]);
  const gangcheng = await (await request.get("/api/v1/reports/gangcheng/2024")).json();
  expect(rollup.tables).toEqual(gangcheng.report.tables);
  expect(rollup.missing.map((m: { slug: string }) => m.slug)).toEqual(
    expect.arrayContaining(["jinxiu", "bailu"]),
  );
  const sub = await (
    await request.get("/api/v1/rollup/liubei/2024?kind=SUBDISTRICT&cell=t3:newReceived:total")
  ).json();
  expect(sub.cell.contributions.map((c: { slug: string }) => c.slug)).toEqual(["gangcheng"]);
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
  const files = unzipSync(new Uint8Array(await response.body()));
  expect(Object.keys(files)).toEqual(
    expect.arrayContaining(["README.txt", "cells-2024.csv", "reports/gangcheng.json"]),
  );
  expect(JSON.parse(strFromU8(files["reports/gangcheng.json"]!)).organization.slug).toBe("gangcheng");
});

test("the OpenAPI document is served and the human documentation links to it", async ({ page, request }) => {
  const doc = await (await request.get("/api/v1/openapi.json")).json();
  expect(doc.openapi).toBe("3.1.0");
  await page.goto("/open-data");
  await expect(page.getByRole("link", { name: "/api/v1/openapi.json" })).toBeVisible();
  for (const path of Object.keys(doc.paths))
    await expect(page.getByRole("heading", { name: `GET /api/v1${path}`, exact: true })).toBeVisible();
});
