// Issue 10, finding 10: the audit log is append-only in the database — UPDATE, DELETE and TRUNCATE of
// "AuditEvent" are refused by a trigger whatever the client, while inserting, and deleting the rows audit
// entries talk about (users, organisations, memberships), keep working.
import { describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/server/audit/audit";
import { createOrg, createUser } from "../setup/factories";
import { setupTestDb } from "../setup/test-db";

const t = setupTestDb();

describe("the audit log in the database", () => {
  it("accepts new rows and refuses UPDATE, DELETE and TRUNCATE, leaving every row as written", async () => {
    const org = await createOrg(t.db, { name: "审计测试街道" });
    for (let i = 0; i < 3; i++) {
      await recordAudit(t.db, { action: "test.event", orgId: org.id, summary: `第${i}条`, ip: "127.0.0.1" });
    }
    const before = await t.db.auditEvent.findMany({ orderBy: { id: "asc" } });
    expect(before.length).toBeGreaterThanOrEqual(3);

    const refused = /append-only/;
    await expect(
      t.db.auditEvent.updateMany({ where: { orgId: org.id }, data: { summary: "改过" } }),
    ).rejects.toThrow(refused);
    await expect(t.db.auditEvent.deleteMany({ where: { orgId: org.id } })).rejects.toThrow(refused);
    await expect(t.db.auditEvent.delete({ where: { id: before[0]!.id } })).rejects.toThrow(refused);
    await expect(t.db.$executeRawUnsafe("UPDATE \"AuditEvent\" SET ip = '10.0.0.1'")).rejects.toThrow(
      refused,
    );
    await expect(t.db.$executeRawUnsafe('DELETE FROM "AuditEvent"')).rejects.toThrow(refused);
    await expect(t.db.$executeRawUnsafe('TRUNCATE "AuditEvent"')).rejects.toThrow(refused);

    expect(await t.db.auditEvent.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });

  it("deleting the users, memberships and organisations rows refer to leaves the audit rows in place", async () => {
    const org = await createOrg(t.db, { name: "将被删除的街道" });
    const user = await createUser(t.db, { roles: [{ orgId: org.id, role: "EDITOR" }] });
    await recordAudit(t.db, {
      actorId: user.id,
      actorName: user.username,
      action: "test.keep",
      orgId: org.id,
      summary: "保留",
    });
    const count = await t.db.auditEvent.count();
    await t.db.session.deleteMany({ where: { userId: user.id } });
    await t.db.membership.deleteMany({ where: { userId: user.id } });
    await t.db.user.delete({ where: { id: user.id } });
    await t.db.organization.delete({ where: { id: org.id } });
    expect(await t.db.auditEvent.count()).toBe(count);
    expect(await t.db.auditEvent.count({ where: { action: "test.keep", actorId: user.id } })).toBe(1);
  });
});
