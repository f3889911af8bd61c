// Sign-in and password-change throttling under concurrency (issue 10 item 2) and throttle-row pruning (item 7).
import { describe, expect, it } from "vitest";
import { THROTTLE } from "@/lib/domain/login-throttle";
import { changePassword } from "@/lib/server/auth/credentials";
import { pruneThrottles } from "@/lib/server/auth/throttle";
import { resolveSession } from "@/lib/server/auth/session-store";
import { signIn } from "@/lib/server/auth/sign-in";
import { createUser, TEST_PASSWORD } from "../setup/factories";
import { setupTestDb } from "../setup/test-db";

const t = setupTestDb();

/** Sign-ins whose password was actually verified: a failure or a success in the audit log (not a lock). */
async function evaluated(name: string, userId: string) {
  return t.db.auditEvent.count({
    where: {
      action: { in: ["auth.signIn.failed", "auth.signIn"] },
      OR: [{ actorId: userId }, { actorName: name }],
    },
  });
}

describe("sign-in throttling that holds in parallel", () => {
  it("evaluates at most 5 of 50 concurrent guesses at one account (49 wrong, 1 right)", async () => {
    const user = await createUser(t.db, { username: "parallel" });
    const attempts = Array.from({ length: 50 }, (_, i) =>
      signIn(
        {
          login: "parallel",
          password: i === 37 ? TEST_PASSWORD : `wrong-${i}`,
          ip: `10.50.${Math.floor(i / 200)}.${i}`,
        },
        t.db,
      ),
    );
    const results = await Promise.all(attempts);
    expect(await evaluated("parallel", user.id)).toBeLessThanOrEqual(THROTTLE.perAccount);
    expect(results.filter((r) => !r.ok && r.code === "LOCKED").length).toBeGreaterThanOrEqual(
      50 - THROTTLE.perAccount,
    );
  });

  it("keys the limit on the account: username, email and phone share one counter", async () => {
    const user = await createUser(t.db, { username: "shared" });
    await t.db.user.update({
      where: { id: user.id },
      data: { email: "shared@example.cn", phone: "13800000001" },
    });
    const logins = ["shared", "shared@example.cn", "13800000001", "SHARED", "shared@example.cn"];
    for (const [i, login] of logins.entries()) {
      await signIn({ login, password: "wrong", ip: `10.60.0.${i}` }, t.db);
    }
    const viaPhone = await signIn({ login: "13800000001", password: TEST_PASSWORD, ip: "10.60.1.1" }, t.db);
    expect(viaPhone).toMatchObject({ ok: false, code: "LOCKED" });
    const viaName = await signIn({ login: "shared", password: TEST_PASSWORD, ip: "10.60.1.2" }, t.db);
    expect(viaName).toMatchObject({ ok: false, code: "LOCKED" });
  });

  it("still limits unknown names per typed name", async () => {
    for (let i = 0; i < THROTTLE.perAccount; i++) {
      await signIn({ login: "nobody-here", password: "x", ip: `10.61.0.${i}` }, t.db);
    }
    expect(await signIn({ login: "nobody-here", password: "x", ip: "10.61.1.1" }, t.db)).toMatchObject({
      ok: false,
      code: "LOCKED",
    });
  });

  it("does not count successful sign-ins against the office's shared IP", async () => {
    const user = await createUser(t.db, { username: "busy-office" });
    for (let i = 0; i < THROTTLE.perIp + 5; i++) {
      const r = await signIn({ login: user.username, password: TEST_PASSWORD, ip: "10.62.0.1" }, t.db);
      expect(r.ok).toBe(true);
    }
  });
});

describe("password change throttling", () => {
  it("refuses the current password after 5 wrong ones, even when right, also in parallel", async () => {
    const user = await createUser(t.db, { username: "changer" });
    const s = await signIn({ login: "changer", password: TEST_PASSWORD, ip: "10.70.0.1" }, t.db);
    if (!s.ok) throw new Error("sign-in failed");
    const actor = (await resolveSession(s.token, t.db))!;
    const wrong = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        changePassword(actor, { current: `nope-${i}`, next: "a brand new secret", ip: "10.70.0.1" }, t.db),
      ),
    );
    expect(wrong.every((r) => !r.ok)).toBe(true);
    const checked = await t.db.auditEvent.count({
      where: { action: "auth.passwordChange.failed", actorId: user.id },
    });
    expect(checked).toBeLessThanOrEqual(THROTTLE.perAccount);
    const right = await changePassword(
      actor,
      {
        current: TEST_PASSWORD,
        next: "a brand new secret",
        ip: "10.70.0.1",
      },
      t.db,
    );
    expect(right).toMatchObject({ ok: false, field: "current" });
    if (!right.ok) expect(right.message).toMatch(/锁定/);
  });
});

describe("throttle rows are pruned after their window", () => {
  it("deletes expired rows and keeps live ones; failed sign-ins with fresh names do not grow the table", async () => {
    const now = new Date("2026-03-01T08:00:00Z");
    const old = new Date(now.getTime() - THROTTLE.windowMs - 60_000);
    await t.db.loginThrottle.createMany({
      data: [
        { key: "name:old-1", failures: 1, windowStart: old, lockedUntil: null },
        { key: "name:old-2", failures: 5, windowStart: old, lockedUntil: new Date(old.getTime() + 1000) },
        {
          key: "name:still-locked",
          failures: 5,
          windowStart: old,
          lockedUntil: new Date(now.getTime() + 60_000),
        },
        { key: "name:live", failures: 1, windowStart: new Date(now.getTime() - 1000), lockedUntil: null },
      ],
    });
    const removed = await pruneThrottles(now, t.db);
    expect(removed).toBeGreaterThanOrEqual(2);
    const keys = (await t.db.loginThrottle.findMany({ select: { key: true } })).map((r) => r.key);
    expect(keys).not.toContain("name:old-1");
    expect(keys).not.toContain("name:old-2");
    expect(keys).toContain("name:still-locked");
    expect(keys).toContain("name:live");

    // A sign-in some time later prunes by itself.
    const later = new Date(now.getTime() + 2 * THROTTLE.windowMs);
    await signIn({ login: "fresh-name", password: "x", ip: "10.80.0.1", now: later }, t.db);
    const after = (await t.db.loginThrottle.findMany({ select: { key: true } })).map((r) => r.key);
    expect(after).not.toContain("name:live");
    expect(after).not.toContain("name:still-locked");
    // Audit rows stay.
    expect(await t.db.auditEvent.count({ where: { actorName: "fresh-name" } })).toBe(1);
  });
});
