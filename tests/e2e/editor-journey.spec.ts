// A 填报员's whole year in the editor, as issue 15 tells it: last year's report is on line (this file imports and
// publishes 钢城街道 2008 itself, so nothing here depends on the demo's figures), the 2009 report is created from it,
// last year's figures left in the prose are flagged until changed or confirmed one by one, the metadata form asks
// for every part of the document (contact, 落款, 成文日期), findings reach assistive technology, and the published
// page, its Word copy and its print view carry the dates and the 落款 like the imported report does.
// 2008/2009 because no other spec uses them (the demo world publishes 2021–2025, workflow.spec 2020).
import type { Page } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import { readFileSync } from "node:fs";
import { T3_ROWS } from "@/lib/domain/format";
import {
  confirmCarried,
  fillContact,
  GANGCHENG,
  keys,
  openNewReport,
  pasteText,
  saveAndWait,
} from "./editor-helpers";
import { expect, expectNoAxeViolations, signIn, test } from "./fixtures";

const LAST = 2008;
const YEAR = 2009;
const SIGNED = "2010-01-20";
const SIGNED_ZH = "2010年1月20日";
const N = "一、本年新收政府信息公开申请数量";
const SHOTS = "test-results/journey";

let editorPath = "";

test.describe.configure({ mode: "serial", timeout: 150_000 });

test.beforeEach(async ({ page }) => {
  await page.route("**/favicon.ico", (route) => route.fulfill({ status: 204 }));
});

async function signInAs(page: Page, username: string) {
  await signIn(page, username);
  await expect(page.getByRole("heading", { name: "我的年报" })).toBeVisible();
}

async function act(page: Page, action: string, status: string) {
  const bar = page.locator("section.workflow-bar");
  await bar.getByRole("button", { name: action, exact: true }).click();
  await bar.getByRole("button", { name: `确认${action}`, exact: true }).click();
  const outcome = async () => {
    const alert = bar.getByRole("alert");
    return (await alert.count()) > 0
      ? await alert.innerText()
      : await bar.getByRole("heading", { level: 2 }).innerText();
  };
  await expect.poll(outcome).toBe(`状态：${status}`);
}

async function approveAndPublish(page: Page, path: string) {
  await signInAs(page, "gangcheng-reviewer");
  await page.goto(`${path}/review`);
  await act(page, "审核通过", "待审核（签发）");
  await signInAs(page, "gangcheng-signer");
  await page.goto(`${path}/review`);
  await act(page, "签发", "已批准");
  await act(page, "发布", "已发布");
}

const zeros = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 === 0 ? "0" : "ArrowRight"));
const chinaToday = () =>
  new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "long" }).format(new Date());

test("last year's report is imported, given its contact and published", async ({ page }) => {
  await signInAs(page, "gangcheng-editor");
  await openNewReport(page, LAST);
  await page.getByLabel("选择文件").setInputFiles({
    name: "gangcheng-2024.txt",
    mimeType: "text/plain",
    buffer: readFileSync("prisma/seed-data/gangcheng-2024.txt"),
  });
  await page.getByRole("button", { name: `确认导入并新建${LAST}年度报告` }).click();
  await page.waitForURL(/\/workspace\/reports\/(?!new)[^/]+$/);
  const path = new URL(page.url()).pathname;
  await page.getByLabel("标题", { exact: true }).fill(`${GANGCHENG}${LAST}年政府信息公开工作年度报告`);
  const ids = await page
    .locator("textarea[id^='text-']")
    .evaluateAll((all) =>
      (all as HTMLTextAreaElement[]).filter((t) => /202[45]/.test(t.value)).map((t) => t.id),
    );
  for (const id of ids) {
    const area = page.locator(`[id="${id}"]`);
    const text = await area.inputValue();
    await area.fill(text.replaceAll("2024", String(LAST)).replaceAll("2025", String(LAST + 1)));
  }
  await fillContact(page);
  await saveAndWait(page);
  await act(page, "提交审核", "待审核（审核）");
  await approveAndPublish(page, path);
  await page.goto("/reports/gangcheng");
  const years = page.getByRole("region", { name: "历年政府信息公开工作年度报告" }).getByRole("listitem");
  await expect(years.filter({ hasText: `${LAST}年` })).toHaveCount(1);
});

