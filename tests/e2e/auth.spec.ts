import type { Page } from "@playwright/test";
import { DEMO_PASSWORD, expect, expectNoAxeViolations, signIn, test } from "./fixtures";

// Sign-in, sign-out and the lock-out, as a person at the browser sees them. The e2e server locks an account for
// NIANBAO_THROTTLE_LOCK_SECONDS=5 (playwright.config.ts) instead of 15 minutes.

/** The sign-in form's message (Next's route announcer is an alert too, so look inside the form). */
const formAlert = (page: Page) => page.getByRole("main").getByRole("alert");

test.beforeEach(async ({ page }) => {
  // The application has no icon yet; the browser's request for one must not count as a console error.
  await page.route("**/favicon.ico", (route) => route.fulfill({ status: 204 }));
});

test("a member of staff signs in, sees the workspace, and signs out", async ({ page }) => {
  await page.goto("/login");
  await expectNoAxeViolations(page);
  await signIn(page, "gangcheng-reviewer");
  await expect(page.getByRole("heading", { name: "我的年报" })).toBeVisible();
  await expect(page.getByText("钢城街道审核人")).toBeVisible();
  await expect(page.getByRole("link", { name: "用户管理" })).toHaveCount(0);

  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page.getByRole("status")).toHaveText("您已安全退出。");
  await page.goto("/workspace");
  await expect(page).toHaveURL(/\/login\?next=/);
});

test("a wrong password and an unknown account get the same message", async ({ page }) => {
  await signIn(page, "gangcheng-editor", "not the password");
  await expect(formAlert(page)).toHaveText("用户名或密码错误。");
  await expect(page.getByLabel("用户名 / 手机号 / 邮箱")).toHaveValue("gangcheng-editor");
  await expectNoAxeViolations(page);

  await signIn(page, "no-such-person", "not the password");
  await expect(formAlert(page)).toHaveText("用户名或密码错误。");
});

test("five failures lock the account, even for the right password, until the wait is over", async ({
  page,
}) => {
  for (let attempt = 1; attempt <= 4; attempt++) {
    await signIn(page, "gangcheng-signer", `wrong ${attempt}`);
    await expect(formAlert(page)).toHaveText("用户名或密码错误。");
  }
  await signIn(page, "gangcheng-signer", "wrong 5");
  await expect(formAlert(page)).toHaveText(/登录失败次数过多，已暂时锁定。请 1 分钟后再试。/);

  await signIn(page, "gangcheng-signer", DEMO_PASSWORD);
  await expect(formAlert(page)).toHaveText(/已暂时锁定/);

  await page.waitForTimeout(6_000);
  await signIn(page, "gangcheng-signer", DEMO_PASSWORD);
  await expect(page.getByRole("heading", { name: "我的年报" })).toBeVisible();
});
