// The Atom feeds: valid Atom, and each publication, correction and withdrawal appears in the site-wide feed and in
// the body's own feed as soon as it commits (the route reads the database per request).
import { beforeAll, describe, expect, it } from "vitest";
import { checkAtomFeed, parseXml, type XmlElement } from "@/lib/domain/open-data/atom-check";
import { filledReport } from "@/tests/builders/report-builders";
import type { Actor } from "@/lib/server/auth/actor";
import { embedFragmentOf } from "@/lib/server/public/embed";
import { atomFeedOf } from "@/lib/server/public/feed";
import * as workflow from "@/lib/server/workflow/workflow";
import { setupTestDb } from "../setup/test-db";
import { buildWorkflowWorld, createReport, editReport, type WorkflowWorld } from "./workflow-world";

const t = setupTestDb();
let w: WorkflowWorld;
let slug: string;
beforeAll(async () => {
  w = await buildWorkflowWorld(t.db);
  slug = w.orgs.gangcheng.slug;
});

const ORIGIN = "https://nianbao.example.gov.cn";
type Command = workflow.TransitionCommand;
const act = (fn: (a: Actor, c: Command, db?: never) => Promise<unknown>) => (a: Actor, c: Command) =>
  fn(a, c, t.db as never);

async function entriesOf(orgSlug: string | null): Promise<XmlElement[]> {
  const xml = (await atomFeedOf(ORIGIN, orgSlug, t.db))!;
  expect(checkAtomFeed(xml)).toEqual([]);
  return parseXml(xml).children.filter((c) => c.name === "entry");
}
const field = (entry: XmlElement, name: string) => entry.children.find((c) => c.name === name);

async function approve(reportId: string) {
  await act(workflow.submitReport)(w.actors.editor, { reportId });
  await act(workflow.approveReport)(w.actors.reviewer, { reportId });
  await act(workflow.approveReport)(w.actors.signer, { reportId });
}

describe("the Atom feeds", () => {
  it("are empty, yet valid Atom, before anything is published; an unknown body has none", async () => {
    expect(await entriesOf(null)).toEqual([]);
    expect(await entriesOf(slug)).toEqual([]);
    expect(await atomFeedOf(ORIGIN, "no-such-body", t.db)).toBeNull();
  });

  it("gain an entry on publication, a correction with its note, and a withdrawal with its notice", async () => {
    const report = await createReport(t.db, { orgId: w.orgs.gangcheng.id, editorId: w.actors.editor.userId });
    await approve(report.id);
    await act(workflow.publishReport)(w.actors.signer, { reportId: report.id });

    const [published] = await entriesOf(slug);
    expect(field(published!, "id")?.text).toBe(`tag:nianbao,2026:reports/${slug}/2025/editions/1`);
    expect(field(published!, "link")?.attrs.href).toBe(`${ORIGIN}/reports/${slug}/2025/editions/1`);
    expect((await entriesOf(null)).map((e) => field(e, "id")?.text)).toContain(field(published!, "id")?.text);

    await act(workflow.reopenReport)(w.actors.editor, { reportId: report.id });
    await editReport(
      t.db,
      report.id,
      w.actors.editor.userId,
      filledReport({ year: 2025, meta: { title: "更正后的标题" } }),
    );
    await approve(report.id);
    await act(workflow.publishReport)(w.actors.signer, {
      reportId: report.id,
      changeNote: "更正标题中的错字",
    });
    const [correction] = await entriesOf(slug);
    expect(field(correction!, "category")?.attrs.term).toBe("correction");
    expect(field(correction!, "summary")?.text).toContain("更正说明：更正标题中的错字");

    await act(workflow.withdrawPublication)(w.actors.signer, {
      reportId: report.id,
      reason: "数据有误，撤销发布",
    });
    const entries = await entriesOf(slug);
    expect(entries.map((e) => field(e, "category")?.attrs.term)).toEqual([
      "withdrawal",
      "correction",
      "publication",
    ]);
    expect(field(entries[0]!, "summary")?.text).toContain("数据有误，撤销发布");

    const fragment = await embedFragmentOf(ORIGIN, slug, false, t.db);
    expect(fragment).toContain(`${ORIGIN}/reports/${slug}/2025`);
    expect(fragment).toContain("（已撤销发布：数据有误，撤销发布）");
    expect(await embedFragmentOf(ORIGIN, "no-such-body", false, t.db)).toBeNull();
  });
});
