// The reader's journeys: a newcomer reaches 钢城街道's latest report from the home page and downloads it as Word,
// JSON and CSV (each parsed); the page prints like the official document; and, once two consecutive years are
// published (this file publishes 钢城街道 2016 and 2017 itself), the 「与上年对比」 switch works without JavaScript
// and the body page and the comparison show both years. 2016/2017 because no other spec uses them or 2018: a
// published previous year brings cross-year checks into that year's submission.
import type { Download, Page } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import { readFileSync } from "node:fs";
import { parseCsv } from "@/lib/domain/open-data/export-csv";
import { reportSchema } from "@/lib/domain/report-schema";
import { confirmCarried, fillContact, GANGCHENG, openNewReport, saveAndWait } from "./editor-helpers";
import { expect, expectNoAxeViolations, signIn, test } from "./fixtures";

test.beforeEach(async ({ page }) => {
  await page.route("**/favicon.ico", (route) => route.fulfill({ status: 204 }));
});

async function bytesOf(download: Download): Promise<Buffer> {
  return readFileSync((await download.path())!);
}

async function downloadVia(page: Page, name: RegExp): Promise<Download> {
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name }).click();
  return download;
}

test("a newcomer reaches 钢城街道's latest report from the home page and downloads it as Word, JSON and CSV", async ({
  page,
}) => {
  await page.goto("/");
  await page
    .getByRole("region", { name: "最新发布的年度报告" })
    .getByRole("link", { name: /钢城街道.*2025/ })
    .click();
  await expect(page).toHaveURL(/\/reports\/gangcheng\/2025$/);
  const meta = page.locator(".report-meta");
  for (const label of ["发布机构", "成文日期", "发布日期", "版本"])
    await expect(meta.getByText(label, { exact: true })).toBeVisible();
  await expect(meta).toContainText(/2026年1月\d{1,2}日/);

  const word = await downloadVia(page, /下载 Word/);
  expect(word.suggestedFilename()).toBe("gangcheng-2025.docx");
  const xml = strFromU8(unzipSync(new Uint8Array(await bytesOf(word)))["word/document.xml"]!);
  for (const text of [
    "一、总体情况",
    "申请人情况",
    "四、结转下年度继续办理",
    "复议后起诉",
    "柳北区人民政府钢城街道办事处",
  ])
    expect(xml).toContain(text);

  const json = JSON.parse((await bytesOf(await downloadVia(page, /下载 JSON/))).toString("utf8"));
  expect(json).toMatchObject({ schemaVersion: 1, organization: { slug: "gangcheng" }, year: 2025 });
  expect(json.report.tables.t3.newReceived.total).toBeGreaterThan(0);
  expect(reportSchema.safeParse(json.report).success).toBe(true);

  const csv = (await bytesOf(await downloadVia(page, /下载 CSV/))).toString("utf8");
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const rows = parseCsv(csv);
  expect(rows).toHaveLength(201);
  expect(rows[1]!.slice(0, 4)).toEqual(["柳北区人民政府钢城街道办事处", "gangcheng", "2025", "t2"]);
});

test("the report page's tables name their row and column headers, and print on A4 like the document", async ({
  page,
}) => {
  await page.goto("/reports/gangcheng/2024");
  const t3 = page.getByRole("table", { name: /收到和处理政府信息公开申请情况/ });
  const cell = t3.locator("td[headers]").first();
  const headers = (await cell.getAttribute("headers"))!.split(" ");
  for (const id of headers) await expect(t3.locator(`[id="${id}"]`)).toHaveCount(1);
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".report-tools")).toBeHidden();
  await expect(page.locator(".site-header")).toBeHidden();
  const fontSize = await page
    .locator(".report-document p")
    .first()
    .evaluate((p) => getComputedStyle(p).fontSize);
  expect(fontSize).toBe("21.3333px"); // 16pt, 三号
  const pdf = await page.pdf({ format: "A4" });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
});

// ---- Two consecutive published years, published through the real workflow ----------------------------------

async function signInAs(page: Page, username: string) {
  await signIn(page, username);
  await expect(page.getByRole("heading", { name: "我的年报" })).toBeVisible();
}

