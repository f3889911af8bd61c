// The Content-Security-Policy in a real browser (issue 10 item 11; docs/decisions/0014): public pages (served as
// cached HTML, static policy) and staff pages (nonce per response) still hydrate and work, and Chromium reports
// no CSP violation on any of them. Hydration is visible: the 关怀版 button renders only in the browser.
import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "@playwright/test";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DEMO, DEMO_PASSWORD, startApp, type App } from "./harness";

const executablePath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));

describe("CSP in Chromium [pglite]", () => {
  let app: App;
  let browser: Browser;
  let page: Page;
  const violations: string[] = [];

  beforeAll(async () => {
    app = await startApp({ db: "pglite" });
    browser = await chromium.launch({ executablePath });
    page = await browser.newPage();
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to (execute|load|apply|connect)/i.test(m.text()))
        violations.push(m.text());
    });
    // securitypolicyviolation events as well, in case a violation is not logged to the console.
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) =>
        console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`),
      );
    });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.dispose();
  });

  const hydrated = async () =>
    expect(await page.getByRole("button", { name: "关怀版（大字）" }).isVisible({ timeout: 15_000 })).toBe(
      true,
    );

  test.each(["/", "/reports/gangcheng", "/reports/gangcheng/2024", "/compare", "/open-data"])(
    "public page %s hydrates without a CSP violation",
    async (path) => {
      const res = await page.goto(new URL(path, app.url).href);
      expect(res?.status()).toBe(200);
      expect(res?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
      await page.getByRole("button", { name: "关怀版（大字）" }).waitFor({ timeout: 15_000 });
      await hydrated();
      expect(violations).toEqual([]);
    },
  );

  test("sign-in with JavaScript, then the workspace and an editor page, without a CSP violation", async () => {
    const res = await page.goto(new URL("/login", app.url).href);
    expect(res?.headers()["content-security-policy"]).toMatch(/'nonce-/);
    await page.getByRole("button", { name: "关怀版（大字）" }).waitFor({ timeout: 15_000 });
    await page.getByLabel(/用户名/).fill(DEMO.editor);
    await page.getByLabel(/密码/).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await page.waitForURL(/\/workspace/, { timeout: 30_000 });
    await page.getByRole("button", { name: "关怀版（大字）" }).waitFor({ timeout: 15_000 });
    const link = page.locator('a[href^="/workspace/reports/"]').first();
    if (await link.count()) {
      await link.click();
      await page.waitForLoadState("networkidle");
    }
    // Every violation counts, a blocked eval included: zod is told to interpret its parsers before any schema exists
    // (instrumentation-client.ts), so nothing on these pages even probes for eval.
    expect(violations).toEqual([]);
  });
});
