// Issue 10, finding 1: concurrent requests must get the answers PostgreSQL gives — on the embedded database too.
// N simultaneous saves of one draft (all from the version they loaded) may only succeed or be told CONFLICT;
// N simultaneous approvals of one submission (all from the version the reviewer's screen showed) may only succeed
// once and be told CONFLICT otherwise. Never a false
// NOT_FOUND or UNAUTHENTICATED, never a 500.
import { beforeAll, expect, test } from "vitest";
import { DEMO, describeEachDb, signIn, sharedApp, type App } from "./harness";
import {
  createReport,
  creatableOrgs,
  latestDraft,
  outcome,
  saveDraft,
  submittedReport,
  transition,
} from "./world";

const N = 10;
const ROUNDS = 3;

const tally = (xs: string[]) =>
  Object.fromEntries([...new Set(xs)].sort().map((x) => [x, xs.filter((y) => y === x).length]));

describeEachDb("concurrent requests", (dbKind) => {
  let app: App;
  let editor: string;
  let reviewer: string;
  let orgId: string;

  beforeAll(async () => {
    app = await sharedApp(dbKind);
    editor = await signIn(app.url, DEMO.editor);
    reviewer = await signIn(app.url, DEMO.reviewer);
    [[orgId]] = (await creatableOrgs(app.url, editor)) as [[string, string]];
  });

  test(`${N} concurrent saves of one draft, ${ROUNDS} rounds: each OK or CONFLICT, exactly one OK per round`, async () => {
    const reportId = await createReport(app.url, editor, { orgId, year: 2011, source: "template" });
    const all: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const draft = await latestDraft(app.url, editor, reportId);
      const results = await Promise.all(
        Array.from({ length: N }, (_, i) =>
          saveDraft(app.url, editor, reportId, draft, `并发保存 第${round}轮 第${i}个`),
        ),
      );
      const outcomes = results.map(outcome);
      all.push(...outcomes);
      expect(tally(outcomes), `round ${round}`).toEqual({ CONFLICT: N - 1, OK: 1 });
      expect((await latestDraft(app.url, editor, reportId)).version).toBe(draft.version + 1);
    }
    console.log(`[${dbKind}] saves:`, tally(all));
  });

  test(`${N} concurrent approvals of one submission: one OK, the rest CONFLICT`, async () => {
    const { reportId, version } = await submittedReport(app.url, editor, orgId, 2013);
    const results = await Promise.all(
      Array.from({ length: N }, () =>
        transition(app.url, reviewer, { action: "approve", reportId, expectedVersion: version }),
      ),
    );
    const outcomes = results.map(outcome);
    console.log(`[${dbKind}] approvals:`, tally(outcomes));
    // The winner moved the report to its next version: a duplicate that raced it fails the conditional update, one
    // that arrives after it commits fails the version check — both CONFLICT, never FORBIDDEN, NOT_FOUND or 500.
    expect(tally(outcomes)).toEqual({ CONFLICT: N - 1, OK: 1 });
  });

  test(`${N * 3} concurrent mixed reads and writes from three users never answer NOT_FOUND, UNAUTHENTICATED or 500`, async () => {
    const reportId = await createReport(app.url, editor, { orgId, year: 2012, source: "template" });
    const draft = await latestDraft(app.url, editor, reportId);
    const jobs = Array.from({ length: N * 3 }, (_, i) => {
      if (i % 3 === 0) return saveDraft(app.url, editor, reportId, draft, `混合 ${i}`).then(outcome);
      if (i % 3 === 1)
        return latestDraft(app.url, reviewer, reportId).then(
          (d) => (d.version >= 1 ? "OK" : "?"),
          (e: Error) => e.message,
        );
      return latestDraft(app.url, editor, reportId).then(
        () => "OK",
        (e: Error) => e.message,
      );
    });
    const outcomes = await Promise.all(jobs);
    console.log(`[${dbKind}] mixed:`, tally(outcomes));
    expect(
      outcomes.every((o) => o === "OK" || o === "CONFLICT"),
      outcomes.join(" | "),
    ).toBe(true);
  });
});