async function publishYear(page: Page, year: number) {
  await signInAs(page, "gangcheng-editor");
  await openNewReport(page, year);
  await page.getByLabel("选择文件").setInputFiles({
    name: "gangcheng-2024.txt",
    mimeType: "text/plain",
    buffer: readFileSync("prisma/seed-data/gangcheng-2024.txt"),
  });
  await page.getByRole("button", { name: `确认导入并新建${year}年度报告` }).click();
  await page.waitForURL(/\/workspace\/reports\/(?!new)[^/]+$/);
  const editor = new URL(page.url()).pathname;
  await page.getByLabel("标题", { exact: true }).fill(`${GANGCHENG}${year}年政府信息公开工作年度报告`);
  for (const item of ["开头段落（可选）", "（一）主动公开", "（二）依申请公开"]) {
    const field = page.getByLabel(item);
    await field.fill((await field.inputValue()).replaceAll("2024", String(year)));
  }
  await fillContact(page);
  // 2017 repeats 2016's text (the same seed): its author confirms each sentence kept from last year.
  await confirmCarried(page);
  await saveAndWait(page);
  await act(page, "提交审核", "待审核（审核）");
  await signInAs(page, "gangcheng-reviewer");
  await page.goto(`${editor}/review`);
  await act(page, "审核通过", "待审核（签发）");
  await signInAs(page, "gangcheng-signer");
  await page.goto(`${editor}/review`);
  await act(page, "签发", "已批准");
  await act(page, "发布", "已发布");
}

async function act(page: Page, action: string, status: string) {
  const bar = page.locator("section.workflow-bar");
  await bar.getByRole("button", { name: action, exact: true }).click();
  await bar.getByRole("button", { name: `确认${action}`, exact: true }).click();
  await expect(bar.getByRole("heading", { level: 2 })).toHaveText(`状态：${status}`);
}

test.describe("with 2016 and 2017 published", () => {
  test.describe.configure({ mode: "serial" });

  test("钢城街道 publishes its 2016 and 2017 reports, and the public list of its reports shows both", async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await publishYear(page, 2016);
    await publishYear(page, 2017);
    await page.goto("/reports/gangcheng");
    const years = page.getByRole("region", { name: "历年政府信息公开工作年度报告" }).getByRole("listitem");
    for (const year of ["2016年", "2017年"]) await expect(years.filter({ hasText: year })).toHaveCount(1);
  });

  test("the 「与上年对比」 switch shows 2016's value beside each 2017 cell, without JavaScript", async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/reports/gangcheng/2017");
    const t3 = page.getByRole("table", { name: /收到和处理政府信息公开申请情况/ });
    await expect(t3.getByText("上年 0").first()).toBeHidden();
    await page.getByLabel("在表格每个数值旁显示2016年度的数值").check();
    await expect(t3.getByText("上年 0").first()).toBeVisible();
    await context.close();
  });

  test("the body page charts all published years and the comparison puts them side by side", async ({
    page,
  }) => {
    await page.goto("/reports/gangcheng");
    const years = page.getByRole("region", { name: "历年政府信息公开工作年度报告" }).getByRole("listitem");
    await expect(years.first()).toContainText("2025");
    await expect(years.filter({ hasText: "2017年" })).toHaveCount(1);
    const table = page.getByRole("table", { name: "历年主要数据（件）" });
    for (const year of ["2016年", "2017年", "2021年", "2024年", "2025年"])
      await expect(table.getByRole("columnheader", { name: year })).toBeVisible();
    await expect(page.locator(".key-chart__label")).toHaveCount(
      (await table.getByRole("columnheader").count()) - 1,
    );

    await page.goto("/compare");
    await page.getByLabel(GANGCHENG).check();
    await page.getByLabel("2016年度").check();
    await page.getByLabel("2017年度").check();
    await page.getByRole("button", { name: "对比" }).click();
    await expect(page.getByRole("rowheader", { name: `${GANGCHENG} 2016年度` })).toBeVisible();
    await expect(page.getByRole("rowheader", { name: `${GANGCHENG} 2017年度` })).toBeVisible();
    await expectNoAxeViolations(page);
    const csv = parseCsv((await bytesOf(await downloadVia(page, /下载 CSV/))).toString("utf8"));
    expect(csv.map((r) => r[2])).toEqual(["year", "2016", "2017"]);
  });
});
