import { T3_ROWS } from "@/lib/domain/format";
import { expect, expectNoAxeViolations, test } from "./fixtures";
import { createFromTemplate, keys, pasteText, saveAndWait, signInEditor } from "./editor-helpers";

const N = "一、本年新收政府信息公开申请数量";
const label = (row: string, col: string) =>
  col === "自然人" || col === "总计" ? `${row} ${col}` : `${row} 法人或其他组织 ${col}`;

/** Table 三 as copied from Excel: 25 rows × 7 columns, totals included. 3 new = 2 disclosed + 1 carried forward. */
function table3Block(): string {
  const natural: Record<string, number> = { newReceived: 3, disclosed: 2, resultTotal: 2, carriedForward: 1 };
  return (
    T3_ROWS.map((row) => {
      const n = natural[row.key] ?? 0;
      return [n, 0, 0, 0, 0, 0, n].join("\t");
    }).join("\r\n") + "\r\n"
  );
}

test("an editor fills the three tables by keyboard and by pasting, sees a balance error come and go, saves and reloads intact", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInEditor(page);
  await createFromTemplate(page, 2012);

  // Table 二 by keyboard: arrows across a row, Enter down the column.
  await page.getByRole("textbox", { name: "规章 本年制发件数", exact: true }).click();
  await keys(page, [
    "0",
    "ArrowRight",
    "0",
    "ArrowRight",
    "0",
    "Enter",
    "12",
    "ArrowLeft",
    "1",
    "ArrowLeft",
    "3",
    "ArrowRight",
    "ArrowRight",
    "Enter",
    "5",
    "Enter",
    "2",
    "Enter",
    "0",
    "Enter",
    "0.5",
  ]);
  await expect(page.getByRole("textbox", { name: "行政规范性文件 本年制发件数", exact: true })).toHaveValue(
    "3",
  );
  await expect(page.getByRole("textbox", { name: "行政规范性文件 现行有效件数", exact: true })).toHaveValue(
    "12",
  );
  await expect(page.getByRole("textbox", { name: "行政许可 本年处理决定数量", exact: true })).toHaveValue(
    "5",
  );
  await expect(
    page.getByRole("textbox", { name: "行政事业性收费 本年收费金额（单位：万元）", exact: true }),
  ).toHaveValue("0.5");

  // Numbers only: a letter is refused with a message, nothing stored.
  await page.getByRole("textbox", { name: "行政处罚 本年处理决定数量", exact: true }).click();
  await page.keyboard.type("a");
  await expect(page.getByText(/行政处罚 本年处理决定数量：“a”不是数字/)).toBeVisible();
  await expect(page.getByRole("textbox", { name: "行政处罚 本年处理决定数量", exact: true })).toHaveValue(
    "2",
  );

  // Table 三 by pasting a block copied from Excel, previewed first.
  await pasteText(page, label(N, "自然人"), table3Block());
  const dialog = page.getByRole("dialog", { name: "粘贴预览" });
  await expect(dialog).toContainText("将修改 144 个单元格");
  await dialog.getByRole("button", { name: "应用 144 处修改" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("textbox", { name: label(N, "总计"), exact: true })).toHaveValue("3");
  await expect(page.getByRole("textbox", { name: "（七）总计 自然人", exact: true })).toHaveValue("2");

  // A balance error appears and disappears with the figures.
  const panel = page.getByRole("region", { name: "检查结果" });
  await page.getByRole("textbox", { name: label(N, "自然人"), exact: true }).fill("4");
  await expect(
    panel.getByText("表三“自然人”列：第一项加第二项之和（4）应等于第三项加第四项之和（3）"),
  ).toBeVisible();
  await panel.getByRole("button", { name: "定位到单元格" }).first().click();
  await expect(page.getByRole("textbox", { name: label(N, "自然人"), exact: true })).toBeFocused();
  await page.getByRole("textbox", { name: label("四、结转下年度继续办理", "自然人"), exact: true }).fill("2");
  await expect(panel.getByText(/第一项加第二项之和/)).toHaveCount(0);

  // Table 四 by keyboard; the computed 总计 is read-only and skipped over with the arrows.
  await page.getByRole("textbox", { name: "行政复议 结果维持", exact: true }).click();
  const group = (first: string) => [
    first,
    "ArrowRight",
    "0",
    "ArrowRight",
    "0",
    "ArrowRight",
    "0",
    "ArrowRight",
    "ArrowRight",
  ];
  await keys(page, [...group("1"), ...group("0"), ...group("0")]);
  await expect(page.getByRole("textbox", { name: "行政复议 总计", exact: true })).toHaveValue("1");
  await expect(page.getByRole("textbox", { name: "行政复议 总计", exact: true })).toHaveAttribute(
    "readonly",
    "",
  );
  await expect(page.getByRole("textbox", { name: "行政诉讼 复议后起诉 总计", exact: true })).toHaveValue("0");
  await expect(page.getByRole("textbox", { name: "行政诉讼 复议后起诉 尚未审结", exact: true })).toHaveValue(
    "0",
  );

  await saveAndWait(page);
  await page.reload();
  await expect(page.getByRole("textbox", { name: "行政规范性文件 现行有效件数", exact: true })).toHaveValue(
    "12",
  );
  await expect(
    page.getByRole("textbox", { name: "行政事业性收费 本年收费金额（单位：万元）", exact: true }),
  ).toHaveValue("0.5");
  await expect(page.getByRole("textbox", { name: label(N, "自然人"), exact: true })).toHaveValue("4");
  await expect(
    page.getByRole("textbox", { name: label("四、结转下年度继续办理", "自然人"), exact: true }),
  ).toHaveValue("2");
  await expect(page.getByRole("textbox", { name: "行政复议 结果维持", exact: true })).toHaveValue("1");
  await expect(page.getByRole("button", { name: "恢复这些修改" })).toHaveCount(0);
  await expectNoAxeViolations(page);
});
