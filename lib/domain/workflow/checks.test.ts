import { describe, expect, it } from "vitest";
import { deadlineEnd } from "../calendar/deadline";
import type { Role } from "../orgs/permissions";
import { decideTransition, type TransitionInput, type WorkflowAction, type WorkflowReport } from "./workflow";

const DEADLINE = deadlineEnd("2026-01-31");
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const NOW = new Date(DEADLINE.getTime() - DAY);
const CLEAN = { errorCount: 0, unexplainedWarnings: 0, emptySections: 0 };
const before = (ms: number) => new Date(DEADLINE.getTime() - ms);

const REPORT: WorkflowReport = {
  status: "PENDING",
  reviewStep: 0,
  chain: ["REVIEW", "SIGN", "SUPERVISOR"],
  submittedById: "ed",
  lastEditedById: "ed",
  hasEditions: false,
  reviewActionsSinceSubmit: 0,
};

function run(
  action: WorkflowAction,
  actorUserId: string,
  actorRoles: readonly Role[],
  report: Partial<WorkflowReport>,
  input: Partial<TransitionInput> = {},
) {
  return decideTransition({
    report: { ...REPORT, ...report },
    action,
    actorUserId,
    actorRoles,
    input: { now: NOW, deadline: DEADLINE, ...input },
  });
}
const outcome = (d: ReturnType<typeof run>) => (d.ok ? "ok" : `${d.code} ${d.message}`);

describe("four-eyes: nobody approves, signs or publishes a report they submitted or last edited", () => {
  const ALL_INPUTS = { remark: "意见", reason: "理由", gate: CLEAN, publishAt: DEADLINE };
  const SCHEDULED = { status: "APPROVED", scheduledPublishAt: DEADLINE } as const;
  // prettier-ignore
  it.each([
    ["a reviewer who last edited it approves", "approve", ["EDITOR", "REVIEWER"], { lastEditedById: "x" }, "FOUR_EYES"],
    ["a reviewer who submitted it approves", "approve", ["EDITOR", "REVIEWER"], { submittedById: "x" }, "FOUR_EYES"],
    ["a signer who submitted it signs", "approve", ["EDITOR", "SIGNER"], { reviewStep: 1, submittedById: "x" }, "FOUR_EYES"],
    ["a supervisor who last edited it passes 报审", "approve", ["SUPERVISOR"], { reviewStep: 2, lastEditedById: "x" }, "FOUR_EYES"],
    ["a signer who submitted it publishes", "publish", ["EDITOR", "SIGNER"], { status: "APPROVED", submittedById: "x" }, "FOUR_EYES"],
    ["a reviewer who last edited it schedules", "schedule", ["EDITOR", "REVIEWER"], { status: "APPROVED", lastEditedById: "x" }, "FOUR_EYES"],
    ["an administrator who last edited it force-publishes", "forcePublish", ["ADMIN"], { lastEditedById: "x" }, "FOUR_EYES"],
    ["a reviewer returns a report they submitted", "return", ["EDITOR", "REVIEWER"], { submittedById: "x" }, "ok"],
    ["a signer cancels the schedule of a report they submitted", "cancelSchedule", ["EDITOR", "SIGNER"], { ...SCHEDULED, submittedById: "x" }, "ok"],
    ["a second reviewer approves another's report", "approve", ["REVIEWER"], { submittedById: "y", lastEditedById: "y" }, "ok"],
  ] as const)("%s → %s", (_name, action, roles, report, expected) => {
    const decision = run(action, "x", roles, report, ALL_INPUTS);
    expect(decision.ok ? "ok" : decision.code).toBe(expected);
  });

  it("explains the refusal in Chinese, naming the step", () => {
    const decision = run("approve", "x", ["SIGNER"], { reviewStep: 1, submittedById: "x" });
    expect(outcome(decision)).toBe("FOUR_EYES 提交或最后修改该年报的人不能签发（四眼原则）");
  });
});

