import type { Page } from "@playwright/test";
import { DEMO_PASSWORD, expect, expectNoAxeViolations, signIn, test } from "./fixtures";

// The forms as react-hook-form runs them over the server action's schema: a field error shows on the field before
// anything is posted, an error only the server can find (a taken 用户名) lands on the same field after, focus goes
// to the first refused field, and the forms still work with JavaScript turned off.

test.beforeEach(async ({ page }) => {
  // The application has no icon yet; the browser's request for one must not count as a console error.
  await page.route("**/favicon.ico", (route) => route.fulfill({ status: 204 }));
});

/** Counts the form posts (server actions are POSTs to the page's own address). */
function countPosts(page: Page) {
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.url());
  });
  return posts;
}

async function signInAsAdmin(page: Page) {
  await signIn(page, "admin");
  await expect(page.getByRole("heading", { name: "我的年报" })).toBeVisible();
}

test("a field error shows on the field before anything is posted, and focus goes to the first one", async ({
  page,
}) => {
  await signInAsAdmin(page);
  await page.goto("/workspace/admin/users/new");
  const posts = countPosts(page);
  const username = page.getByLabel("用户名");

  await username.fill("9zhang");
  await page.getByLabel("姓名").fill("张伟");
  await page.getByLabel("初始密码", { exact: false }).last().fill("short");
  await page.getByRole("button", { name: "创建用户" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("填写内容有误，请检查标出的项目。");
  await expect(username).toBeFocused();
  await expect(username).toHaveAttribute("aria-invalid", "true");
  await expect(username).toHaveAccessibleDescription(
    /以字母开头，只能使用小写字母、数字、点、下划线和连字符$/,
  );
  await expect(page.getByLabel("所属机构")).toHaveAccessibleDescription("请选择机构");
  await expect(page.getByLabel("初始密码", { exact: false }).last()).toHaveAccessibleDescription(
    "初始密码至少 10 个字符",
  );
  await expectNoAxeViolations(page);
  expect(posts).toEqual([]);

  await username.fill("zhang.wei");
  await expect(username).not.toHaveAttribute("aria-invalid", "true");
});

test("an error only the server can find lands on the same field after posting", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/workspace/admin/users/new");
  const posts = countPosts(page);
  const username = page.getByLabel("用户名");
  await username.fill("gangcheng-editor");
  await page.getByLabel("姓名").fill("重名用户");
  const org = page.getByLabel("所属机构");
  await org.selectOption(
    (await org.locator("option", { hasText: "钢城街道" }).first().getAttribute("value"))!,
  );
  await page.getByLabel("初始密码", { exact: false }).last().fill("a long enough secret");
  await page.getByRole("button", { name: "创建用户" }).click();

  await expect(username).toHaveAccessibleDescription(/该用户名已被使用/);
  await expect(username).toHaveAttribute("aria-invalid", "true");
  await expect(username).toBeFocused();
  expect(posts).toHaveLength(1);
  await expectNoAxeViolations(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("sign-in shows field errors and the server's message, keeps the input, and signs in", async ({
    page,
  }) => {
    await page.goto("/login");
    const login = page.getByLabel("用户名 / 手机号 / 邮箱");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(login).toHaveAccessibleDescription("请输入用户名、手机号或邮箱");
    await expect(login).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("密码")).toHaveAccessibleDescription("请输入密码");

    await login.fill("gangcheng-reviewer");
    await page.getByLabel("密码").fill("not the password");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("用户名或密码错误。");
    await expect(login).toHaveValue("gangcheng-reviewer");
    await expect(page.getByLabel("密码")).toHaveValue("");

    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByRole("heading", { name: "我的年报" })).toBeVisible();
  });

  test("a year's deadline is refused on its field by the server, then saved", async ({ page }) => {
    await signInAsAdmin(page);
    await page.goto("/workspace/admin/orgs");
    await page.getByRole("link", { name: "柳北区人民政府白露街道办事处", exact: true }).click();
    const year = page.getByLabel("报告年度");
    await year.fill("1999");
    await page.getByLabel("公开截止日期").fill("2026-02-28");
    await page.getByRole("button", { name: "保存截止日期" }).click();
    await expect(year).toHaveAccessibleDescription("年度有误");
    await expect(year).toHaveValue("1999");

    await year.fill("2030");
    await page.getByRole("button", { name: "保存截止日期" }).click();
    await expect(page.getByRole("row", { name: /2030年度/ })).toBeVisible();
  });
});
