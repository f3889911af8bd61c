import { expect, expectNoAxeViolations, test } from "./fixtures";

test("the home page lists the demo world's latest reports, marked 示例数据, and a report shows the three tables", async ({
  page,
}) => {
  await page.goto("/");
  await expect(page.getByRole("complementary", { name: "示例数据" })).toBeVisible();
  const latest = page.getByRole("region", { name: "最新发布的年度报告" });
  for (const body of ["钢城街道", "锦绣街道", "柳北区人民政府办公室", "柳州市柳北区人民政府"])
    await expect(latest.getByRole("link", { name: new RegExp(`${body}.*2025`) })).toBeVisible();
  const link = latest.getByRole("link", { name: /钢城街道.*2025/ });
  await expectNoAxeViolations(page);

  await link.click();
  await expect(page).toHaveURL(/\/reports\/gangcheng\/2025$/);
  await expect(page.getByRole("complementary", { name: "示例数据" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "一、总体情况" })).toBeVisible();
  for (const caption of [
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "行政复议、行政诉讼情况",
  ]) {
    await expect(page.getByRole("table", { name: new RegExp(caption) })).toBeVisible();
  }
  const t3 = page.getByRole("table", { name: /收到和处理政府信息公开申请情况/ });
  await expect(t3.getByRole("rowheader", { name: "一、本年新收政府信息公开申请数量" })).toBeVisible();
  await expect(page.getByText("柳北区人民政府钢城街道办事处").last()).toBeVisible();
  await expectNoAxeViolations(page);
});

test("signing in as the demo editor opens the workspace with 钢城街道", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("用户名 / 手机号 / 邮箱").fill("gangcheng-editor");
  await page.getByLabel("密码").fill("nianbao-demo");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("heading", { name: "我的年报" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "柳北区人民政府钢城街道办事处" })).toBeVisible();
});
