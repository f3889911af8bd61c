// The read side of the admin screens and the shared helpers in lib/server/auth/authorize.ts, against the database:
// other organisations' ids and made-up ids are indistinguishable (NOT_FOUND), and the tree is read fresh.
import { beforeAll, describe, expect, it } from "vitest";
import { auditCsvLines, auditFilterSchema, listAuditEvents } from "@/lib/server/audit/log";
import { ACTIONS, decide } from "@/lib/domain/orgs/permissions";
import { assertCan, loadAncestry, loadOrgTree, orgIdsPermitting } from "@/lib/server/auth/authorize";
import { getOrgForAdmin, listOrgOptions, listOrgTree } from "@/lib/server/orgs/reads";
import { getUserForAdmin, listUsers } from "@/lib/server/users/reads";
import { createOrg } from "../setup/factories";
import { setupTestDb } from "../setup/test-db";
import { buildWorld, type World } from "./admin-world";

const t = setupTestDb();
let w: World;
beforeAll(async () => {
  w = await buildWorld(t.db);
});

const MADE_UP = "cl00000000000000000000000";

describe("assertCan and loadOrgTree", () => {
  it("answers NOT_FOUND for an organisation out of reach and for one that does not exist, FORBIDDEN within reach", async () => {
    await expect(assertCan(w.actors.otherAdmin, "org.edit", w.orgs.streetA.id, t.db)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(assertCan(w.actors.otherAdmin, "org.edit", MADE_UP, t.db)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(assertCan(w.actors.editor, "org.edit", w.orgs.streetA.id, t.db)).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(/管理员/),
    });
    const tree = await assertCan(w.actors.districtAdmin, "org.edit", w.orgs.streetA.id, t.db);
    expect(tree.has(w.orgs.streetA.id)).toBe(true);
  });

  it("decides on the tree as it is in the database now: a moved organisation leaves the old administrator's reach", async () => {
    const moving = await t.db.organization.create({
      data: {
        slug: `moving-${w.tag}`,
        name: "将被移走的街道",
        shortName: "移走",
        kind: "SUBDISTRICT",
        parentId: w.orgs.districtA.id,
      },
    });
    await assertCan(w.actors.districtAdmin, "org.edit", moving.id, t.db);
    await t.db.organization.update({ where: { id: moving.id }, data: { parentId: w.orgs.districtB.id } });
    await expect(assertCan(w.actors.districtAdmin, "org.edit", moving.id, t.db)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(orgIdsPermitting(w.actors.otherAdmin, "org.edit", await loadOrgTree(t.db))).toContain(moving.id);
  });
});

describe("loadAncestry: a check reads the organisation's chain of ancestors, not the whole tree", () => {
  it("decides exactly as the whole tree does, for every actor, organisation and action", async () => {
    const full = await loadOrgTree(t.db);
    let compared = 0;
    for (const orgId of full.ids) {
      const chain = await loadAncestry(orgId, t.db);
      expect(chain.ancestorsOf(orgId)).toEqual(full.ancestorsOf(orgId));
      expect(chain.ids.length).toBe(full.ancestorsOf(orgId).length + 1);
      for (const actor of Object.values(w.actors))
        for (const action of ACTIONS) {
          expect(decide(actor, action, orgId, chain), `${actor.username} ${action} ${orgId}`).toEqual(
            decide(actor, action, orgId, full),
          );
          compared++;
        }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it("is empty for an unknown organisation and stops at a cycle in corrupt data", async () => {
    expect((await loadAncestry(MADE_UP, t.db)).ids).toEqual([]);
    const a = await createOrg(t.db, { name: "环甲" });
    const b = await createOrg(t.db, { name: "环乙", parentId: a.id });
    await t.db.organization.update({ where: { id: a.id }, data: { parentId: b.id } });
    const chain = await loadAncestry(a.id, t.db);
    expect([...chain.ids].sort()).toEqual([a.id, b.id].sort());
    await t.db.organization.update({ where: { id: a.id }, data: { parentId: null } });
  });
});

describe("admin reads refuse other organisations' ids", () => {
  const OUTSIDE = ["otherAdmin", "otherEditor", "editor", "supervisor"] as const;

  it("getOrgForAdmin: NOT_FOUND or FORBIDDEN for everyone but the subtree's administrators", async () => {
    for (const role of OUTSIDE) {
      await expect(getOrgForAdmin(w.actors[role], w.orgs.streetA.id, t.db), role).rejects.toMatchObject({
        code: role.startsWith("other") ? "NOT_FOUND" : "FORBIDDEN",
      });
    }
    await expect(getOrgForAdmin(w.actors.districtAdmin, MADE_UP, t.db)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await getOrgForAdmin(w.actors.rootAdmin, w.orgs.streetA.id, t.db)).org.id).toBe(
      w.orgs.streetA.id,
    );
  });

  it("getUserForAdmin: NOT_FOUND for a user outside the subtree and for a made-up id", async () => {
    for (const role of OUTSIDE) {
      await expect(getUserForAdmin(w.actors[role], w.users.reviewer.id, t.db), role).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    }
    await expect(getUserForAdmin(w.actors.districtAdmin, MADE_UP, t.db)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await getUserForAdmin(w.actors.districtAdmin, w.users.reviewer.id, t.db)).username).toBe(
      w.users.reviewer.username,
    );
  });

  it("listUsers and listAuditEvents: NOT_FOUND for another subtree's organisation filter and for non-administrators", async () => {
    await expect(listUsers(w.actors.otherAdmin, { orgId: w.orgs.streetA.id }, t.db)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(listUsers(w.actors.supervisor, {}, t.db)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const filter = auditFilterSchema.parse({ org: w.orgs.streetA.id });
    await expect(listAuditEvents(w.actors.otherAdmin, filter, t.db)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(auditCsvLines(w.actors.otherAdmin, filter, t.db)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("listOrgTree and listOrgOptions: nothing outside the actor's administrable subtree", async () => {
    for (const role of ["editor", "reviewer", "signer", "supervisor", "otherEditor"] as const) {
      expect(await listOrgTree(w.actors[role], t.db)).toEqual([]);
      expect(await listOrgOptions(w.actors[role], "user.create", t.db)).toEqual([]);
    }
    const ids = (await listOrgOptions(w.actors.otherAdmin, "user.assignRole", t.db)).map((o) => o.id);
    expect(ids).toEqual(expect.arrayContaining([w.orgs.districtB.id, w.orgs.streetB.id]));
    expect(ids).not.toContain(w.orgs.streetA.id);
    expect(ids).not.toContain(w.orgs.city.id);
  });
});
