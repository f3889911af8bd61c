// Every server action of the admin and account screens, called through the lib/server function it delegates to,
// as each role with ids from other organisations: refused with NOT_FOUND from outside the subtree (no hint that
// the target exists), NOT_FOUND or FORBIDDEN from inside without the administrator role — and nothing changes.
// The same calls succeed for the subtree's administrator, so a refusal is never a malformed call.
// tests/integration/authorization-coverage.test.ts fails when an action is missing from CASES.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/server/auth/actor";
import { changePassword } from "@/lib/server/auth/credentials";
import { signOutEverywhere } from "@/lib/server/auth/session-store";
import type { Db } from "@/lib/server/platform/db";
import { createOrg, moveOrg, updateOrg } from "@/lib/server/orgs/writes";
import { removeOrgDeadline, setOrgDeadline } from "@/lib/server/orgs/deadlines";
import { assignRole, removeRole } from "@/lib/server/users/roles";
import { createUser, issueUserReset, setUserActive } from "@/lib/server/users/writes";
import { createUserSchema } from "@/lib/domain/forms/user";
import { TEST_PASSWORD } from "../setup/factories";
import { setupTestDb } from "../setup/test-db";
import { buildWorld, orgInput, type World } from "./admin-world";

const t = setupTestDb();

interface Targets {
  orgId: string;
  otherOrgId: string;
  slug: string;
  userId: string;
  membershipId: string;
}

/** Targets in districtA's subtree (钢城街道 and its editor, who holds two roles there). */
async function targetsIn(w: World, db: Db): Promise<Targets> {
  const extra = await db.membership.create({
    data: { userId: w.users.editor.id, orgId: w.orgs.streetA2.id, role: "EDITOR" },
  });
  await db.orgDeadline.create({
    data: { orgId: w.orgs.streetA.id, year: 2030, deadline: new Date("2031-02-01") },
  });
  return {
    orgId: w.orgs.streetA.id,
    otherOrgId: w.orgs.streetA2.id,
    slug: w.orgs.streetA.slug,
    userId: w.users.editor.id,
    membershipId: extra.id,
  };
}

const CASES: Record<string, (actor: Actor, x: Targets, db: Db) => Promise<unknown>> = {
  createOrgAction: (actor, x, db) => createOrg(actor, orgInput(x.orgId), db),
  updateOrgAction: (actor, x, db) =>
    updateOrg(actor, { ...orgInput(x.otherOrgId, x.slug), orgId: x.orgId, name: "被篡改的名称" }, db),
  moveOrgAction: (actor, x, db) => moveOrg(actor, { orgId: x.orgId, newParentId: x.otherOrgId }, db),
  setOrgDeadlineAction: (actor, x, db) =>
    setOrgDeadline(actor, { orgId: x.orgId, year: 2031, deadline: "2032-03-01" }, db),
  removeOrgDeadlineAction: (actor, x, db) => removeOrgDeadline(actor, { orgId: x.orgId, year: 2030 }, db),
  createUserAction: (actor, x, db) =>
    createUser(
      actor,
      createUserSchema.parse({
        username: `forged-${Date.now()}`,
        displayName: "伪造",
        orgId: x.orgId,
        role: "ADMIN",
        password: "forged password",
      }),
      db,
    ),
  assignRoleAction: (actor, x, db) =>
    assignRole(actor, { userId: x.userId, orgId: x.orgId, role: "ADMIN" }, db),
  removeRoleAction: (actor, x, db) => removeRole(actor, { membershipId: x.membershipId }, db),
  setUserActiveAction: (actor, x, db) => setUserActive(actor, { userId: x.userId, isActive: false }, db),
  issueResetLinkAction: (actor, x, db) => issueUserReset(actor, { userId: x.userId }, db),
};

/** Row counts that any of the calls above would change. */
async function snapshot(db: Db) {
  const [orgs, users, memberships, deadlines, tokens, audits, inactive, named] = await Promise.all([
    db.organization.count(),
    db.user.count(),
    db.membership.count(),
    db.orgDeadline.count(),
    db.passwordResetToken.count(),
    db.auditEvent.count({ where: { action: { startsWith: "org." } } }),
    db.user.count({ where: { isActive: false } }),
    db.organization.count({ where: { name: "被篡改的名称" } }),
  ]);
  const parents = await db.organization.findMany({
    select: { id: true, parentId: true },
    orderBy: { id: "asc" },
  });
  return { orgs, users, memberships, deadlines, tokens, audits, inactive, named, parents };
}

describe("server actions refuse every role but the subtree's administrator", () => {
  let w: World;
  let x: Targets;
  beforeAll(async () => {
    w = await buildWorld(t.db);
    x = await targetsIn(w, t.db);
  });

  const OUTSIDERS = ["otherAdmin", "otherEditor"] as const;
  const INSIDERS = ["editor", "reviewer", "signer", "supervisor"] as const;

  for (const [action, call] of Object.entries(CASES)) {
    it(`${action}: NOT_FOUND for another subtree's administrator and editor, with nothing changed`, async () => {
      const before = await snapshot(t.db);
      for (const role of OUTSIDERS) {
        await expect(call(w.actors[role], x, t.db), role).rejects.toMatchObject({ code: "NOT_FOUND" });
      }
      expect(await snapshot(t.db)).toEqual(before);
    });

    it(`${action}: refused for the body's own 填报员, 审核人, 签发人 and the district's 政务公开办`, async () => {
      const before = await snapshot(t.db);
      for (const role of INSIDERS) {
        await expect(call(w.actors[role], x, t.db), role).rejects.toMatchObject({
          code: expect.stringMatching(/^(FORBIDDEN|NOT_FOUND)$/),
        });
      }
      expect(await snapshot(t.db)).toEqual(before);
    });
  }
});

describe("the same calls as the administrator of the subtree", () => {
  for (const [action, call] of Object.entries(CASES)) {
    it(`${action}: succeeds for the district's 管理员, and changes what it names`, async () => {
      const w = await buildWorld(t.db);
      const x = await targetsIn(w, t.db);
      const before = await snapshot(t.db);
      await call(w.actors.districtAdmin, x, t.db);
      expect(await snapshot(t.db)).not.toEqual(before);
    });
  }
});

describe("account actions act on the actor's own account only", () => {
  it("changePasswordAction and signOutEverywhereAction touch nobody else's password or sessions", async () => {
    const w = await buildWorld(t.db);
    const victim = await t.db.user.findUniqueOrThrow({ where: { id: w.users.reviewer.id } });
    const victimSessions = await t.db.session.count({ where: { userId: victim.id } });
    expect(
      await changePassword(
        w.actors.editor,
        {
          current: TEST_PASSWORD,
          next: "editor's new secret",
          ip: "",
        },
        t.db,
      ),
    ).toEqual({ ok: true });
    await signOutEverywhere(w.actors.editor, { ip: "" }, t.db);
    const after = await t.db.user.findUniqueOrThrow({ where: { id: victim.id } });
    expect(after.passwordHash).toBe(victim.passwordHash);
    expect(await t.db.session.count({ where: { userId: victim.id } })).toBe(victimSessions);
    expect(await t.db.session.count({ where: { userId: w.users.editor.id } })).toBe(0);
  });
});
