import { describe, expect, it } from "vitest";
import { can } from "@/lib/domain/orgs/permissions";
import { loadOrgTree } from "@/lib/server/auth/authorize";
import { createFirstAdmin, ensureFirstAdminFromEnv } from "@/lib/server/auth/first-admin";
import { createOrg } from "../setup/factories";
import { setupTestDb } from "../setup/test-db";
import { actorFor } from "./admin-world";

// Two empty databases: one for the CLI function, one for the start-up environment variables.
const cli = setupTestDb();
const env = setupTestDb();

describe("createFirstAdmin (nianbao create-admin)", () => {
  it("validates the username and a password of at least 10 characters, writing nothing", async () => {
    const result = await createFirstAdmin({ username: "9admin", password: "short" }, cli.db);
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    if (!result.ok) expect(result.message).toMatch(/密码至少 10 个字符/);
    expect(await cli.db.organization.count()).toBe(0);
  });

  it("creates the root organisation and an administrator of the whole tree on an empty database", async () => {
    const result = await createFirstAdmin(
      {
        username: "Chief",
        password: "first admin secret",
        orgName: "某某市人民政府",
      },
      cli.db,
    );
    expect(result).toMatchObject({ ok: true, orgCreated: true });
    const root = await cli.db.organization.findFirstOrThrow({ where: { parentId: null } });
    expect(root).toMatchObject({ name: "某某市人民政府", kind: "CITY", deadlineMonth: 3 });
    const actor = await actorFor(cli.db, "chief", "first admin secret");
    expect(actor.memberships).toEqual([{ orgId: root.id, role: "ADMIN" }]);
    expect(can(actor, "org.create", root.id, await loadOrgTree(cli.db))).toBe(true);
    expect(await cli.db.auditEvent.count({ where: { action: "admin.bootstrap" } })).toBe(1);
  });

  it("refuses once any administrator exists, so it cannot take over an installation", async () => {
    const result = await createFirstAdmin({ username: "intruder", password: "another long secret" }, cli.db);
    expect(result).toMatchObject({ ok: false, code: "ADMIN_EXISTS" });
    expect(await cli.db.user.count({ where: { username: "intruder" } })).toBe(0);
  });
});

describe("ensureFirstAdminFromEnv (first start)", () => {
  it("does nothing when the variables are unset, and stops start-up when only one is set", async () => {
    expect(await ensureFirstAdminFromEnv({}, env.db)).toEqual({ status: "unset", message: "" });
    await expect(ensureFirstAdminFromEnv({ NIANBAO_ADMIN_USERNAME: "root" }, env.db)).rejects.toThrow(
      /NIANBAO_ADMIN_USERNAME 与 NIANBAO_ADMIN_PASSWORD 须同时设置/,
    );
    await expect(
      ensureFirstAdminFromEnv({ NIANBAO_ADMIN_USERNAME: "root", NIANBAO_ADMIN_PASSWORD: "short" }, env.db),
    ).rejects.toThrow(/密码至少 10 个字符/);
  });

  it("makes the administrator on the existing root organisation, then ignores the variables", async () => {
    const root = await createOrg(env.db, { name: "已有的市人民政府", kind: "CITY" });
    const vars = { NIANBAO_ADMIN_USERNAME: "ops", NIANBAO_ADMIN_PASSWORD: "ops password 123" };
    expect(await ensureFirstAdminFromEnv(vars, env.db)).toMatchObject({ status: "created" });
    const actor = await actorFor(env.db, "ops", "ops password 123");
    expect(actor.memberships).toEqual([{ orgId: root.id, role: "ADMIN" }]);
    expect(await env.db.organization.count()).toBe(1);
    expect(await ensureFirstAdminFromEnv({ ...vars, NIANBAO_ADMIN_PASSWORD: "x" }, env.db)).toMatchObject({
      status: "skipped",
    });
  });
});
