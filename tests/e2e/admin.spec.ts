import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { DEMO_PASSWORD, expect, expectNoAxeViolations, signIn as submitSignIn, test } from "./fixtures";

// Administrator journeys on the demo tree (柳州市 → 柳北区 → 钢城/锦绣/白露街道 …). Every test makes its own
// accounts and organisations with a unique suffix, so the tests do not depend on one another.

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
const PASSWORD = "e2e initial secret";

async function selectByText(page: Page, label: string, text: string) {
  const select = page.getByLabel(label, { exact: false });
  const value = await select.locator("option", { hasText: text }).first().getAttribute("value");
  await select.selectOption(value!);
}

async function createUser(page: Page, user: { username: string; name: string; org: string; role: string }) {
  await page.goto("/workspace/admin/users/new");
  await page.getByLabel("用户名").fill(user.username);
  await page.getByLabel("姓名").fill(user.name);
  await selectByText(page, "所属机构", user.org);
  await selectByText(page, "角色", user.role);
  await page.getByLabel("初始密码", { exact: false }).last().fill(PASSWORD);
  await page.getByRole("button", { name: "创建用户" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${user.name}（${user.username}）`);
}

async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await submitSignIn(page, username, password);
  await expect(page.getByRole("heading", { name: "我的年报" })).toBeVisible();
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login\?signedOut=1/);
}

/** The id in the address of an organisation's admin page, found through the tree as the administrator. */
async function orgPageOf(page: Page, name: string): Promise<string> {
  await page.goto("/workspace/admin/orgs");
  await page.getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  return new URL(page.url()).pathname;
}

/** A refused page is the 404 page; the browser logs the document's 404, which is expected here. */
async function expectNotFound(page: Page, consoleErrors: string[], path: string) {
  const response = await page.goto(path);
  expect(response?.status()).toBe(404);
  const logged = consoleErrors.findIndex((e) => /status of 404/.test(e));
  if (logged >= 0) consoleErrors.splice(logged, 1);
}

// Each journey signs several people in (argon2 is slow on purpose) and creates its own data.
test.describe.configure({ timeout: 60_000 });

test.beforeEach(async ({ page }) => {
  // The application has no icon yet; the browser's request for one must not count as a console error.
  await page.route("**/favicon.ico", (route) => route.fulfill({ status: 204 }));
});

test("an administrator creates a user with a role, who signs in and sees only their own body", async ({
  page,
}) => {
  const username = `e2e-editor-${unique()}`;
  await signIn(page, "admin");
  await page.getByRole("link", { name: "用户管理" }).click();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "新建用户" }).click();
  await expectNoAxeViolations(page);
  await createUser(page, { username, name: "锦绣填报员", org: "锦绣街道", role: "填报员" });
  await expect(page.getByRole("cell", { name: "柳北区人民政府锦绣街道办事处" })).toBeVisible();
  await expectNoAxeViolations(page);
  await signOut(page);

  await signIn(page, username, PASSWORD);
  await expect(page.getByRole("heading", { name: "柳北区人民政府锦绣街道办事处" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "柳北区人民政府钢城街道办事处" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "机构管理" })).toHaveCount(0);
});

test("a 填报员 gets the 404 page for admin pages and for another body's report address", async ({
  page,
  consoleErrors,
}) => {
  const jinxiuEditor = `e2e-jxeditor-${unique()}`;
  await signIn(page, "admin");
  const jinxiu = await orgPageOf(page, "柳北区人民政府锦绣街道办事处");
  await createUser(page, { username: jinxiuEditor, name: "锦绣填报员", org: "锦绣街道", role: "填报员" });
  await signOut(page);

  await signIn(page, "gangcheng-editor");
  const report = await page.locator('a[href^="/workspace/reports/c"]').first().getAttribute("href");
  expect(report).toMatch(/^\/workspace\/reports\/c\w+$/);
  for (const path of [
    jinxiu,
    "/workspace/admin/orgs/new",
    "/workspace/admin/users",
    "/workspace/admin/audit",
  ]) {
    await expectNotFound(page, consoleErrors, path);
  }
  expect((await page.request.get("/workspace/admin/audit/export")).status()).toBe(404);
  await page.goto("/workspace");
  await signOut(page);

  // A 填报员 of 锦绣街道 typing the address of 钢城街道's report gets the 404 page, not the report.
  await signIn(page, jinxiuEditor, PASSWORD);
  await expectNotFound(page, consoleErrors, report!);
  await expect(page.getByText("钢城街道")).toHaveCount(0);
});

test("the administrator of one body gets the 404 page for a sibling body's admin page", async ({
  page,
  consoleErrors,
}) => {
  const subAdmin = `e2e-gcadmin-${unique()}`;
  await signIn(page, "admin");
  const jinxiu = await orgPageOf(page, "柳北区人民政府锦绣街道办事处");
  const gangcheng = await orgPageOf(page, "柳北区人民政府钢城街道办事处");
  await createUser(page, { username: subAdmin, name: "钢城管理员", org: "钢城街道", role: "管理员" });
  await signOut(page);

  await signIn(page, subAdmin, PASSWORD);
  await expectNotFound(page, consoleErrors, jinxiu);
  await expect(page.getByText("锦绣街道")).toHaveCount(0);
  await page.goto(gangcheng);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("柳北区人民政府钢城街道办事处");
  await expect(page.getByText("只能由上级机构的管理员移动")).toBeVisible();
  await page.goto("/workspace/admin/users");
  await expect(page.getByRole("link", { name: "gangcheng-editor" })).toBeVisible();
  await expect(page.getByRole("link", { name: "admin", exact: true })).toHaveCount(0);
});

test("an administrator creates, edits and moves an organisation, and finds it in the audit log", async ({
  page,
}) => {
  const tag = unique();
  const name = `柳北区测试开发区管理委员会${tag}`;
  await signIn(page, "admin");
  await page.goto("/workspace/admin/orgs");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "新建机构" }).click();

  await page.getByRole("button", { name: "创建机构" }).click();
  await expect(page.getByText("填写内容有误，请检查标出的项目。")).toBeVisible();
  await expect(page.getByLabel("上级机构")).toBeFocused();
  await expect(page.getByText("请选择上级机构")).toBeVisible();
  await expectNoAxeViolations(page);

  await selectByText(page, "上级机构", "柳州市柳北区人民政府");
  await page.getByLabel("机构类型").selectOption({ label: "区县" });
  await expect(page.getByLabel("月", { exact: true })).toHaveValue("3");
  await page.getByLabel("机构类型").selectOption({ label: "开发区" });
  await expect(page.getByLabel("月", { exact: true })).toHaveValue("1");
  await page.getByLabel("机构全称").fill(name);
  await page.getByLabel("简称").fill("测试开发区");
  await page.getByLabel("网址标识").fill(`e2e-zone-${tag}`);
  await page.getByLabel("签发人签发").check();
  await page.getByRole("button", { name: "创建机构" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByText("机构已创建。")).toBeVisible();
  await expect(page.getByLabel("签发人签发")).toBeChecked();
  await expectNoAxeViolations(page);

  await page.getByLabel("联系机构").fill("测试开发区党政办公室");
  await page.getByLabel("邮政编码").fill("545000");
  await page.getByRole("button", { name: "保存修改" }).click();
  await expect(page.getByText("已保存。")).toBeVisible();

  await selectByText(page, "新的上级机构", "柳州市人民政府");
  await page.getByRole("button", { name: "移动" }).click();
  await expect(page.getByText("已移动。")).toBeVisible();
  await expect(page.getByText("上级机构：柳州市人民政府")).toBeVisible();

  await page.getByRole("link", { name: "审计日志", exact: true }).last().click();
  await expect(page.getByRole("heading", { name: "审计日志" })).toBeVisible();
  for (const action of ["新建机构", "修改机构", "移动机构"]) {
    await expect(page.getByRole("row", { name: new RegExp(action) }).first()).toBeVisible();
  }
  await expectNoAxeViolations(page);
});

test("the audit log filters by action and exports the same rows as CSV", async ({ page }) => {
  const username = `e2e-audited-${unique()}`;
  await signIn(page, "admin");
  await createUser(page, { username, name: "审计对象", org: "白露街道", role: "审核人" });
  await page.getByRole("link", { name: "审计日志" }).first().click();
  await page.getByLabel("操作", { exact: true }).selectOption({ label: "新建用户" });
  await page.getByLabel("操作人用户名").fill("admin");
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/action=user\.create/);
  await expect(page.getByRole("row", { name: new RegExp(username) })).toBeVisible();
  await expect(
    page.getByRole("cell", { name: /^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/ }).first(),
  ).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "导出 CSV" }).click(),
  ]);
  const csv = await readFile((await download.path())!, "utf8");
  expect(csv.startsWith("\uFEFF时间,操作人,操作,机构,对象,对象类型,对象编号,摘要,IP")).toBe(true);
  expect(csv).toContain(username);
  expect(csv).not.toContain("登录成功");
});

test("a reset link lets a user set a new password once; deactivation ends their session at once", async ({
  page,
  browser,
}) => {
  const username = `e2e-reset-${unique()}`;
  await signIn(page, "admin");
  await createUser(page, { username, name: "忘记密码的人", org: "钢城街道", role: "填报员" });
  const userPage = page.url();
  await page.getByRole("button", { name: "签发重置链接" }).click();
  const link = await page.getByLabel(`${username} 的密码重置链接`, { exact: false }).inputValue();
  await expectNoAxeViolations(page);

  const context = await browser.newContext();
  const other = await context.newPage();
  await other.route("**/favicon.ico", (route) => route.fulfill({ status: 204 }));
  await other.goto(link);
  await expectNoAxeViolations(other);
  await other.getByLabel("新密码", { exact: true }).fill("a fresh password");
  await other.getByLabel("再次输入新密码").fill("a fresh password");
  await other.getByRole("button", { name: "设置新密码" }).click();
  await expect(other.getByRole("heading", { name: "密码已重置" })).toBeVisible();
  await other.goto(link);
  await expect(other.getByText(/重置链接无效或已过期/)).toBeVisible();
  await signIn(other, username, "a fresh password");

  await page.goto(userPage);
  await page.getByRole("button", { name: "停用账号" }).click();
  await expect(page.getByRole("button", { name: "启用账号" })).toBeVisible();
  await other.goto("/workspace");
  await expect(other).toHaveURL(/\/login/);
  await context.close();
});

test("every user changes their password on the account page and can sign out everywhere", async ({
  page,
}) => {
  const username = `e2e-account-${unique()}`;
  await signIn(page, "admin");
  await createUser(page, { username, name: "账号用户", org: "钢城街道", role: "签发人" });
  await signOut(page);

  await signIn(page, username, PASSWORD);
  await page.getByRole("link", { name: "我的账号" }).click();
  await expectNoAxeViolations(page);
  await page.getByLabel("当前密码").fill("not my password");
  await page.getByLabel(/^新密码/).fill("my chosen password");
  await page.getByLabel("再次输入新密码").fill("my chosen password");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByText("当前密码不正确。").last()).toBeVisible();
  await expect(page.getByLabel("当前密码")).toBeFocused();

  await page.getByLabel("当前密码").fill(PASSWORD);
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByText(/密码已修改/)).toBeVisible();

  await page.getByRole("button", { name: "退出全部设备" }).click();
  await expect(page).toHaveURL(/\/login\?signedOut=1/);
  await signIn(page, username, "my chosen password");
});
