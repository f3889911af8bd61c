// Every server action of the editor, called through the lib/server function it delegates to, with ids of another
// body's report: refused with NOT_FOUND (no hint the report exists) and nothing written. Writes also need the
// 填报员 role on the report's own body; reading the latest version and presence need only a role there.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/server/auth/actor";
import { createReport } from "@/lib/server/reports/create";
import { getLatestDraft, saveDraftSchema, saveReportDraft } from "@/lib/server/reports/drafts";
import { leavePresence, touchPresence } from "@/lib/server/reports/presence";
import { parseReport } from "@/lib/domain/report-schema";
import { setupTestDb } from "../setup/test-db";
import { buildEditorWorld, type EditorWorld } from "./editor-world";

const t = setupTestDb();
let w: EditorWorld;
let reportId: string;

beforeAll(async () => {
  w = await buildEditorWorld(t.db);
  ({ id: reportId } = await createReport(
    w.actors.editor,
    { source: "template", orgId: w.orgs.gangcheng.id, year: 2025 },
    t.db,
  ));
});

async function saveAs(actor: Actor) {
  const row = await t.db.report.findUniqueOrThrow({ where: { id: reportId } });
  const content = parseReport(row.content);
  const forged = { ...content, meta: { ...content.meta, title: "被篡改的标题" } };
  return saveReportDraft(
    actor,
    saveDraftSchema.parse({ reportId, expectedVersion: row.version, content: forged, explanations: [] }),
    t.db,
  );
}

/** Each action's call, by the name of the action it backs. */
const CASES: Record<string, { write: boolean; call: (actor: Actor) => Promise<unknown> }> = {
  saveDraftAction: { write: true, call: saveAs },
  createReportAction: {
    write: true,
    call: (actor) =>
      createReport(actor, { source: "template", orgId: w.orgs.gangcheng.id, year: 2020 }, t.db),
  },
  latestDraftAction: { write: false, call: (actor) => getLatestDraft(actor, reportId, t.db) },
  presenceAction: { write: false, call: (actor) => touchPresence(actor, reportId, t.db) },
  leaveReportAction: { write: false, call: (actor) => leavePresence(actor, reportId, t.db) },
};

async function snapshot() {
  const [reports, audits, presence, report] = await Promise.all([
    t.db.report.count(),
    t.db.auditEvent.count(),
    t.db.reportPresence.count(),
    t.db.report.findUniqueOrThrow({ where: { id: reportId }, select: { version: true, content: true } }),
  ]);
  return { reports, audits, presence, report };
}

describe("the editor's server actions and forged ids", () => {
  for (const [name, { call, write }] of Object.entries(CASES)) {
    it(`${name}: NOT_FOUND for another body's 填报员 and another district's reviewer, nothing changed`, async () => {
      const before = await snapshot();
      for (const actor of [w.actors.jinxiuEditor, w.actors.outsider]) {
        await expect(call(actor)).rejects.toMatchObject({ code: "NOT_FOUND" });
      }
      expect(await snapshot()).toEqual(before);
    });

    if (write) {
      it(`${name}: FORBIDDEN for the body's own 审核人 and the district's 政务公开办`, async () => {
        const before = await snapshot();
        for (const actor of [w.actors.reviewer, w.actors.supervisor]) {
          await expect(call(actor)).rejects.toMatchObject({ code: "FORBIDDEN" });
        }
        expect(await snapshot()).toEqual(before);
      });
    }
  }
});

describe("who else has the report open", () => {
  it("shows the other people seen in the last minute, not oneself, and forgets whoever left", async () => {
    const now = new Date();
    await touchPresence(w.actors.reviewer, reportId, t.db, now);
    const seen = await touchPresence(w.actors.editor, reportId, t.db, now);
    expect(seen.map((p) => p.userId)).toEqual([w.actors.reviewer.userId]);
    expect(await touchPresence(w.actors.editor, reportId, t.db, new Date(now.getTime() + 61_000))).toEqual(
      [],
    );
    await leavePresence(w.actors.reviewer, reportId, t.db);
    expect(await t.db.reportPresence.count({ where: { reportId, userId: w.actors.reviewer.userId } })).toBe(
      0,
    );
  });
});
