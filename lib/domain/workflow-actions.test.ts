import { describe, expect, it } from "vitest";
import { deadlineEnd } from "./calendar/deadline";
import type { Role } from "./orgs/permissions";
import { REPORT_STATUSES } from "./workflow/report-status";
import {
  actionLabel,
  availableActions,
  decideTransition,
  isContentEditable,
  type WorkflowReport,
} from "./workflow/workflow";

const DEADLINE = deadlineEnd("2026-01-31");
const DAY = 24 * 60 * 60 * 1000;
const NEAR = new Date(DEADLINE.getTime() - DAY);
const FAR = new Date(DEADLINE.getTime() - 30 * DAY);

const REPORT: WorkflowReport = {
  status: "PENDING",
  reviewStep: 0,
  chain: ["REVIEW", "SIGN", "SUPERVISOR"],
  submittedById: "ed",
  lastEditedById: "ed",
  hasEditions: false,
  reviewActionsSinceSubmit: 0,
};

const approve = (report: Partial<WorkflowReport>, roles: readonly Role[]) => {
  const d = decideTransition({
    report: { ...REPORT, ...report },
    action: "approve",
    actorUserId: "other",
    actorRoles: roles,
    input: { now: NEAR, deadline: DEADLINE },
  });
  return d.ok ? `${d.next.status}@${d.next.reviewStep}` : `${d.code} ${d.message}`;
};

describe("approval chains of one to three steps", () => {
  // prettier-ignore
  it.each([
    [["REVIEW"], 0, ["REVIEWER"], "APPROVED@0"],
    [["REVIEW", "SIGN"], 0, ["REVIEWER"], "PENDING@1"],
    [["REVIEW", "SIGN"], 1, ["SIGNER"], "APPROVED@0"],
    [["REVIEW", "SUPERVISOR"], 0, ["REVIEWER"], "PENDING@1"],
    [["REVIEW", "SUPERVISOR"], 1, ["SUPERVISOR"], "APPROVED@0"],
    [["REVIEW", "SUPERVISOR"], 1, ["SIGNER"], "FORBIDDEN 您没有报审通过的权限（当前步骤：报审）"],
    [["REVIEW", "SIGN", "SUPERVISOR"], 1, ["REVIEWER"], "FORBIDDEN 您没有签发的权限（当前步骤：签发）"],
    [["REVIEW", "SIGN", "SUPERVISOR"], 3, ["SUPERVISOR"], "INVALID_STATE 审核步骤无效"],
  ] as const)("%j at step %i by %j → %s", (chain, reviewStep, roles, expected) => {
    expect(approve({ chain, reviewStep }, roles)).toBe(expected);
  });

  it.each([
    [[]],
    [["SIGN"]],
    [["REVIEW", "REVIEW"]],
    [["REVIEW", "SUPERVISOR", "SIGN"]],
    [["REVIEW", "APPROVE"]],
  ])("an invalid stored chain %j blocks the workflow", (chain) =>
    expect(approve({ chain }, ["REVIEWER"])).toBe("INVALID_STATE 本机构的审批流程配置无效，请联系管理员"),
  );
});

describe("availableActions offers what the actor may do now", () => {
  const SCHEDULED = { status: "APPROVED", scheduledPublishAt: DEADLINE } as const;
  // prettier-ignore
  it.each([
    ["the 填报员 of a draft", "ed", ["EDITOR"], { status: "DRAFT" }, NEAR, ["submit"]],
    ["the submitter of a fresh submission", "ed", ["EDITOR"], {}, NEAR, ["withdraw"]],
    ["the 审核人 of a fresh submission", "rv", ["REVIEWER"], {}, NEAR, ["approve", "return"]],
    ["the 政务公开办 at the 报审 step near the deadline", "sv", ["SUPERVISOR"], { reviewStep: 2 }, NEAR, ["approve", "return", "forcePublish"]],
    ["the 政务公开办 at the 报审 step a month ahead", "sv", ["SUPERVISOR"], { reviewStep: 2 }, FAR, ["approve", "return"]],
    ["the 签发人 of a scheduled report", "sg", ["SIGNER"], SCHEDULED, FAR, ["publish", "schedule", "cancelSchedule"]],
    ["a 签发人 who submitted the scheduled report", "ed", ["EDITOR", "SIGNER"], SCHEDULED, FAR, ["cancelSchedule"]],
    ["the 签发人 of a published report", "sg", ["SIGNER"], { status: "PUBLISHED", hasEditions: true }, FAR, ["withdrawPublication"]],
    ["the 政务公开办 of a published report", "sv", ["SUPERVISOR"], { status: "PUBLISHED", hasEditions: true }, FAR, ["reopen", "withdrawPublication"]],
    ["someone without roles", "x", [], {}, NEAR, []],
    ["anyone when the chain is misconfigured", "rv", ["REVIEWER"], { chain: ["SIGN"] }, NEAR, []],
  ] as const)("%s: %j", (_name, actorUserId, actorRoles, report, now, expected) => {
    const request = { report: { ...REPORT, ...report }, actorUserId, actorRoles, input: { now, deadline: DEADLINE } };
    expect(availableActions(request)).toEqual(expected);
  });
});

describe("labels and editability", () => {
  it.each([
    ["approve", "REVIEW", "审核通过"],
    ["approve", "SIGN", "签发"],
    ["approve", "SUPERVISOR", "报审通过"],
    ["approve", undefined, "审批通过"],
    ["return", "SIGN", "退回修改"],
    ["withdraw", undefined, "撤回"],
    ["reopen", undefined, "开启更正"],
    ["withdrawPublication", undefined, "撤销发布"],
  ] as const)("actionLabel(%s, %s) is %s", (action, step, label) =>
    expect(actionLabel(action, step)).toBe(label),
  );

  const EDITABLE = {
    DRAFT: true,
    PENDING: false,
    RETURNED: true,
    APPROVED: false,
    PUBLISHED: false,
    WITHDRAWN: false,
  };
  it.each(REPORT_STATUSES)("content editable in %s: as listed", (status) => {
    expect(isContentEditable(status)).toBe(EDITABLE[status]);
  });
});
