import { readFileSync } from "node:fs";
import { listCells } from "@/lib/domain/cells";
import { importText } from "@/lib/domain/import/text";
import { expect, expectNoAxeViolations, signIn, test } from "./fixtures";
import { GANGCHENG, openNewReport, signInEditor } from "./editor-helpers";

const ORG_COLUMNS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"];

const JINXIU = "柳北区人民政府锦绣街道办事处";

test("jinxiu-editor sees only 锦绣街道 and creates 2026 from the published 2025 report, 二、上年结转 prefilled", async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const last = (await (await request.get("/api/v1/reports/jinxiu/2025")).json()).report;
  const forward = last.tables.t3.carriedForward;
  expect(forward.total).toBeGreaterThanOrEqual(0);

  await signIn(page, "jinxiu-editor");
  await expect(page.getByRole("heading", { name: "我的年报" })).toBeVisible();
  await expect(page.getByRole("region", { name: JINXIU })).toBeVisible();
  await expect(page.getByRole("region", { name: GANGCHENG })).toHaveCount(0);
  await expectNoAxeViolations(page);

  await openNewReport(page, 2026, JINXIU);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "以2025年度报告为基础新建" }).click();
  await page.waitForURL(/\/workspace\/reports\/(?!new)[^/]+$/);

  for (const [i, col] of ORG_COLUMNS.entries()) {
    const label =
      col === "自然人"
        ? `二、上年结转政府信息公开申请数量 ${col}`
        : `二、上年结转政府信息公开申请数量 法人或其他组织 ${col}`;
    const key = ["natural", "commercial", "research", "publicWelfare", "legalService", "otherOrg"][i]!;
    await expect(page.getByRole("textbox", { name: label, exact: true })).toHaveValue(String(forward[key]));
  }
  await expect(
    page.getByRole("textbox", { name: "二、上年结转政府信息公开申请数量 总计", exact: true }),
  ).toHaveValue(String(forward.total));
  await expect(
    page.getByRole("textbox", { name: "一、本年新收政府信息公开申请数量 自然人", exact: true }),
  ).toHaveValue("");
  await expect(page.getByText(/^沿用上年表述，请核实（\d+句）/).first()).toBeVisible();
  await expect(page.getByLabel("（一）主动公开")).toHaveValue(/^2026年[,，]锦绣街道/);
  await expect(
    page.getByRole("textbox", { name: "行政规范性文件 现行有效件数", exact: true }),
  ).toHaveAccessibleDescription(new RegExp(`上年：${last.tables.t2.normativeDocs.inForce}`));
  await expectNoAxeViolations(page);

  await page.goto("/workspace");
  await expect(page.getByRole("link", { name: "编辑2026年度报告" })).toBeVisible();
});

test("importing the seed text shows what was read, then creates a report equal to the seeded one", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signInEditor(page);
  await openNewReport(page, 2014);
  await page.getByLabel("选择文件").setInputFiles({
    name: "gangcheng-2024.txt",
    mimeType: "text/plain",
    buffer: readFileSync("prisma/seed-data/gangcheng-2024.txt"),
  });
  await expect(page.getByRole("heading", { name: "导入确认：gangcheng-2024.txt" })).toBeVisible();
  await expect(page.getByText("未能识别的文字（0处）")).toBeVisible();
  await expect(page.getByText("表三：已读取144/144个单元格")).toBeVisible();
  await expect(page.getByText(/2024年（将按所选的2014年度创建，请核对）/)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "确认导入并新建2014年度报告" }).click();
  await page.waitForURL(/\/workspace\/reports\/(?!new)[^/]+$/);

  await page.getByRole("button", { name: "预览" }).click();
  await page.waitForURL(/\/preview$/);
  const imported = await page.locator("article.report-document").innerText();
  await page.goto("/reports/gangcheng/2024");
  const seeded = await page.locator("article.report-document").innerText();
  expect(imported).toBe(seeded);
});

test("importing a PDF reads it on the server and shows the same confirmation; a scan is refused", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInEditor(page);
  await openNewReport(page, 2020);
  await page.getByLabel("选择文件").setInputFiles({
    name: "扫描件.pdf",
    mimeType: "application/pdf",
    buffer: readFileSync("tests/fixtures/reports/jiangbei-office-2021-scan.pdf"),
  });
  await expect(page.locator(".import-panel").getByRole("alert")).toHaveText(
    "此PDF没有文字层（扫描件），无法检查。",
  );

  await page.getByLabel("选择文件").setInputFiles({
    name: "jiangbei-office-2021.pdf",
    mimeType: "application/pdf",
    buffer: readFileSync("tests/fixtures/reports/jiangbei-office-2021.pdf"),
  });
  await expect(page.getByRole("heading", { name: "导入确认：jiangbei-office-2021.pdf" })).toBeVisible({
    timeout: 60_000,
  });
  // Every cell the source has a value in is read; its blank cells stay blank.
  const source = importText(readFileSync("tests/fixtures/reports/jiangbei-office-2021-tabs.txt", "utf8"));
  const t3 = listCells(source.report.tables).filter((c) => c.table === "t3" && !c.computed);
  const filled = t3.filter((c) => c.value !== null).length;
  await expect(page.getByText(`表三：已读取${filled}/${t3.length}个单元格`)).toBeVisible();
  await expect(page.getByText("未能识别的文字（0处）")).toBeVisible();
  await expect(page.getByRole("button", { name: "确认导入并新建2020年度报告" })).toBeEnabled();
  await expectNoAxeViolations(page);
});
