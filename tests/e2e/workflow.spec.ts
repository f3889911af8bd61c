// The review and publication journey of 钢城街道 (chain 审核 → 签发) on the demo data: the editor submits, the
// reviewer returns it with a remark on a cell, the editor fixes and resubmits, the reviewer approves, the signer
// signs and publishes; then a correction goes the same way and the public page shows it. Four-eyes, the deadline
// board of liubei-office and the report's history are checked on the way. The 2020 report is this file's own.
import type { Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { fillContact, GANGCHENG, openNewReport } from "./editor-helpers";
import { expect, expectNoAxeViolations, signIn, test } from "./fixtures";

const YEAR = 2020;
const CELL = "行政规范性文件 现行有效件数";
const CELL_PLACE = "表二“行政规范性文件”行“现行有效件数”列";
const REPORT_TITLE = `${GANGCHENG} ${YEAR}年度报告`;
const DUAL = `e2e-dual-${Date.now().toString(36)}`;

let editorPath = "";
const reviewPath = () => `${editorPath}/review`;

test.describe.configure({ mode: "serial", timeout: 90_000 });

test.beforeEach(async ({ page }) => {
  // The application has no icon; the browser's request for one must not count as a console error.
  await page.route("**/favicon.ico", (route) => route.fulfill({ status: 204 }));
});

async function signInAs(page: Page, username: string, password?: string) {
  await signIn(page, username, password);
  await expect(page.getByRole("heading", { name: "我的年报" })).toBeVisible();
}

const bar = (page: Page) => page.locator("section.workflow-bar");

/** Opens an action of the workflow bar, fills its texts and confirms; waits for the new status. */
async function act(page: Page, action: string, status: string, texts: Record<string, string> = {}) {
  await bar(page).getByRole("button", { name: action, exact: true }).click();
  for (const [label, value] of Object.entries(texts)) await bar(page).getByLabel(label).fill(value);
  await bar(page)
    .getByRole("button", { name: `确认${action}`, exact: true })
    .click();
  // A refusal shows as an alert in the bar: fail with its message rather than a timeout.
  const outcome = async () => {
    const alert = bar(page).getByRole("alert");
    return (await alert.count()) > 0
      ? await alert.innerText()
      : await bar(page).getByRole("heading", { level: 2 }).innerText();
  };
  await expect.poll(outcome).toBe(`状态：${status}`);
}

/** Makes the edits and saves them: waits until a version newer than the one before the edits is stored. */
async function editAndSave(page: Page, edit: () => Promise<void>) {
  const status = page.locator(".save-bar__status");
  const savedVersion = async () => Number(/^已保存（第(\d+)版/.exec(await status.innerText())?.[1] ?? 0);
  await expect.poll(savedVersion).toBeGreaterThan(0);
  const before = await savedVersion();
  await edit();
  await page.keyboard.press("Control+s");
  await expect.poll(savedVersion).toBeGreaterThan(before);
}

const setCell = (page: Page, value: string) =>
  editAndSave(page, () => page.getByRole("textbox", { name: CELL, exact: true }).fill(value));

test("the editor imports the report, corrects the years and submits it", async ({ page }) => {
  await signInAs(page, "gangcheng-editor");
  await openNewReport(page, YEAR);
  await page.getByLabel("选择文件").setInputFiles({
    name: "gangcheng-2024.txt",
    mimeType: "text/plain",
    buffer: readFileSync("prisma/seed-data/gangcheng-2024.txt"),
  });
  await page.getByRole("button", { name: `确认导入并新建${YEAR}年度报告` }).click();
  await page.waitForURL(/\/workspace\/reports\/(?!new)[^/]+$/);
  editorPath = new URL(page.url()).pathname;
  // The imported text speaks of 2024 (DOC-YEAR warnings): the editor brings every paragraph to the report's year.
  await editAndSave(page, async () => {
    const ids = await page
      .locator("textarea")
      .evaluateAll((all) =>
        (all as HTMLTextAreaElement[]).filter((t) => t.value.includes("2024")).map((t) => t.id),
      );
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      const field = page.locator(`[id="${id}"]`);
      await field.fill((await field.inputValue()).replaceAll("2024", String(YEAR)));
    }
    // The seed's web copy prints no title and no contact (DOC-TITLE, DOC-CONTACT at submission): the editor adds them.
    await page.getByRole("button", { name: "使用标准标题" }).click();
    await expect(page.getByLabel("标题", { exact: true })).toHaveValue(
      `${GANGCHENG}${YEAR}年政府信息公开工作年度报告`,
    );
    await fillContact(page);
  });
  await act(page, "提交审核", "待审核（审核）");
});

