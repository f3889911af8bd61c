// Every public page type on the demo data: it renders, has no axe violations, fits a 320 px wide screen without
// sideways scrolling of the page, and can be used from the keyboard; plus the 关怀版 switch.
import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, test } from "./fixtures";

const PAGES: [string, string, RegExp][] = [
  ["home", "/", /政府信息公开工作年度报告专栏/],
  ["search results", `/?q=${encodeURIComponent("钢城街道办事处")}`, /政府信息公开工作年度报告专栏/],
  ["body page", "/reports/gangcheng", /柳北区人民政府钢城街道办事处/],
  ["parent body page", "/reports/liubei", /柳州市柳北区人民政府/],
  ["report page", "/reports/gangcheng/2024", /钢城街道办事处2024年政府信息公开工作年度报告/],
  ["汇总", "/rollup/liubei/2024", /柳北区2024年度政府信息公开工作年度报告汇总/],
  ["汇总 drill-down", "/rollup/liubei/2024/t3/newReceived/natural", /本年新收政府信息公开申请数量/],
  ["comparison", "/compare?orgs=gangcheng,jinxiu&years=2024", /数据对比/],
  ["open data", "/open-data", /开放数据/],
];

test.beforeEach(async ({ page }) => {
  await page.route("**/favicon.ico", (route) => route.fulfill({ status: 204 }));
});

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

for (const [name, path, heading] of PAGES) {
  test(`the ${name} renders, is axe-clean and fits 320 px`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 320, height: 640 });
    await expectNoSidewaysScroll(page);
    await expectNoAxeViolations(page);
  });
}

test("an address that names no body or year is a 404 page", async ({ page }) => {
  for (const path of ["/reports/no-such-body", "/reports/gangcheng/1999", "/rollup/gangcheng/2024"]) {
    expect((await page.request.get(path)).status()).toBe(404);
  }
});

test("search finds a body under its 街道办事处 and 街办 names, from the keyboard only", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "跳到正文" })).toBeFocused();
  const search = page.getByRole("searchbox", { name: /机关名称/ });
  await search.focus();
  await page.keyboard.type("钢城街办");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "“钢城街办”的查找结果（1个）" })).toBeVisible();
  const result = page.getByRole("link", { name: "柳北区人民政府钢城街道办事处" }).first();
  await result.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/reports\/gangcheng$/);
  await expect(page.getByRole("heading", { level: 2, name: "历年政府信息公开工作年度报告" })).toBeVisible();
});

test("the home page shows this year's publication calendar and the tree of bodies", async ({ page }) => {
  await page.goto("/");
  const calendar = page.getByRole("table", { name: /年度报告发布日历/ });
  await expect(calendar.getByRole("rowheader", { name: "钢城街道" })).toBeVisible();
  await expect(calendar.getByRole("columnheader", { name: "截止日期" })).toBeVisible();
  await page.getByRole("link", { name: "2024年度" }).click();
  await expect(page.getByRole("heading", { name: "2024年度报告发布日历" })).toBeVisible();
  const gangcheng = page
    .getByRole("table", { name: /2024年度报告发布日历/ })
    .getByRole("row", { name: /钢城街道/ });
  await expect(gangcheng).toContainText("已按时发布");
  const browse = page.getByRole("region", { name: "按机关浏览" });
  await browse.getByText("下级机关（4）").click();
  await expect(browse.getByRole("link", { name: "柳北区人民政府锦绣街道办事处" })).toBeVisible();
});

test("the body page lists the years and shows the key figures as a chart with a data table", async ({
  page,
}) => {
  await page.goto("/reports/gangcheng");
  await expect(
    page.getByRole("link", { name: /钢城街道办事处2024年政府信息公开工作年度报告/ }),
  ).toBeVisible();
  await expect(page.getByRole("img", { name: /主要数据柱状图/ })).toBeVisible();
  const table = page.getByRole("table", { name: "历年主要数据（件）" });
  await expect(table.getByRole("columnheader", { name: "2024年" })).toBeVisible();
  await expect(table.getByRole("row", { name: /本年新收申请/ })).toContainText("0");
  await page.goto("/reports/liubei");
  await page.getByRole("link", { name: "2024年度汇总" }).click();
  await expect(page).toHaveURL(/\/rollup\/liubei\/2024$/);
});

test("the 关怀版 switch enlarges the text, persists across pages and works from the keyboard", async ({
  page,
}) => {
  await page.goto("/reports/gangcheng/2024");
  const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  const before = await size();
  const toggle = page.getByRole("button", { name: "关怀版（大字）" });
  await toggle.focus();
  await page.keyboard.press("Enter");
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  expect(await size()).toBeGreaterThan(before);
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("data-care", "1");
  await expect(page.getByRole("button", { name: "关怀版（大字）" })).toHaveAttribute("aria-pressed", "true");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "关怀版（大字）" }).click();
  await expect(page.locator("html")).not.toHaveAttribute("data-care", "1");
});
