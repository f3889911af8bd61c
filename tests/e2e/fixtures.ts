// Shared Playwright fixtures: any console error or uncaught page error fails the test; `expectNoAxeViolations`
// runs axe-core on the current page.
import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type Page } from "@playwright/test";

export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (msg) => {
        if (msg.type() === "error") errors.push(msg.text());
      });
      page.on("pageerror", (err) => errors.push(err.message));
      await use(errors);
      expect(errors, "console errors on the page").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export async function expectNoAxeViolations(page: Page) {
  // After a client-side navigation Next streams the new <title> in after the content: scan the settled page (a
  // page that never gets a title still fails here, and axe's document-title rule stays on).
  await expect(page, "the page has a title").toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes[0]?.target}`,
  );
  expect(summary).toEqual([]);
}

export const DEMO_PASSWORD = "nianbao-demo";

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("用户名 / 手机号 / 邮箱").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}
