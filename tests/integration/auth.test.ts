import { describe, expect, it } from "vitest";
import { THROTTLE } from "@/lib/domain/login-throttle";
import { changePassword, issuePasswordReset, resetPassword } from "@/lib/server/auth/credentials";
import { resolveSession, signOut, signOutEverywhere } from "@/lib/server/auth/session-store";
import { sha256 } from "@/lib/server/auth/tokens";
import { signIn } from "@/lib/server/auth/sign-in";
import { createOrg, createUser, TEST_PASSWORD } from "../setup/factories";
import { setupTestDb } from "../setup/test-db";

const t = setupTestDb();
const ip = "10.0.0.1";

describe("sign-in and sessions", () => {
  it("signs in by username, stores only the token's hash, and resolves the actor with roles from the database", async () => {
    const org = await createOrg(t.db, { name: "甲街道" });
    const user = await createUser(t.db, { username: "alice", roles: [{ orgId: org.id, role: "EDITOR" }] });
    const result = await signIn(t.db, { login: "Alice", password: TEST_PASSWORD, ip });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(await t.db.session.findUnique({ where: { id: result.token } })).toBeNull();
    const actor = await resolveSession(t.db, result.token);
    expect(actor?.userId).toBe(user.id);
    expect(actor?.memberships).toEqual([{ orgId: org.id, role: "EDITOR" }]);
    // A role change applies at once, without signing in again.
    await t.db.membership.create({ data: { userId: user.id, orgId: org.id, role: "REVIEWER" } });
    expect((await resolveSession(t.db, result.token))?.memberships).toHaveLength(2);
  });

  it("issues a new session id at sign-in and ends the previous one (rotation)", async () => {
    await createUser(t.db, { username: "rotor" });
    const first = await signIn(t.db, { login: "rotor", password: TEST_PASSWORD, ip });
    if (!first.ok) throw new Error("sign-in failed");
    const second = await signIn(t.db, {
      login: "rotor",
      password: TEST_PASSWORD,
      ip,
      previousToken: first.token,
    });
    if (!second.ok) throw new Error("sign-in failed");
    expect(second.token).not.toBe(first.token);
    expect(await resolveSession(t.db, first.token)).toBeNull();
    expect(await resolveSession(t.db, second.token)).not.toBeNull();
  });

  it("gives the same message for a wrong password and an unknown account, and audits both", async () => {
    await createUser(t.db, { username: "bob" });
    const wrong = await signIn(t.db, { login: "bob", password: "nope", ip: "10.0.0.2" });
    const unknown = await signIn(t.db, { login: "nobody", password: "nope", ip: "10.0.0.3" });
    expect(wrong).toEqual({ ok: false, code: "INVALID", message: "用户名或密码错误。" });
    expect(unknown).toEqual(wrong);
    expect(await t.db.auditEvent.count({ where: { action: "auth.signIn.failed" } })).toBeGreaterThanOrEqual(
      2,
    );
  });

  it("locks an account after repeated failures, also for the right password, and lets it in after the wait", async () => {
    await createUser(t.db, { username: "carol" });
    const start = new Date("2026-01-10T09:00:00+08:00");
    for (let i = 0; i < THROTTLE.perAccount; i++) {
      await signIn(t.db, { login: "carol", password: "wrong", ip: `10.1.0.${i}`, now: start });
    }
    const locked = await signIn(t.db, {
      login: "carol",
      password: TEST_PASSWORD,
      ip: "10.1.1.1",
      now: start,
    });
    expect(locked).toMatchObject({ ok: false, code: "LOCKED" });
    if (!locked.ok) expect(locked.message).toMatch(/请 15 分钟后再试/);
    const later = new Date(start.getTime() + THROTTLE.lockMs + 1000);
    expect(
      (await signIn(t.db, { login: "carol", password: TEST_PASSWORD, ip: "10.1.1.1", now: later })).ok,
    ).toBe(true);
  });

  it("rate limits per IP across different accounts", async () => {
    const now = new Date("2026-01-11T09:00:00+08:00");
    for (let i = 0; i < THROTTLE.perIp; i++) {
      await signIn(t.db, { login: `ghost${i}`, password: "x", ip: "10.9.9.9", now });
    }
    await createUser(t.db, { username: "dave" });
    expect(await signIn(t.db, { login: "dave", password: TEST_PASSWORD, ip: "10.9.9.9", now })).toMatchObject(
      { code: "LOCKED" },
    );
  });

  it("expires a session after the idle time and after the absolute lifetime", async () => {
    await createUser(t.db, { username: "erin" });
    const now = new Date();
    const s = await signIn(t.db, { login: "erin", password: TEST_PASSWORD, ip, now });
    if (!s.ok) throw new Error("sign-in failed");
    expect(await resolveSession(t.db, s.token, new Date(now.getTime() + 7 * 3_600_000))).not.toBeNull();
    expect(await resolveSession(t.db, s.token, new Date(now.getTime() + 16 * 3_600_000))).toBeNull();
    const s2 = await signIn(t.db, { login: "erin", password: TEST_PASSWORD, ip, now });
    if (!s2.ok) throw new Error("sign-in failed");
    await t.db.session.update({
      where: { id: sha256(s2.token) },
      data: { expiresAt: new Date(now.getTime() - 1) },
    });
    expect(await resolveSession(t.db, s2.token, now)).toBeNull();
  });

  it("ends sessions at once when the account is deactivated, and on sign-out everywhere", async () => {
    const user = await createUser(t.db, { username: "frank" });
    const a = await signIn(t.db, { login: "frank", password: TEST_PASSWORD, ip });
    const b = await signIn(t.db, { login: "frank", password: TEST_PASSWORD, ip });
    if (!a.ok || !b.ok) throw new Error("sign-in failed");
    const actor = (await resolveSession(t.db, a.token))!;
    await signOutEverywhere(t.db, actor, ip);
    expect(await resolveSession(t.db, b.token)).toBeNull();
    const c = await signIn(t.db, { login: "frank", password: TEST_PASSWORD, ip });
    if (!c.ok) throw new Error("sign-in failed");
    await t.db.user.update({ where: { id: user.id }, data: { isActive: false } });
    expect(await resolveSession(t.db, c.token)).toBeNull();
    expect((await signIn(t.db, { login: "frank", password: TEST_PASSWORD, ip })).ok).toBe(false);
  });

  it("signs out only the current session", async () => {
    await createUser(t.db, { username: "gina" });
    const a = await signIn(t.db, { login: "gina", password: TEST_PASSWORD, ip });
    const b = await signIn(t.db, { login: "gina", password: TEST_PASSWORD, ip });
    if (!a.ok || !b.ok) throw new Error("sign-in failed");
    await signOut(t.db, a.token, ip);
    expect(await resolveSession(t.db, a.token)).toBeNull();
    expect(await resolveSession(t.db, b.token)).not.toBeNull();
  });
});

