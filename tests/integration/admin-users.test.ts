import { beforeAll, describe, expect, it } from "vitest";
import { resetPassword } from "@/lib/server/auth/credentials";
import { resolveSession } from "@/lib/server/auth/session-store";
import { signIn } from "@/lib/server/auth/sign-in";
import { assignRole, removeRole } from "@/lib/server/users/roles";
import { createUser, issueUserReset, setUserActive } from "@/lib/server/users/writes";
import { createUserSchema } from "@/lib/domain/forms/user";
import { getUserForAdmin, isResetTokenUsable, listUsers } from "@/lib/server/users/reads";
import { createUser as createUserRow, TEST_PASSWORD } from "../setup/factories";
import { setupTestDb } from "../setup/test-db";
import { actorFor, buildWorld, type World } from "./admin-world";

const t = setupTestDb();
let w: World;
beforeAll(async () => {
  w = await buildWorld(t.db);
});

const newUser = (orgId: string, username: string, extra: Record<string, unknown> = {}) =>
  createUserSchema.parse({
    username,
    displayName: "新同事",
    orgId,
    role: "EDITOR",
    password: "a long initial secret",
    ...extra,
  });

describe("creating accounts", () => {
  it("creates an account with a role and an initial password, who can then sign in with that role", async () => {
    const input = newUser(w.orgs.streetA2.id, "New.Editor", {
      phone: "13800000001",
      email: "New@Example.cn",
    });
    expect(input).toMatchObject({ username: "new.editor", email: "new@example.cn" });
    const { userId, resetPath } = await createUser(w.actors.districtAdmin, input, t.db);
    expect(resetPath).toBeNull();
    const actor = await actorFor(t.db, "new.editor", "a long initial secret");
    expect(actor.userId).toBe(userId);
    expect(actor.memberships).toEqual([{ orgId: w.orgs.streetA2.id, role: "EDITOR" }]);
    expect(await t.db.auditEvent.count({ where: { action: "user.create", targetId: userId } })).toBe(1);
  });

  it("asks for an initial password of at least 10 characters unless a reset link is generated", () => {
    const short = createUserSchema.safeParse({
      username: "shorty",
      displayName: "甲",
      orgId: "x",
      role: "EDITOR",
      password: "123",
    });
    expect(short.error?.issues[0]).toMatchObject({ path: ["password"], message: "初始密码至少 10 个字符" });
    const link = createUserSchema.safeParse({
      username: "linky",
      displayName: "乙",
      orgId: "x",
      role: "EDITOR",
      passwordMode: "resetLink",
    });
    expect(link.success).toBe(true);
    expect(createUserSchema.safeParse({ ...newUser("x", "ok-name"), username: "1380000" }).success).toBe(
      false,
    );
  });

  it("creates an account with a one-time reset link that sets the password and then stops working", async () => {
    const input = newUser(w.orgs.streetA.id, "link-user", { passwordMode: "resetLink", password: "" });
    const { resetPath } = await createUser(w.actors.districtAdmin, input, t.db);
    const token = resetPath!.replace("/reset/", "");
    expect(await isResetTokenUsable(token, t.db)).toBe(true);
    expect((await resetPassword({ token, password: "my own new secret", ip: "10.0.0.1" }, t.db)).ok).toBe(
      true,
    );
    expect(await isResetTokenUsable(token, t.db)).toBe(false);
    expect(
      (await signIn({ login: "link-user", password: "my own new secret", ip: "10.0.0.1" }, t.db)).ok,
    ).toBe(true);
  });

  it("puts taken usernames, phones and emails on their fields", async () => {
    const input = newUser(w.orgs.streetA.id, w.users.editor.username, {
      email: "new@example.cn",
      phone: "13800000001",
    });
    await expect(createUser(w.actors.districtAdmin, input, t.db)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: {
        username: "该用户名已被使用",
        phone: "该手机号已被其他账号使用",
        email: "该邮箱已被其他账号使用",
      },
    });
  });
});