describe("four-eyes with people holding several roles (issue 10 item 6)", () => {
  const ALL_INPUTS = { remark: "意见", reason: "理由", gate: CLEAN, publishAt: DEADLINE };
  // x wrote content; y made a trivial save and submitted.
  const WROTE = { submittedById: "y", lastEditedById: "y", contentAuthorIds: ["x", "y"] };
  // prettier-ignore
  it.each([
    ["an editor-reviewer who wrote content passes review", "approve", ["EDITOR", "REVIEWER", "SIGNER"], WROTE, "FOUR_EYES"],
    ["an editor-signer who wrote content signs", "approve", ["EDITOR", "REVIEWER", "SIGNER"], { ...WROTE, reviewStep: 1 }, "FOUR_EYES"],
    ["an editor-publisher who wrote content publishes", "publish", ["EDITOR", "SIGNER"], { ...WROTE, status: "APPROVED" }, "FOUR_EYES"],
    ["an author schedules", "schedule", ["EDITOR", "SIGNER"], { ...WROTE, status: "APPROVED" }, "FOUR_EYES"],
    ["an author force-publishes", "forcePublish", ["ADMIN"], WROTE, "FOUR_EYES"],
    ["a reviewer-signer signs what they reviewed", "approve", ["REVIEWER", "SIGNER"], { reviewStep: 1, approverIds: ["x"] }, "FOUR_EYES"],
    ["a signer-supervisor passes 报审 after signing", "approve", ["SIGNER", "SUPERVISOR"], { reviewStep: 2, approverIds: ["r", "x"] }, "FOUR_EYES"],
    ["a different signer signs after x reviewed", "approve", ["SIGNER"], { reviewStep: 1, approverIds: ["r"] }, "ok"],
    ["an author returns the report with remarks", "return", ["EDITOR", "REVIEWER"], WROTE, "ok"],
  ] as const)("%s → %s", (_name, action, roles, report, expected) => {
    const decision = run(action, "x", roles, report, ALL_INPUTS);
    expect(decision.ok ? "ok" : decision.code).toBe(expected);
  });

  it("lets a reviewer who wrote nothing approve", () => {
    expect(run("approve", "z", ["REVIEWER"], WROTE, ALL_INPUTS).ok).toBe(true);
  });

  it("explains each refusal in Chinese", () => {
    expect(outcome(run("approve", "x", ["REVIEWER"], WROTE, ALL_INPUTS))).toBe(
      "FOUR_EYES 参与撰写该年报内容的人不能审核通过（四眼原则）",
    );
    expect(outcome(run("approve", "x", ["SIGNER"], { reviewStep: 1, approverIds: ["x"] }, ALL_INPUTS))).toBe(
      "FOUR_EYES 您已审批过本次提交的前一步骤，签发须由另一人完成（四眼原则）",
    );
  });
});

describe("the submit gate", () => {
  const submit = (gate?: TransitionInput["gate"]) =>
    outcome(run("submit", "ed", ["EDITOR"], { status: "DRAFT" }, { gate }));
  // prettier-ignore
  it.each([
    [undefined, "INVALID_INPUT 缺少校验结果，请重新校验后再试"],
    [CLEAN, "ok"],
    [{ ...CLEAN, errorCount: 1 }, "GATE 尚不能提交：有 1 个错误未修正"],
    [{ ...CLEAN, unexplainedWarnings: 2 }, "GATE 尚不能提交：有 2 个警告未说明"],
    [{ ...CLEAN, emptySections: 3 }, "GATE 尚不能提交：有 3 个部分未填写"],
    [{ errorCount: 1, unexplainedWarnings: 2, emptySections: 3 }, "GATE 尚不能提交：有 1 个错误未修正；有 2 个警告未说明；有 3 个部分未填写"],
  ])("gate %j → %s", (gate, expected) => expect(submit(gate)).toBe(expected));

  // prettier-ignore
  it.each([
    [{ ...CLEAN, unexplainedWarnings: 2 }, "ok"],
    [{ ...CLEAN, errorCount: 1 }, "GATE 尚不能发布：有 1 个错误未修正"],
    [{ ...CLEAN, emptySections: 1 }, "GATE 尚不能发布：有 1 个部分未填写"],
    [undefined, "INVALID_INPUT 缺少校验结果，请重新校验后再试"],
  ])("force-publishing tolerates unexplained warnings only: %j → %s", (gate, expected) => {
    expect(outcome(run("forcePublish", "sv", ["SUPERVISOR"], {}, { reason: "期限将至", gate }))).toBe(expected);
  });
});

