import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CARE_MODE_SCRIPT } from "@/lib/domain/care-mode";
import {
  pageTarget,
  removeSiteFile,
  reportDataTargets,
  sitePath,
  STATIC_PAGE_SCRIPT,
  staticHtmlOf,
  staticScriptHashes,
  stylesheetsOf,
  writeSiteFile,
} from "./files";

const APP_HTML = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"/>
<link rel="stylesheet" href="/_next/static/chunks/abc123.css" data-precedence="next"/>
<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/w.js"/>
<script src="/_next/static/chunks/main.js" async=""></script>
<script>${CARE_MODE_SCRIPT}</script></head>
<body><nav><ul><li data-care-slot=""></li></ul></nav><main><h1>钢城街道2024年政府信息公开工作年度报告</h1>
<button type="button" class="button no-print" data-action="print">打印 / 另存为PDF</button></main>
<script>(self.__next_f=self.__next_f||[]).push([0])</script><script>self.__next_f.push([1,"x"])</script>
</body></html>`;

describe("static pages", () => {
  it("maps addresses onto files", () => {
    expect(pageTarget("/").file).toBe("index.html");
    expect(pageTarget("/reports/gangcheng/2024").file).toBe("reports/gangcheng/2024/index.html");
    expect(reportDataTargets("gangcheng", 2024).map((t) => [t.url, t.file])).toEqual([
      ["/api/v1/reports/gangcheng/2024", "api/v1/reports/gangcheng/2024.json"],
      ["/api/v1/reports/gangcheng/2024?format=csv", "api/v1/reports/gangcheng/2024.csv"],
      ["/api/v1/reports/gangcheng/2024?format=docx", "api/v1/reports/gangcheng/2024.docx"],
    ]);
  });

  it("drops framework JavaScript, keeps the 关怀版 bootstrap and adds the one static script", () => {
    const html = staticHtmlOf(APP_HTML);
    expect(html).not.toContain("/_next/static/chunks/main.js");
    expect(html).not.toContain("__next_f");
    expect(html).not.toContain('as="script"');
    expect(html).toContain(`<script>${CARE_MODE_SCRIPT}</script>`);
    expect(html).toContain(`<script>${STATIC_PAGE_SCRIPT}</script></body>`);
    expect([...html.matchAll(/<script/g)]).toHaveLength(2);
    // Same document otherwise: the content and the stylesheet stay.
    expect(html).toContain("<h1>钢城街道2024年政府信息公开工作年度报告</h1>");
    expect(stylesheetsOf(html)).toEqual(["/_next/static/chunks/abc123.css"]);
    expect(staticScriptHashes()).toHaveLength(2);
    for (const h of staticScriptHashes()) expect(h).toMatch(/^'sha256-[A-Za-z0-9+/]+=*'$/);
  });

  it("refuses files outside the site directory", () => {
    expect(() => sitePath("/srv/site", "../etc/passwd")).toThrow();
    expect(sitePath("/srv/site", "reports/x/index.html")).toBe("/srv/site/reports/x/index.html");
  });
});

describe("writing site files", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "nianbao-site-test-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("writes the page with .gz and .br siblings of the same bytes, and leaves no temp file", async () => {
    const target = pageTarget("/reports/gangcheng/2024");
    const bytes = new TextEncoder().encode(staticHtmlOf(APP_HTML).repeat(20));
    expect(await writeSiteFile(dir, target, bytes)).toBe("written");
    const path = join(dir, target.file);
    expect(readFileSync(path)).toEqual(Buffer.from(bytes));
    expect(gunzipSync(readFileSync(`${path}.gz`))).toEqual(Buffer.from(bytes));
    expect(brotliDecompressSync(readFileSync(`${path}.br`))).toEqual(Buffer.from(bytes));
    expect(readdirSync(join(dir, "reports/gangcheng/2024")).sort()).toEqual([
      "index.html",
      "index.html.br",
      "index.html.gz",
    ]);
  });

  it("leaves unchanged bytes alone (Last-Modified stays) and replaces changed ones", async () => {
    const target = pageTarget("/");
    await writeSiteFile(dir, target, new TextEncoder().encode("<p>一</p>"));
    const mtime = statSync(join(dir, "index.html")).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    expect(await writeSiteFile(dir, target, new TextEncoder().encode("<p>一</p>"))).toBe("unchanged");
    expect(statSync(join(dir, "index.html")).mtimeMs).toBe(mtime);
    expect(await writeSiteFile(dir, target, new TextEncoder().encode("<p>二</p>"))).toBe("written");
    expect(gunzipSync(readFileSync(join(dir, "index.html.gz"))).toString()).toBe("<p>二</p>");
  });

  it("writes binary files without compressed siblings", async () => {
    const [, , docx] = reportDataTargets("gangcheng", 2024);
    await writeSiteFile(dir, docx!, new Uint8Array([0x50, 0x4b, 3, 4]));
    expect(existsSync(join(dir, docx!.file))).toBe(true);
    expect(existsSync(join(dir, `${docx!.file}.gz`))).toBe(false);
  });

  it("removes a file with its siblings", async () => {
    const target = pageTarget("/reports/gangcheng/2024");
    await writeSiteFile(dir, target, new TextEncoder().encode("<p>x</p>"));
    expect(await removeSiteFile(dir, target)).toBe("removed");
    expect(readdirSync(join(dir, "reports/gangcheng/2024"))).toEqual([]);
    expect(await removeSiteFile(dir, target)).toBe("absent");
  });
});
