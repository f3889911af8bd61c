import { beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/server/audit/audit";
import { signIn } from "@/lib/server/auth/sign-in";
import {
  auditCsvLines,
  auditFilterSchema,
  csvCell,
  listAuditEvents,
  type AuditFilter,
} from "@/lib/server/audit/log";
import { createOrg } from "@/lib/server/orgs/writes";
import { createUser } from "@/lib/server/users/writes";
import { createUserSchema } from "@/lib/domain/forms/user";
import { setupTestDb } from "../setup/test-db";
import { buildWorld, orgInput, type World } from "./admin-world";

const t = setupTestDb();
let w: World;
beforeAll(async () => {
  w = await buildWorld(t.db);
  await createOrg(w.actors.districtAdmin, { ...orgInput(w.orgs.districtA.id), name: "甲区新建机构" }, t.db);
  await createOrg(w.actors.otherAdmin, { ...orgInput(w.orgs.districtB.id), name: "乙区新建机构" }, t.db);
  await signIn({ login: "no-such-account", password: "guess", ip: "10.66.0.1" }, t.db);
});

const filter = (f: Partial<AuditFilter> = {}): AuditFilter => auditFilterSchema.parse(f);
const summaries = async (actor: keyof World["actors"], f: Partial<AuditFilter> = {}) =>
  (await listAuditEvents(w.actors[actor], filter(f), t.db)).rows.map(
    (r) => `${r.action} ${r.actorName} ${r.summary}`,
  );

describe("the audit log's scope", () => {
  it("shows a subtree administrator their organisations' events and their own accounts' sign-ins only", async () => {
    const seen = await summaries("otherAdmin");
    expect(seen.some((s) => s.includes("乙区新建机构"))).toBe(true);
    expect(seen.some((s) => s.startsWith(`auth.signIn ${w.users.otherEditor.username}`))).toBe(true);
    expect(seen.some((s) => s.includes("甲区新建机构"))).toBe(false);
    expect(seen.some((s) => s.startsWith(`auth.signIn ${w.users.editor.username} `))).toBe(false);
    expect(seen.some((s) => s.includes("no-such-account"))).toBe(false);
  });

  it("shows the whole tree's administrator everything, including failed sign-ins of unknown names", async () => {
    const seen = await summaries("rootAdmin");
    expect(seen).toEqual(
      expect.arrayContaining([expect.stringMatching(/^auth\.signIn\.failed no-such-account/)]),
    );
    expect(seen.some((s) => s.includes("甲区新建机构")) && seen.some((s) => s.includes("乙区新建机构"))).toBe(
      true,
    );
  });

  it("is NOT_FOUND for anyone who is not an administrator, and for an organisation outside the subtree", async () => {
    for (const name of ["editor", "reviewer", "signer", "supervisor"] as const) {
      await expect(listAuditEvents(w.actors[name], filter(), t.db)).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      await expect(auditCsvLines(w.actors[name], filter(), t.db)).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    }
    await expect(
      listAuditEvents(w.actors.otherAdmin, filter({ org: w.orgs.streetA.id }), t.db),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("the audit log's filters and pages", () => {
  it("filters by organisation subtree, actor and action", async () => {
    const inA = await summaries("rootAdmin", { org: w.orgs.districtA.id });
    expect(inA.some((s) => s.includes("甲区新建机构"))).toBe(true);
    expect(inA.some((s) => s.includes("乙区新建机构"))).toBe(false);
    const byActor = await summaries("rootAdmin", { actor: w.users.otherAdmin.username.toUpperCase() });
    expect(byActor.length).toBeGreaterThan(0);
    expect(byActor.every((s) => s.includes(w.users.otherAdmin.username))).toBe(true);
    expect(
      (await summaries("rootAdmin", { action: "org.create" })).every((s) => s.startsWith("org.create")),
    ).toBe(true);
  });

  it("filters by calendar days in China time and shows times like 2025年1月15日 14:05", async () => {
    const at = new Date("2025-01-15T14:05:00+08:00");
    await t.db.auditEvent.create({
      data: { action: "test.dated", summary: "午后", at, orgId: w.orgs.streetA.id },
    });
    await t.db.auditEvent.create({
      data: {
        action: "test.dated",
        summary: "次日凌晨",
        at: new Date("2025-01-16T00:30:00+08:00"),
        orgId: w.orgs.streetA.id,
      },
    });
    const { rows } = await listAuditEvents(
      w.actors.districtAdmin,
      filter({ action: "test.dated", from: "2025-01-15", to: "2025-01-15" }),
      t.db,
    );
    expect(rows.map((r) => [r.summary, r.atLabel])).toEqual([["午后", "2025年1月15日 14:05"]]);
  });

  it("pages by 50 with keyset cursors both ways", async () => {
    for (let i = 0; i < 120; i++) {
      await recordAudit(t.db, { action: "test.bulk", orgId: w.orgs.streetA2.id, summary: `第${i}条` });
    }
    const base = { action: "test.bulk" };
    const first = await listAuditEvents(w.actors.districtAdmin, filter(base), t.db);
    expect(first.rows).toHaveLength(50);
    expect(first.rows[0]?.summary).toBe("第119条");
    expect(first.newerCursor).toBeNull();
    const second = await listAuditEvents(
      w.actors.districtAdmin,
      filter({ ...base, before: first.olderCursor! }),
      t.db,
    );
    expect(second.rows[0]?.summary).toBe("第69条");
    const third = await listAuditEvents(
      w.actors.districtAdmin,
      filter({ ...base, before: second.olderCursor! }),
      t.db,
    );
    expect(third.rows).toHaveLength(20);
    expect(third.olderCursor).toBeNull();
    const back = await listAuditEvents(
      w.actors.districtAdmin,
      filter({ ...base, after: second.newerCursor! }),
      t.db,
    );
    expect(back.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
    expect(back.newerCursor).toBeNull();
  });

  it("names the account or organisation an event is about", async () => {
    const input = createUserSchema.parse({
      username: "audited-one",
      displayName: "甲",
      orgId: w.orgs.streetA.id,
      role: "EDITOR",
      password: "a long secret 1",
    });
    await createUser(w.actors.districtAdmin, input, t.db);
    const { rows } = await listAuditEvents(w.actors.districtAdmin, filter({ action: "user.create" }), t.db);
    expect(rows[0]).toMatchObject({
      targetLabel: "audited-one",
      orgName: w.orgs.streetA.shortName,
      actorName: w.users.districtAdmin.username,
    });
    const orgRows = await listAuditEvents(w.actors.rootAdmin, filter({ action: "org.create" }), t.db);
    expect(orgRows.rows.length).toBeGreaterThan(0);
    expect(orgRows.rows.every((r) => r.targetLabel === r.orgName && r.targetLabel !== "")).toBe(true);
  });

  it("ignores malformed search parameters instead of failing", () => {
    expect(auditFilterSchema.parse({ from: "2025-13-01", before: "abc", actor: "" })).toEqual({});
  });
});

describe("the CSV export", () => {
  it("exports the filtered log with a BOM and a header, and defuses spreadsheet formulas", async () => {
    await recordAudit(t.db, { action: "test.csv", orgId: w.orgs.streetA.id, summary: '=HYPERLINK("x"),1' });
    const lines: string[] = [];
    for await (const line of await auditCsvLines(
      w.actors.districtAdmin,
      filter({ action: "test.csv" }),
      t.db,
    ))
      lines.push(line);
    expect(lines[0]).toBe("\uFEFF时间,操作人,操作,机构,对象,对象类型,对象编号,摘要,IP\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=HYPERLINK(""x""),1"`);
    expect(csvCell("-1")).toBe("-1"); // a number is not a formula
    expect(csvCell("-1+A1")).toBe("'-1+A1");
  });
});
