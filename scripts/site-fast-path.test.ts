// The fast path (scripts/site-fast-path.mjs) answers exactly what nginx would from the site directory, and gives
// every other request to Next; a removed or rewritten file is seen by the very next request.
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { brotliCompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_CACHE_CONTROL, etagOf } from "@/lib/server/open-data/api-http";
import { ORGANIZATIONS_TARGET, pageTarget, reportDataTargets } from "@/lib/server/site/files";
import { learnedSiteChanges, siteChangeLearned, siteWrittenUpTo } from "@/lib/server/site/freshness";
import { createSiteFastPath, siteFileFor } from "./site-fast-path.mjs";

const PAGE = "<!DOCTYPE html><html><body><h1>钢城街道2024年政府信息公开工作年度报告</h1></body></html>";
let dir: string;
let server: http.Server;
let base: string;

function put(file: string, text: string, compressed = true) {
  const path = join(dir, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  if (compressed) {
    writeFileSync(`${path}.gz`, gzipSync(text));
    writeFileSync(`${path}.br`, brotliCompressSync(text));
  }
}

/** Raw GET (fetch would decode the body and hide Content-Encoding). */
function get(path: string, headers: Record<string, string> = {}, method = "GET") {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((done, fail) => {
    const req = http.request(`${base}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        done({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on("error", fail);
    req.end();
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "nianbao-fast-"));
  put("index.html", "<h1>专栏</h1>");
  put("reports/gangcheng/2024/index.html", PAGE);
  put("api/v1/reports/gangcheng/2024.json", '{"year":2024}');
  put("api/v1/reports/gangcheng/2024.csv", "表,行\n");
  const serve = createSiteFastPath({ siteDir: dir, pageCsp: "script-src 'self' 'sha256-x'" });
  server = http.createServer((req, res) => {
    if (serve(req, res)) return;
    res.writeHead(299, { "x-answered-by": "next" }).end("next");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the site fast path", () => {
  it("maps only the addresses nginx maps, and nothing outside the directory", () => {
    expect(siteFileFor("GET", "/")).toMatchObject({ file: "index.html", kind: "html" });
    expect(siteFileFor("GET", "/reports/gangcheng/2024")).toMatchObject({
      file: "reports/gangcheng/2024/index.html",
    });
    expect(siteFileFor("HEAD", "/rollup/city/2024")).toMatchObject({ file: "rollup/city/2024/index.html" });
    expect(siteFileFor("GET", "/api/v1/reports/gangcheng/2024?format=csv")).toMatchObject({
      file: "api/v1/reports/gangcheng/2024.csv",
      download: "gangcheng-2024.csv",
    });
    for (const url of [
      "/?q=钢城",
      "/reports/gangcheng/2024?x=1",
      "/reports/../etc/passwd",
      "/reports/%2e%2e/x",
      "/reports/gangcheng/2024/",
      "/workspace",
      "/login",
      "/api/v1/reports/gangcheng/2024?format=xml",
      "/api/v1/comparison",
      "/_next/static/chunks/x.js",
    ])
      expect(siteFileFor("GET", url), url).toBeNull();
    expect(siteFileFor("POST", "/")).toBeNull();
  });

  it("maps each address to the file the site writer writes for it (lib/server/site/files.ts)", () => {
    // The preload cannot import TypeScript, so the mapping is written twice; this keeps the copies equal.
    const written = [
      pageTarget("/"),
      pageTarget("/reports/gangcheng"),
      pageTarget("/reports/gangcheng/2024"),
      pageTarget("/reports/gangcheng/2024/editions/2"),
      pageTarget("/rollup/liubei/2024"),
      ORGANIZATIONS_TARGET,
      // .docx (binary, rarely asked for) is left to Next.
      ...reportDataTargets("gangcheng", 2024).filter((t) => t.kind !== "docx"),
    ];
    for (const target of written) expect(siteFileFor("GET", target.url)?.file, target.url).toBe(target.file);
  });

  it("serves brotli, gzip or the plain file as accepted, with the static policy and validators", async () => {
    const br = await get("/reports/gangcheng/2024", { "accept-encoding": "gzip, deflate, br" });
    expect(br.status).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["content-security-policy"]).toBe("script-src 'self' 'sha256-x'");
    expect(br.headers["x-frame-options"]).toBe("DENY");
    expect(br.headers["vary"]).toBe("Accept-Encoding");
    const gz = await get("/reports/gangcheng/2024", { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).toString()).toBe(PAGE);
    const plain = await get("/reports/gangcheng/2024", { "accept-encoding": "br;q=0, identity" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(PAGE);
    expect(plain.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(new Set([br.headers.etag, gz.headers.etag, plain.headers.etag]).size).toBe(3);

    const again = await get("/reports/gangcheng/2024", {
      "accept-encoding": "gzip",
      "if-none-match": String(gz.headers.etag),
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const head = await get("/reports/gangcheng/2024", {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers["content-length"]).toBe(String(Buffer.byteLength(PAGE)));
  });

  it("serves open data with the API's cache policy, CORS and the CSV as a download", async () => {
    const json = await get("/api/v1/reports/gangcheng/2024");
    expect(json.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(json.headers["access-control-allow-origin"]).toBe("*");
    // The app's own API answer for the same bytes carries the same policy and validator (api-http.ts).
    expect(json.headers["cache-control"]).toBe(API_CACHE_CONTROL);
    expect(json.headers.etag).toBe(etagOf(json.body));
    expect(json.body.toString()).toBe('{"year":2024}');
    const csv = await get("/api/v1/reports/gangcheng/2024?format=csv");
    expect(csv.headers["content-disposition"]).toBe('attachment; filename="gangcheng-2024.csv"');
  });

  it("gives Next every query string, every unknown address and every address without a file", async () => {
    for (const path of [
      "/?q=%E9%92%A2%E5%9F%8E",
      "/reports/gangcheng/2023",
      "/reports/gangcheng",
      "/login",
    ]) {
      const res = await get(path);
      expect(res.headers["x-answered-by"], path).toBe("next");
    }
  });

  it("sees a removal and a rewrite on the very next request (withdrawal, correction)", async () => {
    put("reports/gangcheng/2025/index.html", "<h1>第1版</h1>");
    expect((await get("/reports/gangcheng/2025")).body.toString()).toBe("<h1>第1版</h1>");
    put("reports/gangcheng/2025/index.html", "<h1>第2版（更正）</h1>", false);
    expect((await get("/reports/gangcheng/2025")).body.toString()).toBe("<h1>第2版（更正）</h1>");
    // The page goes first (lib/server/site/files.ts removeSiteFile): its siblings alone are never served.
    unlinkSync(join(dir, "reports/gangcheng/2025/index.html"));
    const gone = await get("/reports/gangcheng/2025", { "accept-encoding": "br, gzip" });
    expect(gone.headers["x-answered-by"]).toBe("next");
  });

  it("leaves every address to Next from a learned change until the worker has written it (docs/decisions/0027)", async () => {
    const served = async () => (await get("/reports/gangcheng/2024")).headers["x-answered-by"] !== "next";
    expect(await served()).toBe(true);
    // A publication committed (this process's own, or another instance's NOTIFY): the body page, home and 汇总
    // files may not list it yet.
    siteChangeLearned();
    const seen = learnedSiteChanges();
    expect(await served()).toBe(false);
    expect((await get("/api/v1/reports/gangcheng/2024")).headers["x-answered-by"]).toBe("next");
    // A second change arrives while the worker is checking the outbox: its drain covers only the first.
    siteChangeLearned();
    siteWrittenUpTo(seen);
    expect(await served()).toBe(false);
    siteWrittenUpTo(learnedSiteChanges());
    expect(await served()).toBe(true);
  });
});
