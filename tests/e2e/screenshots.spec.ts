// 「Look at it」: the demo world's main screens at desktop width and at 375 px, each checked by axe, saved as PNGs
// under test-results/screenshots/ for a person to look at (issue 12 item 5).
import type { Page } from "@playwright/test";
import { GANGCHENG } from "./editor-helpers";
import { expect, expectNoAxeViolations, signIn, test } from "./fixtures";

test.describe.configure({ mode: "serial", timeout: 90_000 });

test.beforeEach(async ({ page }) => {
  await page.route("**/favicon.ico", (route) => route.fulfill({ status: 204 }));
});

async function shoot(page: Page, name: string) {
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `test-results/screenshots/${name}-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 375, height: 812 });
  await page.screenshot({ path: `test-results/screenshots/${name}-375.png`, fullPage: true });
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 1280, height: 900 });
}

const PUBLIC: [string, string][] = [
  ["home", "/"],
  ["body-page", "/reports/jinxiu"],
  ["report", "/reports/jinxiu/2023"],
  ["rollup", "/rollup/liubei/2025"],
  ["comparison", "/compare?orgs=gangcheng,jinxiu,bailu&years=2023,2024,2025"],
];

for (const [name, path] of PUBLIC) {
  test(`screenshot of the ${name}`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole("complementary", { name: "示例数据" })).toBeVisible();
    await shoot(page, name);
  });
}

test("screenshot of the editor with findings", async ({ page }) => {
  await signIn(page, "bailu-editor");
  await expect(page.getByRole("heading", { name: "我的年报" })).toBeVisible();
  await page.getByRole("link", { name: "编辑2025年度报告" }).click();
  await page.waitForURL(/\/workspace\/reports\/[^/]+$/);
  const cell = page.getByRole("textbox", { name: "二、上年结转政府信息公开申请数量 自然人", exact: true });
  await cell.fill("99");
  await expect(page.getByText(/X-CARRY-OVER|T3-BALANCE/).first()).toBeVisible();
  await shoot(page, "editor-findings");
});

test("screenshot of the review screen with a remark on a cell", async ({ page }) => {
  await signIn(page, "gangcheng-reviewer");
  await expect(page.getByRole("heading", { name: "我的年报" })).toBeVisible();
  await page.goto("/workspace/todo");
  await page.getByRole("link", { name: `审核：${GANGCHENG} 2026年度报告` }).click();
  await expect(page.getByRole("heading", { name: /审核意见/ })).toBeVisible();
  await shoot(page, "review");
});

test("screenshot of the deadline board", async ({ page }) => {
  await signIn(page, "liubei-office");
  await expect(page.getByRole("heading", { name: "我的年报" })).toBeVisible();
  await page.goto("/workspace/board");
  await expect(page.getByRole("row", { name: /白露街道/ })).toBeVisible();
  await shoot(page, "board");
});