test("the 2009 report from last year's: carried-over figures, the document's parts and findings for screen readers", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await signInAs(page, "gangcheng-editor");
  await openNewReport(page, YEAR);
  await page.getByRole("button", { name: `以${LAST}年度报告为基础新建` }).click();
  await page.waitForURL(/\/workspace\/reports\/(?!new)[^/]+$/);
  editorPath = new URL(page.url()).pathname;
  await page.screenshot({ path: `${SHOTS}/editor-1366.png` });

  // The metadata form is prefilled from the body and from last year; the 成文日期 is this year's to give.
  const form = page.getByRole("form", { name: "基本信息" });
  await expect(form.getByLabel("标题", { exact: true })).toHaveValue(
    `${GANGCHENG}${YEAR}年政府信息公开工作年度报告`,
  );
  await expect(form.getByLabel("落款（机关名称）")).toHaveValue(GANGCHENG);
  await expect(form.getByLabel("电话", { exact: true })).not.toHaveValue("");
  const date = form.getByLabel("成文日期（落款日期）");
  await expect(date).toHaveValue("");
  await expect(form.getByText("发布时自动填写")).toBeVisible();

  // 「栏目主动公开政府信息83条」: last year's figure under this year's year, flagged with the figure marked.
  const active = page.getByLabel("（一）主动公开", { exact: true });
  await expect(active).toHaveValue(/^2009年,钢城街道.*83条/);
  const carried = page.locator("#text-overview-active-carried");
  await expect(carried).toContainText("沿用上年表述，请核实");
  await expect(carried.locator("mark", { hasText: "83条" })).toBeVisible();
  await expect(active).toHaveAccessibleDescription(/沿用上年表述，请核实/);
  const panel = page.getByRole("region", { name: "检查结果" });
  await expect(panel.getByText(/^沿用上年表述，请核实：“2009年,钢城街道.*83条。”$/)).toBeVisible();
  await expectNoAxeViolations(page);

  // Checked as at submission, the missing 成文日期 is a finding on the field itself.
  await page.getByLabel("按提交要求检查（含未填写的单元格和必填部分）").check();
  await expect(panel.getByText("缺少成文日期：请填写“成文日期（落款日期）”")).toBeVisible();
  await expect(date).toHaveAttribute("aria-invalid", "true");
  await expect(date).toHaveAccessibleDescription(/缺少成文日期/);
  await panel.getByRole("button", { name: "定位到填写项" }).first().click();
  await expect(date).toBeFocused();
  await date.fill(SIGNED);
  await expect(panel.getByText(/缺少成文日期/)).toHaveCount(0);
  await expect(date).not.toHaveAttribute("aria-invalid", "true");

  // This year's figure replaces last year's: the sentence is no longer flagged.
  await active.fill((await active.inputValue()).replace("83条", "91条"));
  await expect(carried.locator("mark", { hasText: "83条" })).toHaveCount(0);

  // Tables: 二 and 四 by keyboard, 三 pasted; a balance error marks its cells for assistive technology.
  await page.getByRole("textbox", { name: "规章 本年制发件数", exact: true }).click();
  await keys(page, [
    "0",
    "ArrowRight",
    "0",
    "ArrowRight",
    "0",
    "Enter",
    "0",
    "ArrowLeft",
    "0",
    "ArrowLeft",
    "0",
  ]);
  for (const cell of ["行政许可 本年处理决定数量", "行政处罚 本年处理决定数量", "行政强制 本年处理决定数量"])
    await page.getByRole("textbox", { name: cell, exact: true }).fill("0");
  await page
    .getByRole("textbox", { name: "行政事业性收费 本年收费金额（单位：万元）", exact: true })
    .fill("0");
  const block = `${T3_ROWS.map(() => ["0", "0", "0", "0", "0", "0", "0"].join("\t")).join("\r\n")}\r\n`;
  await pasteText(page, `${N} 自然人`, block);
  await page.getByRole("dialog", { name: "粘贴预览" }).getByRole("button", { name: /^应用/ }).click();
  const cell = page.getByRole("textbox", { name: `${N} 自然人`, exact: true });
  await cell.fill("1");
  await expect(cell).toHaveAttribute("aria-invalid", "true");
  await expect(cell).toHaveAccessibleDescription(/^错误：表三“自然人”列：第一项加第二项之和（1）/);
  // Announced once typing pauses, politely.
  const announcer = page.getByTestId("findings-announcer");
  await expect(announcer).toHaveAttribute("aria-live", "polite");
  await expect(announcer).toContainText(/新发现\d+个问题：错误，表三/);
  await page.getByRole("textbox", { name: "行政复议 结果维持", exact: true }).focus();
  await panel.getByRole("button", { name: "定位到单元格" }).first().click();
  await expect(cell).toBeFocused();
  await cell.fill("0");
  await expect(cell).not.toHaveAttribute("aria-invalid", "true");
  await page.getByRole("textbox", { name: "行政复议 结果维持", exact: true }).click();
  // The computed 总计 between the groups is passed over with a second arrow.
  const group = [...zeros(7), "ArrowRight", "ArrowRight"];
  await keys(page, [...group, ...group, ...zeros(7)]);
  await expect(page.getByRole("textbox", { name: "行政诉讼 复议后起诉 尚未审结", exact: true })).toHaveValue(
    "0",
  );

  // 「辖区7个社区」 is still true: confirmed from the findings panel; every other sentence kept from last year is
  // confirmed under its field, one by one.
  await expect(panel.getByText(/^沿用上年表述，请核实：“辖区7个社区/)).toBeVisible();
  await panel.getByRole("button", { name: "核实无误，保留" }).first().click();
  await expect(panel.getByText(/^沿用上年表述，请核实/)).toHaveCount(0);
  await confirmCarried(page);
  await expect(page.getByText(/^已核实保留的上年表述（\d+句）$/).first()).toBeVisible();
  await expect(panel.getByText(/^沿用上年表述，请核实/)).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${SHOTS}/editor-1366-filled.png`, fullPage: false });
  await page.setViewportSize({ width: 375, height: 740 });
  await page.getByRole("form", { name: "基本信息" }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/editor-375.png` });
  await page.setViewportSize({ width: 1366, height: 768 });

  await saveAndWait(page);
  await page.reload();
  await expect(page.getByLabel("成文日期（落款日期）")).toHaveValue(SIGNED);
  await expect(page.getByRole("button", { name: "核实无误，保留" })).toHaveCount(0);
  await act(page, "提交审核", "待审核（审核）");
});

