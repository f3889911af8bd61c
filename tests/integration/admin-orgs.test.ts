import { beforeAll, describe, expect, it } from "vitest";
import { createOrg, moveOrg, updateOrg } from "@/lib/server/orgs/writes";
import { createOrgSchema, updateOrgSchema } from "@/lib/domain/forms/org";
import { getOrgForAdmin, listOrgOptions, listOrgTree } from "@/lib/server/orgs/reads";
import { removeOrgDeadline, setOrgDeadline } from "@/lib/server/orgs/deadlines";
import { setupTestDb } from "../setup/test-db";
import { buildWorld, orgInput, type World } from "./admin-world";

const t = setupTestDb();
let w: World;
beforeAll(async () => {
  w = await buildWorld(t.db);
});

describe("organisation screens' server functions", () => {
  it("creates an organisation under an administrable parent, defaulting the deadline by kind, and audits it", async () => {
    const street = await createOrg(
      w.actors.districtAdmin,
      { ...orgInput(w.orgs.districtA.id), ip: "10.0.0.9" },
      t.db,
    );
    expect(street).toMatchObject({
      parentId: w.orgs.districtA.id,
      deadlineMonth: 1,
      deadlineDay: 31,
      approvalChain: ["REVIEW"],
    });
    const county = await createOrg(
      w.actors.rootAdmin,
      { ...orgInput(w.orgs.city.id), kind: "DISTRICT", approvalChain: ["SUPERVISOR", "SIGN"] },
      t.db,
    );
    expect(county).toMatchObject({
      deadlineMonth: 3,
      deadlineDay: 31,
      approvalChain: ["REVIEW", "SIGN", "SUPERVISOR"],
    });
    const audit = await t.db.auditEvent.findFirst({ where: { action: "org.create", targetId: street.id } });
    expect(audit).toMatchObject({ actorId: w.users.districtAdmin.id, orgId: street.id, ip: "10.0.0.9" });
  });

  it("validates the form: slug pattern, postcode, a day the month has, and an http(s) portal address", () => {
    const bad = createOrgSchema.safeParse({
      ...orgInput(w.orgs.city.id, "Bad Slug"),
      contactPostcode: "5450",
      deadlineMonth: "2",
      deadlineDay: "30",
      portalUrl: "javascript:alert(1)",
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["slug", "contactPostcode", "deadlineDay", "portalUrl"]));
    const ok = createOrgSchema.parse({ ...orgInput(w.orgs.city.id), deadlineMonth: "", deadlineDay: "" });
    expect(ok.deadlineMonth).toBeUndefined();
  });

  it("refuses a slug that another organisation uses, on the slug field", async () => {
    const input = orgInput(w.orgs.districtA.id, w.orgs.streetB.slug);
    await expect(createOrg(w.actors.districtAdmin, input, t.db)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { slug: "该网址标识已被其他机构使用" },
    });
  });

  it("edits an organisation and records which fields changed", async () => {
    const org = await createOrg(w.actors.districtAdmin, orgInput(w.orgs.districtA.id), t.db);
    const input = updateOrgSchema.parse({
      ...orgInput(w.orgs.districtA.id, org.slug),
      orgId: org.id,
      name: "新名称街道办事处",
      contactPostcode: "545001",
      hasRuleMakingPower: true,
    });
    const updated = await updateOrg(w.actors.districtAdmin, input, t.db);
    expect(updated).toMatchObject({
      name: "新名称街道办事处",
      contactPostcode: "545001",
      hasRuleMakingPower: true,
    });
    const audit = await t.db.auditEvent.findFirst({ where: { action: "org.update", targetId: org.id } });
    expect(audit?.summary).toMatch(/全称、规章制定权、邮编/);
  });

  it("moves an organisation within the administrator's subtree, never into its own subtree", async () => {
    const zone = await createOrg(w.actors.districtAdmin, orgInput(w.orgs.districtA.id), t.db);
    const inner = await createOrg(w.actors.districtAdmin, orgInput(zone.id), t.db);
    await moveOrg(w.actors.districtAdmin, { orgId: inner.id, newParentId: w.orgs.streetA2.id }, t.db);
    expect((await t.db.organization.findUnique({ where: { id: inner.id } }))?.parentId).toBe(
      w.orgs.streetA2.id,
    );
    await expect(
      moveOrg(w.actors.rootAdmin, { orgId: zone.id, newParentId: zone.id }, t.db),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await moveOrg(w.actors.districtAdmin, { orgId: inner.id, newParentId: zone.id }, t.db);
    await expect(
      moveOrg(w.actors.rootAdmin, { orgId: zone.id, newParentId: inner.id }, t.db),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(/不能把机构移到它自身或其下级机构之下/),
    });
  });

  it("refuses a move out of the administrator's subtree, and a move of their own top organisation", async () => {
    const org = await createOrg(w.actors.districtAdmin, orgInput(w.orgs.districtA.id), t.db);
    await expect(
      moveOrg(w.actors.districtAdmin, { orgId: org.id, newParentId: w.orgs.districtB.id }, t.db),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      moveOrg(w.actors.districtAdmin, { orgId: w.orgs.districtA.id, newParentId: w.orgs.districtA.id }, t.db),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const moved = await moveOrg(
      w.actors.rootAdmin,
      { orgId: org.id, newParentId: w.orgs.districtB.id },
      t.db,
    );
    expect(moved.parentId).toBe(w.orgs.districtB.id);
    expect(await t.db.auditEvent.count({ where: { action: "org.move", targetId: org.id } })).toBe(1);
  });

  it("sets and removes a per-year deadline override", async () => {
    const input = { orgId: w.orgs.streetA.id, year: 2025, deadline: "2026-02-15" };
    await setOrgDeadline(w.actors.districtAdmin, input, t.db);
    await setOrgDeadline(w.actors.districtAdmin, { ...input, deadline: "2026-02-20" }, t.db);
    const saved = await t.db.orgDeadline.findMany({ where: { orgId: w.orgs.streetA.id } });
    expect(saved.map((d) => d.deadline.toISOString().slice(0, 10))).toEqual(["2026-02-20"]);
    await removeOrgDeadline(w.actors.districtAdmin, { orgId: w.orgs.streetA.id, year: 2025 }, t.db);
    expect(await t.db.orgDeadline.count({ where: { orgId: w.orgs.streetA.id } })).toBe(0);
    await expect(
      removeOrgDeadline(w.actors.districtAdmin, { orgId: w.orgs.streetA.id, year: 2025 }, t.db),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("shows an administrator only their subtree, in tree order, and offers only administrable parents", async () => {
    const tree = await listOrgTree(w.actors.districtAdmin, t.db);
    expect(tree[0]).toMatchObject({ id: w.orgs.districtA.id, depth: 0 });
    const ids = tree.map((o) => o.id);
    expect(ids).toEqual(expect.arrayContaining([w.orgs.streetA.id, w.orgs.streetA2.id]));
    expect(ids).not.toContain(w.orgs.city.id);
    expect(ids).not.toContain(w.orgs.streetB.id);
    const options = await listOrgOptions(w.actors.otherAdmin, "org.create", t.db);
    expect(options.map((o) => o.id)).not.toContain(w.orgs.streetA.id);
    expect(await listOrgTree(w.actors.editor, t.db)).toEqual([]);
  });

  it("offers move targets outside the organisation's own subtree only", async () => {
    const { canMove, moveTargets } = await getOrgForAdmin(w.actors.rootAdmin, w.orgs.districtA.id, t.db);
    expect(canMove).toBe(true);
    const targetIds = moveTargets.map((o) => o.id);
    expect(targetIds).toContain(w.orgs.districtB.id);
    expect(targetIds).not.toContain(w.orgs.streetA.id);
    expect(targetIds).not.toContain(w.orgs.districtA.id);
    expect((await getOrgForAdmin(w.actors.districtAdmin, w.orgs.districtA.id, t.db)).canMove).toBe(false);
  });
});