describe("roles", () => {
  it("assigns and removes roles, audits both, and refuses to remove an account's only role", async () => {
    const { userId } = await createUser(w.actors.districtAdmin, newUser(w.orgs.streetA.id, "mover"), t.db);
    const added = await assignRole(
      w.actors.districtAdmin,
      { userId, orgId: w.orgs.streetA2.id, role: "REVIEWER" },
      t.db,
    );
    await expect(
      assignRole(w.actors.districtAdmin, { userId, orgId: w.orgs.streetA2.id, role: "REVIEWER" }, t.db),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const first = await t.db.membership.findFirstOrThrow({ where: { userId, orgId: w.orgs.streetA.id } });
    await removeRole(w.actors.districtAdmin, { membershipId: first.id }, t.db);
    await expect(removeRole(w.actors.districtAdmin, { membershipId: added.id }, t.db)).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const actions = await t.db.auditEvent.findMany({ where: { targetId: userId }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(["user.roleAssigned", "user.roleRemoved"]),
    );
  });

  it("does not let an administrator remove their own administrator role", async () => {
    const own = await t.db.membership.findFirstOrThrow({ where: { userId: w.users.districtAdmin.id } });
    await t.db.membership.create({
      data: { userId: w.users.districtAdmin.id, orgId: w.orgs.streetA.id, role: "EDITOR" },
    });
    await expect(removeRole(w.actors.districtAdmin, { membershipId: own.id }, t.db)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("applies a role change on the next request, without signing in again", async () => {
    const { userId } = await createUser(w.actors.districtAdmin, newUser(w.orgs.streetA.id, "promoted"), t.db);
    const session = await signIn(
      {
        login: "promoted",
        password: "a long initial secret",
        ip: "10.0.0.1",
      },
      t.db,
    );
    if (!session.ok) throw new Error("sign-in failed");
    await assignRole(w.actors.districtAdmin, { userId, orgId: w.orgs.streetA.id, role: "REVIEWER" }, t.db);
    expect((await resolveSession(session.token, t.db))?.memberships.map((m) => m.role).sort()).toEqual([
      "EDITOR",
      "REVIEWER",
    ]);
  });
});

describe("deactivation and reset links", () => {
  it("ends every session of a deactivated account at once, refuses its sign-in, and lets it back after reactivation", async () => {
    const user = await createUserRow(t.db, {
      username: "leaver",
      roles: [{ orgId: w.orgs.streetA.id, role: "EDITOR" }],
    });
    const session = await signIn({ login: "leaver", password: TEST_PASSWORD, ip: "10.0.0.1" }, t.db);
    if (!session.ok) throw new Error("sign-in failed");
    await setUserActive(w.actors.districtAdmin, { userId: user.id, isActive: false }, t.db);
    expect(await t.db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await resolveSession(session.token, t.db)).toBeNull();
    expect((await signIn({ login: "leaver", password: TEST_PASSWORD, ip: "10.0.0.1" }, t.db)).ok).toBe(false);
    await setUserActive(w.actors.districtAdmin, { userId: user.id, isActive: true }, t.db);
    expect((await signIn({ login: "leaver", password: TEST_PASSWORD, ip: "10.0.0.1" }, t.db)).ok).toBe(true);
    const actions = await t.db.auditEvent.findMany({ where: { targetId: user.id }, orderBy: { id: "asc" } });
    expect(actions.map((a) => a.action)).toEqual(["user.deactivate", "user.reactivate"]);
  });

  it("does not let an administrator deactivate themselves", async () => {
    await expect(
      setUserActive(w.actors.otherAdmin, { userId: w.users.otherAdmin.id, isActive: false }, t.db),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses account-wide changes to someone who also holds a role outside the administrator's subtree", async () => {
    const both = await createUserRow(t.db, {
      username: "two-hats",
      roles: [
        { orgId: w.orgs.streetA.id, role: "EDITOR" },
        { orgId: w.orgs.city.id, role: "ADMIN" },
      ],
    });
    const refused = { code: "FORBIDDEN", message: expect.stringMatching(/上级管理员/) };
    await expect(issueUserReset(w.actors.districtAdmin, { userId: both.id }, t.db)).rejects.toMatchObject(
      refused,
    );
    await expect(
      setUserActive(w.actors.districtAdmin, { userId: both.id, isActive: false }, t.db),
    ).rejects.toMatchObject(refused);
    const seen = await getUserForAdmin(w.actors.districtAdmin, both.id, t.db);
    expect(seen).toMatchObject({ canManageAccount: false, hiddenRoleCount: 1 });
    expect(seen.roles.map((r) => r.orgName)).toEqual([w.orgs.streetA.name]);
  });

  it("issues a reset link only for an active account, and voids unused links at deactivation", async () => {
    const user = await createUserRow(t.db, {
      username: "forgetful",
      roles: [{ orgId: w.orgs.streetA.id, role: "REVIEWER" }],
    });
    const { resetPath } = await issueUserReset(w.actors.districtAdmin, { userId: user.id }, t.db);
    const token = resetPath.replace("/reset/", "");
    expect(await isResetTokenUsable(token, t.db)).toBe(true);
    await setUserActive(w.actors.districtAdmin, { userId: user.id, isActive: false }, t.db);
    expect(await isResetTokenUsable(token, t.db)).toBe(false);
    expect((await resetPassword({ token, password: "whatever secret", ip: "10.0.0.1" }, t.db)).ok).toBe(
      false,
    );
    await expect(issueUserReset(w.actors.districtAdmin, { userId: user.id }, t.db)).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });
});

describe("the user list", () => {
  it("lists only accounts with a role in the administrator's subtree, with only the roles there", async () => {
    const { users } = await listUsers(w.actors.otherAdmin, {}, t.db);
    const names = users.map((u) => u.username);
    expect(names).toContain(w.users.otherEditor.username);
    expect(names).not.toContain(w.users.editor.username);
    expect(names).not.toContain(w.users.rootAdmin.username);
    const all = await listUsers(w.actors.rootAdmin, {}, t.db);
    expect(all.users.map((u) => u.username)).toEqual(
      expect.arrayContaining([w.users.editor.username, w.users.otherEditor.username]),
    );
  });

  it("filters by an organisation's subtree and by a search term", async () => {
    const inA = await listUsers(w.actors.rootAdmin, { orgId: w.orgs.districtA.id }, t.db);
    expect(inA.users.map((u) => u.username)).toContain(w.users.editor.username);
    expect(inA.users.map((u) => u.username)).not.toContain(w.users.otherEditor.username);
    const found = await listUsers(w.actors.rootAdmin, { q: w.users.signer.username.toUpperCase() }, t.db);
    expect(found.users.map((u) => u.username)).toEqual([w.users.signer.username]);
  });
});