describe("required texts", () => {
  const APPROVED = { status: "APPROVED" } as const;
  const CORRECTION = { status: "APPROVED", hasEditions: true } as const;
  // prettier-ignore
  it.each([
    ["return without a remark", "return", ["REVIEWER"], {}, {}, "INVALID_INPUT 退回须填写修改意见"],
    ["return with a blank remark", "return", ["REVIEWER"], {}, { remark: "  " }, "INVALID_INPUT 退回须填写修改意见"],
    ["publish a correction without 更正说明", "publish", ["SIGNER"], CORRECTION, {}, "INVALID_INPUT 发布更正须填写更正说明"],
    ["schedule a correction without 更正说明", "schedule", ["SIGNER"], CORRECTION, { publishAt: DEADLINE }, "INVALID_INPUT 发布更正须填写更正说明"],
    ["publish a first edition without 更正说明", "publish", ["SIGNER"], APPROVED, {}, "ok"],
    ["schedule without a time", "schedule", ["SIGNER"], APPROVED, {}, "INVALID_INPUT 定时发布时间须晚于当前时间"],
    ["schedule in the past", "schedule", ["SIGNER"], APPROVED, { publishAt: new Date(NOW.getTime() - 1) }, "INVALID_INPUT 定时发布时间须晚于当前时间"],
    ["force-publish without a reason", "forcePublish", ["SUPERVISOR"], {}, { gate: CLEAN }, "INVALID_INPUT 强制发布须填写理由"],
    ["withdraw a publication without an explanation", "withdrawPublication", ["SIGNER"], { status: "PUBLISHED" }, { reason: " " }, "INVALID_INPUT 撤销发布须填写向公众的说明"],
  ] as const)("%s → %s", (_name, action, roles, report, input, expected) => {
    expect(outcome(run(action, "other", roles, report, input))).toBe(expected);
  });

  // prettier-ignore
  it.each([
    ["return", ["REVIEWER"], {}, { remark: " 表三合计不符 " }, [{ type: "addRemark", body: "表三合计不符" }]],
    ["approve", ["REVIEWER"], {}, { remark: "  " }, []],
    ["publish", ["SIGNER"], APPROVED, { changeNote: "忽略" }, [{ type: "createEdition", changeNote: null, isUnreviewed: false, reason: null }]],
    ["publish", ["SIGNER"], CORRECTION, { changeNote: " 更正表三 " }, [{ type: "createEdition", changeNote: "更正表三", isUnreviewed: false, reason: null }]],
    ["schedule", ["SIGNER"], CORRECTION, { changeNote: "更正", publishAt: DEADLINE }, [{ type: "schedulePublication", at: DEADLINE, changeNote: "更正" }]],
    ["forcePublish", ["ADMIN"], { status: "DRAFT" }, { reason: " 期限将至 ", gate: CLEAN }, [{ type: "createEdition", changeNote: null, isUnreviewed: true, reason: "期限将至" }]],
    ["withdrawPublication", ["SUPERVISOR"], { status: "PUBLISHED" }, { reason: "数据有误" }, [{ type: "withdrawEdition", note: "数据有误" }]],
  ] as const)("%s carries the trimmed texts into its effects (%#)", (action, roles, report, input, effects) => {
    const decision = run(action, "other", roles, report, input);
    expect(decision.ok && decision.effects).toEqual(effects);
  });
});

describe("撤回 only by the submitter, before the first review action", () => {
  // prettier-ignore
  it.each([
    ["right after submitting", "ed", {}, "ok"],
    ["after a reviewer's remark", "ed", { reviewActionsSinceSubmit: 1 }, "INVALID_STATE 审核已经开始，不能撤回"],
    ["after the review step passed", "ed", { reviewStep: 1 }, "INVALID_STATE 审核已经开始，不能撤回"],
    ["by another 填报员", "ed2", {}, "FORBIDDEN 只有提交人本人可以撤回"],
    ["once returned", "ed", { status: "RETURNED" }, "INVALID_STATE 只有待审核的年报可以撤回"],
  ] as const)("%s → %s", (_name, actorUserId, report, expected) => {
    expect(outcome(run("withdraw", actorUserId, ["EDITOR"], report))).toBe(expected);
  });
});

describe("force-publishing opens near the deadline", () => {
  const force = (now: Date, forcePublishWindowDays?: number) =>
    outcome(
      run(
        "forcePublish",
        "sv",
        ["SUPERVISOR"],
        {},
        { now, forcePublishWindowDays, reason: "期限将至", gate: CLEAN },
      ),
    );
  // prettier-ignore
  it.each([
    ["five days before", before(5 * DAY), undefined, "INVALID_STATE 距公开期限还有 5 天，期限前 3 天内方可强制发布"],
    ["just over three days before", before(3 * DAY + 1), undefined, "INVALID_STATE 距公开期限还有 4 天，期限前 3 天内方可强制发布"],
    ["exactly three days before", before(3 * DAY), undefined, "ok"],
    ["in the last hour", before(HOUR), undefined, "ok"],
    ["after the deadline", before(-10 * DAY), undefined, "ok"],
    ["five days before with a seven-day window", before(5 * DAY), 7, "ok"],
    ["an hour before with no window", before(HOUR), 0, "INVALID_STATE 距公开期限还有 1 天，期限前 0 天内方可强制发布"],
  ])("%s → %s", (_name, now, windowDays, expected) => expect(force(now, windowDays)).toBe(expected));

  // prettier-ignore
  it.each([
    ["a correction draft", { status: "DRAFT", hasEditions: true }, "INVALID_STATE 更正稿不能强制发布，须经审批"],
    ["a withdrawn report", { status: "WITHDRAWN", hasEditions: true }, "INVALID_STATE 已撤销的年报须开启更正并重新审批"],
    ["a published report", { status: "PUBLISHED", hasEditions: true }, "INVALID_STATE 年报已发布"],
  ] as const)("is refused for %s", (_name, report, expected) => {
    expect(outcome(run("forcePublish", "sv", ["SUPERVISOR"], report, { reason: "r", gate: CLEAN }))).toBe(expected);
  });
});