test("the reviewer finds it in the to-do list and returns it with a remark on a cell", async ({ page }) => {
  await signInAs(page, "gangcheng-reviewer");
  await page.getByRole("link", { name: "待办事项" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "待办事项" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: `审核：${REPORT_TITLE}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${REPORT_TITLE} · 审核`);
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: new RegExp(`对${CELL_PLACE}提意见`) }).click();
  await expect(page.getByLabel("意见针对")).toHaveValue("cell:t2:normativeDocs:inForce");
  await page.getByLabel("意见内容").fill("现行有效的行政规范性文件应为3件，请核对。");
  await page.getByRole("button", { name: "添加意见" }).click();
  await expect(page.getByRole("heading", { level: 3, name: CELL_PLACE })).toBeVisible();
  await act(page, "退回修改", "退回修改", { 修改意见: "请按意见修改表二后重新提交。" });
});

test("the editor answers the remark, fixes the cell and resubmits", async ({ page }) => {
  await signInAs(page, "gangcheng-editor");
  await page.getByRole("link", { name: "待办事项" }).click();
  await page.getByRole("link", { name: `修改后重新提交：${REPORT_TITLE}` }).click();
  const thread = page.getByRole("article", { name: CELL_PLACE });
  await expect(thread).toBeVisible();
  await expectNoAxeViolations(page);
  await thread.getByText("回复", { exact: true }).click();
  await thread.getByLabel("回复内容").fill("已改为3件。");
  await thread.getByRole("button", { name: "发送回复" }).click();
  await expect(thread.getByText("已改为3件。", { exact: true })).toBeVisible();
  await page.getByRole("link", { name: "打开编辑页" }).click();
  await setCell(page, "3");
  await act(page, "提交审核", "待审核（审核）");
});

test("the reviewer sees the change against the previous submission, resolves the remark and approves", async ({
  page,
}) => {
  await signInAs(page, "gangcheng-reviewer");
  await page.goto(reviewPath());
  await page.getByRole("link", { name: "与上次提交比较" }).click();
  await expect(page.getByRole("heading", { name: "表二：1 个单元格不同" })).toBeVisible();
  await expect(page.locator(".official-table__value.is-changed")).toHaveText("原为0 现为3");
  await expectNoAxeViolations(page);
  await page.getByRole("article", { name: CELL_PLACE }).getByRole("button", { name: "标记为已解决" }).click();
  await expect(page.getByRole("heading", { name: "审核意见（1 条未解决）" })).toBeVisible();
  await act(page, "审核通过", "待审核（签发）", { 审核意见: "数据已核对。" });
});

