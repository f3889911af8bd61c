// Bad input gets a clear refusal, never a database error (issue 10 item 9): over-long login names are refused
// and audited, NUL and lone surrogates are dropped before any write, drafts larger than the body limit are
// refused by the schema.
import { describe, expect, it } from "vitest";
import { MAX_REPORT_JSON_BYTES } from "@/lib/domain/report-schema";
import { filledReport } from "@/tests/builders/report-builders";
import { cleanDeep } from "@/lib/domain/text-clean";
import { recordRejectedSignIn, signIn } from "@/lib/server/auth/sign-in";
import { saveDraftSchema, saveReportDraft } from "@/lib/server/reports/drafts";
import { createOrg, createUser } from "../setup/factories";
import { setupTestDb } from "../setup/test-db";
import { actorOf, createReport } from "./workflow-world";

const t = setupTestDb();

describe("bad input", () => {
  it("audits a refused over-long login name, truncated to the column", async () => {
    const login = `x${"y".repeat(80)}`;
    await recordRejectedSignIn({ login, ip: "10.90.0.1" }, t.db);
    const row = await t.db.auditEvent.findFirstOrThrow({ where: { ip: "10.90.0.1" } });
    expect(row).toMatchObject({ action: "auth.signIn.failed", actorName: login.slice(0, 60) });
    expect(row.summary).toContain("60");
  });

  it("does not fail a sign-in with a 200-character login name (throttle key and audit row fit)", async () => {
    const r = await signIn({ login: "z".repeat(200), password: "x", ip: "10.90.0.2" }, t.db);
    expect(r).toMatchObject({ ok: false, code: "INVALID" });
  });

  it("stores a draft whose text had NUL and lone surrogates, without them", async () => {
    const org = await createOrg(t.db, { name: "空字符街道" });
    const user = await createUser(t.db, {
      username: "nul-editor",
      roles: [{ orgId: org.id, role: "EDITOR" }],
    });
    const report = await createReport(t.db, { orgId: org.id, editorId: user.id, year: 2030 });
    const content = filledReport({ year: 2030 });
    content.meta.title = "年度\u0000报告\uD800";
    const input = saveDraftSchema.parse(
      cleanDeep({ reportId: report.id, expectedVersion: 1, content, explanations: [], autosave: false }),
    );
    await saveReportDraft(actorOf(user), input, t.db);
    const stored = await t.db.report.findUniqueOrThrow({ where: { id: report.id } });
    expect((stored.content as { meta: { title: string } }).meta.title).toBe("年度报告");
  });

  it("refuses a draft heavier than the body limit with a clear message", () => {
    const content = filledReport({ year: 2030 });
    const section = Object.keys(content.sections)[0] as keyof typeof content.sections;
    (content.sections[section] as { paragraphs: string[] }).paragraphs = Array.from({ length: 50 }, () =>
      "字".repeat(19_000),
    );
    const r = saveDraftSchema.safeParse({ reportId: "r", expectedVersion: 1, content, explanations: [] });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toContain("年报内容过大");
    expect(MAX_REPORT_JSON_BYTES).toBeLessThan(1024 * 1024);
  });
});
