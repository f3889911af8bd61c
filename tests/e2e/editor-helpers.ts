// Shared steps of the editor journeys: open 「新建年度报告」 for 钢城街道 and a year, create a report the given way.
import { expect, type Page } from "@playwright/test";
import { signIn } from "./fixtures";

export const GANGCHENG = "柳北区人民政府钢城街道办事处";

/** Signs in as the demo 填报员 of 钢城街道 and waits for My reports. */
export async function signInEditor(page: Page) {
  await signIn(page, "gangcheng-editor");
  await expect(page.getByRole("heading", { level: 1, name: "我的年报" })).toBeVisible();
}

/** From My reports to the 「新建年度报告」 page of a body (钢城街道 by default) for `year`. */
export async function openNewReport(page: Page, year: number, body = GANGCHENG) {
  await page.goto("/workspace");
  const section = page.getByRole("region", { name: body });
  const href = await section.getByRole("link", { name: "新建年度报告", exact: true }).getAttribute("href");
  expect(href).toMatch(/org=/);
  await page.goto(href!.replace(/year=\d+/, `year=${year}`));
  await expect(page.getByRole("heading", { level: 1, name: `新建${body}${year}年度报告` })).toBeVisible();
}

export async function createFromTemplate(page: Page, year: number) {
  await openNewReport(page, year);
  await page.getByRole("button", { name: "使用空白模板新建" }).click();
  await page.waitForURL(/\/workspace\/reports\/(?!new)[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name: `${GANGCHENG}${year}年度报告` })).toBeVisible();
}

/** Pastes text at the focused element the way the browser does for a Ctrl+V from Excel. */
export async function pasteText(page: Page, label: string, text: string) {
  const input = page.getByRole("textbox", { name: label, exact: true });
  await input.focus();
  await input.evaluate((el, data) => {
    const transfer = new DataTransfer();
    transfer.setData("text/plain", data);
    el.dispatchEvent(
      new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }),
    );
  }, text);
}

/** Ctrl+S saves at once (a no-op when everything is saved); then the status line says which version is stored. */
export async function saveAndWait(page: Page) {
  await page.keyboard.press("Control+s");
  await expect(page.locator(".save-bar__status")).toHaveText(/^已保存（第\d+版/);
}

/** Keys pressed in turn: names such as ArrowRight and Enter are pressed, anything else is typed. */
export async function keys(page: Page, sequence: readonly string[]) {
  for (const key of sequence) {
    if (/^(Arrow|Enter|Tab|Escape|F2)/.test(key)) await page.keyboard.press(key);
    else await page.keyboard.type(key);
  }
}

export const CONTACT = {
  联系机构: "钢城街道党政办公室",
  地址: "柳州市柳北区钢城路1号",
  电话: "0772-2512345",
  邮编: "545001",
};

/** Fills the contact of the metadata form and regenerates the preamble, which then prints it. */
export async function fillContact(page: Page) {
  const form = page.getByRole("form", { name: "基本信息" });
  for (const [label, value] of Object.entries(CONTACT))
    await form.getByLabel(label, { exact: true }).fill(value);
  await page.getByRole("button", { name: "按标准格式重新生成导语" }).click();
  await expect(page.getByLabel("导语", { exact: true })).toHaveValue(new RegExp(CONTACT.电话));
}

/** Confirms, one by one, every sentence still last year's (「核实无误，保留」). */
export async function confirmCarried(page: Page) {
  const confirm = page.getByRole("button", { name: "核实无误，保留" });
  while ((await confirm.count()) > 0) {
    const before = await confirm.count();
    await confirm.first().click();
    // A sentence carrying figures is also confirmable from the findings panel: both buttons go.
    await expect.poll(() => confirm.count()).toBeLessThan(before);
  }
}
