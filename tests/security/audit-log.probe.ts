// Issue 10, finding 10: the audit log cannot be rewritten, not even by a client holding the database's own
// credentials: after real requests (sign-ins, a failed sign-in) wrote audit rows, UPDATE, DELETE and TRUNCATE
// straight on the running app's database are refused and every row is still there.
import pg from "pg";
import { beforeAll, expect, test } from "vitest";
import { DEMO, describeEachDb, signIn, sharedApp, trySignIn, type App } from "./harness";

describeEachDb("the audit log is append-only", (dbKind) => {
  let app: App;
  beforeAll(async () => {
    app = await sharedApp(dbKind);
  });

  test("UPDATE, DELETE and TRUNCATE on the audit table are refused; the rows stay as written", async () => {
    await signIn(app.url, DEMO.admin);
    await trySignIn(app.url, DEMO.editor, "wrong password");
    const client = new pg.Client({ connectionString: app.databaseUrl });
    await client.connect();
    try {
      const read = async () =>
        (await client.query('SELECT id, action, summary, ip, "actorId" FROM "AuditEvent" ORDER BY id')).rows;
      const before = await read();
      expect(before.length).toBeGreaterThanOrEqual(2);
      for (const sql of [
        `UPDATE "AuditEvent" SET summary = '篡改', ip = '10.0.0.1'`,
        `DELETE FROM "AuditEvent" WHERE action LIKE 'auth.%'`,
        `TRUNCATE "AuditEvent"`,
      ]) {
        await expect(client.query(sql), sql).rejects.toThrow(/append-only/);
      }
      expect(await read()).toEqual(before);
    } finally {
      await client.end();
    }
  });
});
