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
    const result = await signIn({ login: "Alice", password: TEST_PASSWORD, ip }, t.db);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(await t.db.session.findUnique({ where: { id: result.token } })).toBeNull();
    const actor = await resolveSession(result.token, t.db);
    expect(actor?.userId).toBe(user.id);
    expect(actor?.memberships).toEqual([{ orgId: org.id, role: "EDITOR" }]);
    // A role change applies at once, without signing in again.
    await t.db.membership.create({ data: { userId: user.id, orgId: org.id, role: "REVIEWER" } });
    expect((await resolveSession(result.token, t.db))?.memberships).toHaveLength(2);
  });

  it("issues a new session id at sign-in and ends the previous one (rotation)", async () => {
    await createUser(t.db, { username: "rotor" });
    const first = await signIn({ login: "rotor", password: TEST_PASSWORD, ip }, t.db);
    if (!first.ok) throw new Error("sign-in failed");
    const second = await signIn(
      {
        login: "rotor",
        password: TEST_PASSWORD,
        ip,
        previousToken: first.token,
      },
      t.db,
    );
    if (!second.ok) throw new Error("sign-in failed");
    expect(second.token).not.toBe(first.token);
    expect(await resolveSession(first.token, t.db)).toBeNull();
    expect(await resolveSession(second.token, t.db)).not.toBeNull();
  });

  it("gives the same message for a wrong password and an unknown account, and audits both", async () => {
    await createUser(t.db, { username: "bob" });
    const wrong = await signIn({ login: "bob", password: "nope", ip: "10.0.0.2" }, t.db);
    const unknown = await signIn({ login: "nobody", password: "nope", ip: "10.0.0.3" }, t.db);
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
      await signIn({ login: "carol", password: "wrong", ip: `10.1.0.${i}`, now: start }, t.db);
    }
    const locked = await signIn(
      {
        login: "carol",
        password: TEST_PASSWORD,
        ip: "10.1.1.1",
        now: start,
      },
      t.db,
    );
    expect(locked).toMatchObject({ ok: false, code: "LOCKED" });
    if (!locked.ok) expect(locked.message).toMatch(/请 15 分钟后再试/);
    const later = new Date(start.getTime() + THROTTLE.lockMs + 1000);
    expect(
      (await signIn({ login: "carol", password: TEST_PASSWORD, ip: "10.1.1.1", now: later }, t.db)).ok,
    ).toBe(true);
  });

  it("rate limits per IP across different accounts", async () => {
    const now = new Date("2026-01-11T09:00:00+08:00");
    for (let i = 0; i < THROTTLE.perIp; i++) {
      await signIn({ login: `ghost${i}`, password: "x", ip: "10.9.9.9", now }, t.db);
    }
    await createUser(t.db, { username: "dave" });
    expect(await signIn({ login: "dave", password: TEST_PASSWORD, ip: "10.9.9.9", now }, t.db)).toMatchObject(
      { code: "LOCKED" },
    );
  });

  it("expires a session after the idle time and after the absolute lifetime", async () => {
    await createUser(t.db, { username: "erin" });
    const now = new Date();
    const s = await signIn({ login: "erin", password: TEST_PASSWORD, ip, now }, t.db);
    if (!s.ok) throw new Error("sign-in failed");
    expect(await resolveSession(s.token, t.db, new Date(now.getTime() + 7 * 3_600_000))).not.toBeNull();
    expect(await resolveSession(s.token, t.db, new Date(now.getTime() + 16 * 3_600_000))).toBeNull();
    const s2 = await signIn({ login: "erin", password: TEST_PASSWORD, ip, now }, t.db);
    if (!s2.ok) throw new Error("sign-in failed");
    await t.db.session.update({
      where: { id: sha256(s2.token) },
      data: { expiresAt: new Date(now.getTime() - 1) },
    });
    expect(await resolveSession(s2.token, t.db, now)).toBeNull();
  });

  it("ends sessions at once when the account is deactivated, and on sign-out everywhere", async () => {
    const user = await createUser(t.db, { username: "frank" });
    const a = await signIn({ login: "frank", password: TEST_PASSWORD, ip }, t.db);
    const b = await signIn({ login: "frank", password: TEST_PASSWORD, ip }, t.db);
    if (!a.ok || !b.ok) throw new Error("sign-in failed");
    const actor = (await resolveSession(a.token, t.db))!;
    await signOutEverywhere(actor, { ip }, t.db);
    expect(await resolveSession(b.token, t.db)).toBeNull();
    const c = await signIn({ login: "frank", password: TEST_PASSWORD, ip }, t.db);
    if (!c.ok) throw new Error("sign-in failed");
    await t.db.user.update({ where: { id: user.id }, data: { isActive: false } });
    expect(await resolveSession(c.token, t.db)).toBeNull();
    expect((await signIn({ login: "frank", password: TEST_PASSWORD, ip }, t.db)).ok).toBe(false);
  });

  it("signs out only the current session", async () => {
    await createUser(t.db, { username: "gina" });
    const a = await signIn({ login: "gina", password: TEST_PASSWORD, ip }, t.db);
    const b = await signIn({ login: "gina", password: TEST_PASSWORD, ip }, t.db);
    if (!a.ok || !b.ok) throw new Error("sign-in failed");
    await signOut({ token: a.token, ip }, t.db);
    expect(await resolveSession(a.token, t.db)).toBeNull();
    expect(await resolveSession(b.token, t.db)).not.toBeNull();
  });
});

describe("passwords", () => {
  it("changes the password only with the current one, and signs out other devices", async () => {
    await createUser(t.db, { username: "hank" });
    const a = await signIn({ login: "hank", password: TEST_PASSWORD, ip }, t.db);
    const b = await signIn({ login: "hank", password: TEST_PASSWORD, ip }, t.db);
    if (!a.ok || !b.ok) throw new Error("sign-in failed");
    const actor = (await resolveSession(a.token, t.db))!;
    expect(
      await changePassword(actor, { current: "wrong", next: "a brand new secret", ip }, t.db),
    ).toMatchObject({ ok: false, field: "current" });
    expect(
      await changePassword(actor, { current: TEST_PASSWORD, next: "a brand new secret", ip }, t.db),
    ).toEqual({ ok: true });
    expect(await resolveSession(a.token, t.db)).not.toBeNull();
    expect(await resolveSession(b.token, t.db)).toBeNull();
    expect((await signIn({ login: "hank", password: "a brand new secret", ip }, t.db)).ok).toBe(true);
  });

  it("accepts a reset link exactly once and not after it expires", async () => {
    const admin = await createUser(t.db, { username: "root-admin" });
    const user = await createUser(t.db, { username: "ivan" });
    const s = await signIn({ login: "root-admin", password: TEST_PASSWORD, ip }, t.db);
    if (!s.ok) throw new Error("sign-in failed");
    const actor = (await resolveSession(s.token, t.db))!;
    expect(actor.userId).toBe(admin.id);
    const token = await issuePasswordReset(actor, { userId: user.id, ip }, t.db);
    const [first, second] = await Promise.all([
      resetPassword({ token, password: "reset secret one", ip }, t.db),
      resetPassword({ token, password: "reset secret two", ip }, t.db),
    ]);
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    const expired = await issuePasswordReset(actor, { userId: user.id, ip }, t.db);
    await t.db.passwordResetToken.update({
      where: { id: sha256(expired) },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    expect((await resetPassword({ token: expired, password: "reset secret three", ip }, t.db)).ok).toBe(
      false,
    );
  });
});
