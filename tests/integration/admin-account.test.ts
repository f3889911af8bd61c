import { afterEach, describe, expect, it } from "vitest";
import { THROTTLE } from "@/lib/domain/login-throttle";
import { signIn } from "@/lib/server/auth/sign-in";
import { throttleLockMs } from "@/lib/server/auth/throttle";
import { reloadEnv } from "@/lib/server/platform/env";
import { changePasswordSchema, resetPasswordSchema } from "@/lib/domain/forms/account";
import { getOwnAccount } from "@/lib/server/users/reads";
import { createOrg, createUser, TEST_PASSWORD } from "../setup/factories";
import { setupTestDb } from "../setup/test-db";
import { actorFor } from "./admin-world";

const t = setupTestDb();

afterEach(() => {
  delete process.env.NIANBAO_THROTTLE_LOCK_SECONDS;
  reloadEnv();
});

describe("the sign-in lock's duration", () => {
  it("is 15 minutes unless NIANBAO_THROTTLE_LOCK_SECONDS sets a positive number of seconds", () => {
    expect(reloadEnv() && throttleLockMs()).toBe(THROTTLE.lockMs);
    process.env.NIANBAO_THROTTLE_LOCK_SECONDS = "abc";
    expect(() => reloadEnv()).toThrow(/NIANBAO_THROTTLE_LOCK_SECONDS/);
    process.env.NIANBAO_THROTTLE_LOCK_SECONDS = "5";
    expect(reloadEnv() && throttleLockMs()).toBe(5000);
  });

  it("locks an account after 5 failures for the configured seconds only", async () => {
    process.env.NIANBAO_THROTTLE_LOCK_SECONDS = "5";
    reloadEnv();
    await createUser(t.db, { username: "short-lock" });
    const start = new Date("2026-02-01T09:00:00+08:00");
    for (let i = 0; i < THROTTLE.perAccount; i++) {
      await signIn({ login: "short-lock", password: "wrong", ip: `10.3.0.${i}`, now: start }, t.db);
    }
    const at = (ms: number) => new Date(start.getTime() + ms);
    expect(
      await signIn({ login: "short-lock", password: TEST_PASSWORD, ip: "10.3.1.1", now: at(4000) }, t.db),
    ).toMatchObject({
      code: "LOCKED",
    });
    expect(
      (await signIn({ login: "short-lock", password: TEST_PASSWORD, ip: "10.3.1.1", now: at(6000) }, t.db))
        .ok,
    ).toBe(true);
  });
});

describe("the account page", () => {
  it("wants the new password twice and at least 10 characters", () => {
    const mismatch = changePasswordSchema.safeParse({
      currentPassword: "x",
      newPassword: "long enough 1",
      confirmPassword: "long enough 2",
    });
    expect(mismatch.error?.issues[0]).toMatchObject({
      path: ["confirmPassword"],
      message: "两次输入的新密码不一致",
    });
    const short = resetPasswordSchema.safeParse({ token: "t", password: "short", confirm: "short" });
    expect(short.error?.issues[0]).toMatchObject({ path: ["password"], message: "新密码至少 10 个字符" });
  });

  it("shows the actor's own account with the names of their organisations and roles", async () => {
    const org = await createOrg(t.db, { name: "某某街道办事处" });
    await createUser(t.db, { username: "own-account", roles: [{ orgId: org.id, role: "REVIEWER" }] });
    const actor = await actorFor(t.db, "own-account");
    expect(await getOwnAccount(actor, t.db)).toMatchObject({
      username: "own-account",
      roles: ["某某街道办事处 · 审核人"],
      sessionCount: 1,
    });
  });
});