test("the reviewer sees the sentences confirmed unchanged, then the report is approved and published", async ({
  page,
}) => {
  await signInAs(page, "gangcheng-reviewer");
  await page.goto(`${editorPath}/review`);
  const list = page.getByRole("region", { name: /^沿用上年表述（经填报员核实未改，\d+ 句）$/ });
  await expect(list).toContainText("辖区7个社区均成立便民服务站");
  await expect(list).not.toContainText("83条");
  await expectNoAxeViolations(page);
  await approveAndPublish(page, editorPath);
});

test("the page, the Word copy and the print view carry the 成文日期, 发布日期 and 落款 like the imported report", async ({
  page,
}) => {
  for (const [year, written] of [
    [LAST, "2025年1月15日"],
    [YEAR, SIGNED_ZH],
  ] as const) {
    await page.goto(`/reports/gangcheng/${year}`);
    const meta = page.locator(".report-meta");
    await expect(meta.locator("dt")).toHaveText(["发布机构", "成文日期", "发布日期", "版本"]);
    await expect(meta.locator("dd").nth(1)).toHaveText(written);
    await expect(meta.locator("dd").nth(2)).toHaveText(chinaToday());
    const signature = page.locator(".report-document__signature");
    await expect(signature.locator("p")).toHaveText([GANGCHENG, written]);
  }
  await expect(page.locator(".report-document")).toContainText("电话：");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /下载 Word/ }).click();
  const bytes = readFileSync((await (await download).path())!);
  const xml = strFromU8(unzipSync(new Uint8Array(bytes))["word/document.xml"]!);
  expect(xml.lastIndexOf(GANGCHENG)).toBeLessThan(xml.lastIndexOf(SIGNED_ZH));
  expect(xml).toContain(`${YEAR}年政府信息公开工作年度报告`);

  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".report-meta")).toBeVisible();
  await expect(page.locator(".report-document__signature")).toBeVisible();
  await expect(page.locator(".report-document__signature")).toContainText(SIGNED_ZH);
  await page.screenshot({ path: `${SHOTS}/print.png`, fullPage: true });
  const pdf = await page.pdf({ format: "A4" });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  await expectNoAxeViolations(page);
});