describe("passwords", () => {
  it("changes the password only with the current one, and signs out other devices", async () => {
    await createUser(t.db, { username: "hank" });
    const a = await signIn(t.db, { login: "hank", password: TEST_PASSWORD, ip });
    const b = await signIn(t.db, { login: "hank", password: TEST_PASSWORD, ip });
    if (!a.ok || !b.ok) throw new Error("sign-in failed");
    const actor = (await resolveSession(t.db, a.token))!;
    expect(
      await changePassword(t.db, actor, { current: "wrong", next: "a brand new secret", ip }),
    ).toMatchObject({ ok: false, field: "current" });
    expect(
      await changePassword(t.db, actor, { current: TEST_PASSWORD, next: "a brand new secret", ip }),
    ).toEqual({ ok: true });
    expect(await resolveSession(t.db, a.token)).not.toBeNull();
    expect(await resolveSession(t.db, b.token)).toBeNull();
    expect((await signIn(t.db, { login: "hank", password: "a brand new secret", ip })).ok).toBe(true);
  });

  it("accepts a reset link exactly once and not after it expires", async () => {
    const admin = await createUser(t.db, { username: "root-admin" });
    const user = await createUser(t.db, { username: "ivan" });
    const s = await signIn(t.db, { login: "root-admin", password: TEST_PASSWORD, ip });
    if (!s.ok) throw new Error("sign-in failed");
    const actor = (await resolveSession(t.db, s.token))!;
    expect(actor.userId).toBe(admin.id);
    const token = await issuePasswordReset(t.db, actor, user.id, ip);
    const [first, second] = await Promise.all([
      resetPassword(t.db, token, "reset secret one", ip),
      resetPassword(t.db, token, "reset secret two", ip),
    ]);
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    const expired = await issuePasswordReset(t.db, actor, user.id, ip);
    await t.db.passwordResetToken.update({
      where: { id: sha256(expired) },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    expect((await resetPassword(t.db, expired, "reset secret three", ip)).ok).toBe(false);
  });
});
