import { expect, test } from "./fixtures";
import { createFromTemplate, saveAndWait, signInEditor } from "./editor-helpers";

test("two people edit the same report: the later save shows the conflict view and merges field by field", async ({
  browser,
  page,
}) => {
  test.setTimeout(90_000);
  await signInEditor(page);
  await createFromTemplate(page, 2013);
  const url = page.url();

  const other = await browser.newContext();
  const second = await other.newPage();
  await signInEditor(second);
  await second.goto(url);
  await expect(second.getByRole("textbox", { name: "规章 本年制发件数", exact: true })).toBeVisible();

  await page.getByRole("textbox", { name: "标题", exact: true }).fill("第一位编辑改过的标题");
  await saveAndWait(page);

  await second.getByRole("textbox", { name: "规章 本年制发件数", exact: true }).fill("0");
  await second.getByRole("button", { name: "保存", exact: true }).click();
  const conflict = second.getByRole("region", { name: "保存冲突：报告已被他人修改" });
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText("标题");
  await expect(
    conflict.getByRole("group", { name: /表二“规章”行“本年制发件数”列/ }).getByLabel("保留我的"),
  ).toBeChecked();
  await expect(conflict.getByRole("group", { name: /^标题/ }).getByLabel("采用最新版本")).toBeChecked();
  await conflict.getByRole("button", { name: "按所选合并并保存" }).click();
  await expect(conflict).toBeHidden();
  await saveAndWait(second);

  await page.reload();
  await expect(page.getByRole("textbox", { name: "标题", exact: true })).toHaveValue("第一位编辑改过的标题");
  await expect(page.getByRole("textbox", { name: "规章 本年制发件数", exact: true })).toHaveValue("0");
  await other.close();
});