test("the signer signs and publishes, and the edition is public", async ({ page }) => {
  await signInAs(page, "gangcheng-signer");
  await page.getByRole("link", { name: "待办事项" }).click();
  await page.getByRole("link", { name: `签发：${REPORT_TITLE}` }).click();
  await act(page, "签发", "已批准");
  await act(page, "发布", "已发布");
  await page.goto(`/reports/gangcheng/${YEAR}`);
  await expect(page.getByText("第1版")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("an administrator makes a 填报员 of 钢城街道 also its 审核人", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/workspace/admin/users/new");
  await page.getByLabel("用户名").fill(DUAL);
  await page.getByLabel("姓名").fill("兼任审核的填报员");
  await selectOption(page, "所属机构", "钢城街道");
  await selectOption(page, "角色", "填报员");
  await page.getByLabel("初始密码", { exact: false }).last().fill("e2e initial secret");
  await page.getByRole("button", { name: "创建用户" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`兼任审核的填报员（${DUAL}）`);
  await selectOption(page, "机构（必填）", "钢城街道", true);
  await selectOption(page, "角色（必填）", "审核人", true);
  await page.getByRole("button", { name: "分配角色" }).click();
  await expect(
    page.getByRole("form", { name: "移除「柳北区人民政府钢城街道办事处」的审核人角色" }),
  ).toBeVisible();
});

async function selectOption(page: Page, label: string, text: string, exact = false) {
  const select = page.getByLabel(label, { exact });
  const value = await select.locator("option", { hasText: text }).first().getAttribute("value");
  await select.selectOption(value!);
}

test("a reviewer cannot approve a correction they made and submitted themselves", async ({ page }) => {
  await signInAs(page, DUAL, "e2e initial secret");
  await page.goto(editorPath);
  await act(page, "开启更正", "草稿");
  await setCell(page, "5");
  await act(page, "提交审核", "待审核（审核）");
  await page.goto(reviewPath());
  await expect(bar(page).getByRole("note")).toContainText("四眼原则");
  await expect(bar(page).getByRole("button", { name: "审核通过", exact: true })).toHaveCount(0);
});

test("the correction is approved, signed and published with its 更正说明, and the public page shows what changed", async ({
  page,
}) => {
  await signInAs(page, "gangcheng-reviewer");
  await page.goto(reviewPath());
  await page.getByRole("link", { name: "与已发布版本比较" }).click();
  await expect(page.locator(".official-table__value.is-changed")).toHaveText("原为3 现为5");
  await act(page, "审核通过", "待审核（签发）");
  await signInAs(page, "gangcheng-signer");
  await page.goto(reviewPath());
  await act(page, "签发", "已批准");
  await act(page, "发布", "已发布", { 更正说明: "更正表二行政规范性文件现行有效件数。" });

  await page.goto(`/reports/gangcheng/${YEAR}`);
  await expect(
    page.getByRole("heading", { name: /^本报告已于\d{4}年\d{1,2}月\d{1,2}日更正$/ }),
  ).toBeVisible();
  await expect(page.getByText("更正说明：更正表二行政规范性文件现行有效件数。")).toBeVisible();
  await expect(page.getByText(`${CELL_PLACE}：由3改为5`)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "查看更正前的版本" }).click();
  await expect(page.getByRole("heading", { name: /这是第1版/ })).toBeVisible();
  await expect(page.getByRole("cell", { name: "3", exact: true }).first()).toBeVisible();
});

test("the history tab shows each step with the right actor, and exports CSV", async ({ page }) => {
  await signInAs(page, "gangcheng-signer");
  await page.goto(reviewPath());
  await page.getByRole("link", { name: "历史记录" }).click();
  // Axe reads the history page, not the review page still shown while it loads.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/· 历史记录$/);
  await expectNoAxeViolations(page);
  const rows = page.getByRole("row");
  const step = (actor: string, action: string) =>
    rows
      .filter({ hasText: actor })
      .filter({ has: page.getByRole("rowheader", { name: action, exact: true }) });
  await expect(step("gangcheng-editor", "提交审核")).toHaveCount(2);
  await expect(step("gangcheng-reviewer", "提出意见")).toHaveCount(1);
  await expect(step("gangcheng-reviewer", "退回修改")).toHaveCount(1);
  await expect(step("gangcheng-editor", "回复意见")).toHaveCount(1);
  await expect(step("gangcheng-reviewer", "审批通过")).toHaveCount(2);
  await expect(step("gangcheng-signer", "审批通过")).toHaveCount(2);
  await expect(step("gangcheng-signer", "发布")).toHaveCount(2);
  await expect(step(DUAL, "开启更正")).toHaveCount(1);
  await expect(step(DUAL, "提交审核")).toHaveCount(1);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "导出 CSV" }).click();
  expect((await download).suggestedFilename()).toMatch(/^report-history-2020-.+\.csv$/);
});

test("liubei-office's deadline board shows the three 街道 with their statuses", async ({ page }) => {
  await signInAs(page, "liubei-office");
  await page.getByRole("link", { name: "公开期限看板" }).click();
  await page.getByLabel("报告年度").fill(String(YEAR));
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`${YEAR}年度`);
  const statusOf = (name: string) =>
    page.getByRole("row", { name: new RegExp(name) }).locator(".board-status");
  await expect(statusOf("钢城街道")).toHaveText("已发布");
  await expect(statusOf("锦绣街道")).toHaveText("逾期");
  await expect(statusOf("白露街道")).toHaveText("逾期");
  await expectNoAxeViolations(page);
  await page.getByLabel("状态", { exact: true }).selectOption({ label: "逾期" });
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page.getByRole("row", { name: /钢城街道/ })).toHaveCount(0);
  await expect(page.getByRole("row", { name: /锦绣街道/ })).toHaveCount(1);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "导出 CSV" }).click();
  expect((await download).suggestedFilename()).toBe(`deadline-board-${YEAR}.csv`);
});
