import { describe, expect, it } from "vitest";
import { deadlineEnd } from "../calendar/deadline";
import type { Role } from "../orgs/permissions";
import { WORKFLOW_ACTIONS, decideTransition, type WorkflowAction, type WorkflowReport } from "./workflow";

const BASE: WorkflowReport = {
  status: "DRAFT",
  reviewStep: 0,
  chain: ["REVIEW", "SIGN", "SUPERVISOR"],
  submittedById: "ed",
  lastEditedById: "ed",
  hasEditions: false,
  reviewActionsSinceSubmit: 0,
  scheduledPublishAt: null,
};
const DEADLINE = deadlineEnd("2026-01-31");
const NOW = new Date("2026-01-30T02:00:00Z"); // inside the 3-day force-publish window

const STATES: Record<string, WorkflowReport> = {
  草稿: { ...BASE, submittedById: null },
  更正草稿: { ...BASE, hasEditions: true },
  "待审核·审核·未动": { ...BASE, status: "PENDING" },
  "待审核·审核·已有意见": { ...BASE, status: "PENDING", reviewActionsSinceSubmit: 1 },
  "待审核·签发": { ...BASE, status: "PENDING", reviewStep: 1, reviewActionsSinceSubmit: 1 },
  "待审核·报审": { ...BASE, status: "PENDING", reviewStep: 2, reviewActionsSinceSubmit: 2 },
  退回修改: { ...BASE, status: "RETURNED" },
  已批准: { ...BASE, status: "APPROVED" },
  "已批准·定时": { ...BASE, status: "APPROVED", scheduledPublishAt: new Date("2026-01-31T01:00:00Z") },
  "已批准·更正": { ...BASE, status: "APPROVED", hasEditions: true },
  已发布: { ...BASE, status: "PUBLISHED", hasEditions: true },
  已撤销: { ...BASE, status: "WITHDRAWN", hasEditions: true },
};

// "ed" submitted and last edited every report; "ed2" is another 填报员 of the same body.
const ACTORS: [string, Role[]][] = [
  ["ed", ["EDITOR"]],
  ["ed2", ["EDITOR"]],
  ["rv", ["REVIEWER"]],
  ["sg", ["SIGNER"]],
  ["sv", ["SUPERVISOR"]],
  ["ad", ["ADMIN"]],
  ["none", []],
];

// One letter per actor, in the order ed ed2 rv sg sv ad none.
// o = ok, F = FORBIDDEN, S = INVALID_STATE, 4 = FOUR_EYES, I = INVALID_INPUT, G = GATE.
const ALL_S = "SSSSSSS";
const OUTCOMES: Record<string, Record<WorkflowAction, string>> = {
  // prettier-ignore
  草稿: { submit: "ooFFFFF", withdraw: ALL_S, approve: ALL_S, return: ALL_S, publish: ALL_S, schedule: ALL_S, cancelSchedule: ALL_S, forcePublish: "FFFFooF", reopen: ALL_S, withdrawPublication: ALL_S },
  // prettier-ignore
  更正草稿: { submit: "ooFFFFF", withdraw: ALL_S, approve: ALL_S, return: ALL_S, publish: ALL_S, schedule: ALL_S, cancelSchedule: ALL_S, forcePublish: ALL_S, reopen: ALL_S, withdrawPublication: ALL_S },
  // prettier-ignore
  "待审核·审核·未动": { submit: ALL_S, withdraw: "oFFFFFF", approve: "FFoFFFF", return: "FFoFoFF", publish: ALL_S, schedule: ALL_S, cancelSchedule: ALL_S, forcePublish: "FFFFooF", reopen: ALL_S, withdrawPublication: ALL_S },
  // prettier-ignore
  "待审核·审核·已有意见": { submit: ALL_S, withdraw: ALL_S, approve: "FFoFFFF", return: "FFoFoFF", publish: ALL_S, schedule: ALL_S, cancelSchedule: ALL_S, forcePublish: "FFFFooF", reopen: ALL_S, withdrawPublication: ALL_S },
  // prettier-ignore
  "待审核·签发": { submit: ALL_S, withdraw: ALL_S, approve: "FFFoFFF", return: "FFFooFF", publish: ALL_S, schedule: ALL_S, cancelSchedule: ALL_S, forcePublish: "FFFFooF", reopen: ALL_S, withdrawPublication: ALL_S },
  // prettier-ignore
  "待审核·报审": { submit: ALL_S, withdraw: ALL_S, approve: "FFFFoFF", return: "FFFFoFF", publish: ALL_S, schedule: ALL_S, cancelSchedule: ALL_S, forcePublish: "FFFFooF", reopen: ALL_S, withdrawPublication: ALL_S },
  // prettier-ignore
  退回修改: { submit: "ooFFFFF", withdraw: ALL_S, approve: ALL_S, return: ALL_S, publish: ALL_S, schedule: ALL_S, cancelSchedule: ALL_S, forcePublish: "FFFFooF", reopen: ALL_S, withdrawPublication: ALL_S },
  // prettier-ignore
  已批准: { submit: ALL_S, withdraw: ALL_S, approve: ALL_S, return: "FFFFoFF", publish: "FFoooFF", schedule: "FFoooFF", cancelSchedule: ALL_S, forcePublish: "FFFFooF", reopen: ALL_S, withdrawPublication: ALL_S },
  // prettier-ignore
  "已批准·定时": { submit: ALL_S, withdraw: ALL_S, approve: ALL_S, return: "FFFFoFF", publish: "FFoooFF", schedule: "FFoooFF", cancelSchedule: "FFoooFF", forcePublish: "FFFFooF", reopen: ALL_S, withdrawPublication: ALL_S },
  // prettier-ignore
  "已批准·更正": { submit: ALL_S, withdraw: ALL_S, approve: ALL_S, return: "FFFFoFF", publish: "FFoooFF", schedule: "FFoooFF", cancelSchedule: ALL_S, forcePublish: ALL_S, reopen: ALL_S, withdrawPublication: ALL_S },
  // prettier-ignore
  已发布: { submit: ALL_S, withdraw: ALL_S, approve: ALL_S, return: ALL_S, publish: ALL_S, schedule: ALL_S, cancelSchedule: ALL_S, forcePublish: ALL_S, reopen: "ooFFoFF", withdrawPublication: "FFFooFF" },
  // prettier-ignore
  已撤销: { submit: ALL_S, withdraw: ALL_S, approve: ALL_S, return: ALL_S, publish: ALL_S, schedule: ALL_S, cancelSchedule: ALL_S, forcePublish: ALL_S, reopen: "ooFFoFF", withdrawPublication: ALL_S },
};

// Where each allowed transition leads ("STATUS@reviewStep") and the effects it asks for, whoever performs it.
const RESULTS: Record<string, Partial<Record<WorkflowAction, string>>> = {
  草稿: { submit: "PENDING@0 recordSubmission", forcePublish: "PUBLISHED@0 createEdition" },
  更正草稿: { submit: "PENDING@0 recordSubmission" },
  "待审核·审核·未动": {
    withdraw: "DRAFT@0",
    approve: "PENDING@1 addRemark",
    return: "RETURNED@0 addRemark",
    forcePublish: "PUBLISHED@0 createEdition",
  },
  "待审核·审核·已有意见": {
    approve: "PENDING@1 addRemark",
    return: "RETURNED@0 addRemark",
    forcePublish: "PUBLISHED@0 createEdition",
  },
  "待审核·签发": {
    approve: "PENDING@2 addRemark",
    return: "RETURNED@0 addRemark",
    forcePublish: "PUBLISHED@0 createEdition",
  },
  "待审核·报审": {
    approve: "APPROVED@0 addRemark",
    return: "RETURNED@0 addRemark",
    forcePublish: "PUBLISHED@0 createEdition",
  },
  退回修改: { submit: "PENDING@0 recordSubmission", forcePublish: "PUBLISHED@0 createEdition" },
  已批准: {
    return: "RETURNED@0 addRemark",
    publish: "PUBLISHED@0 createEdition",
    schedule: "APPROVED@0 schedulePublication",
    forcePublish: "PUBLISHED@0 createEdition",
  },
  "已批准·定时": {
    return: "RETURNED@0 addRemark,clearSchedule",
    publish: "PUBLISHED@0 createEdition,clearSchedule",
    schedule: "APPROVED@0 schedulePublication",
    cancelSchedule: "APPROVED@0 clearSchedule",
    forcePublish: "PUBLISHED@0 createEdition,clearSchedule",
  },
  "已批准·更正": {
    return: "RETURNED@0 addRemark",
    publish: "PUBLISHED@0 createEdition",
    schedule: "APPROVED@0 schedulePublication",
  },
  已发布: { reopen: "DRAFT@0", withdrawPublication: "WITHDRAWN@0 withdrawEdition" },
  已撤销: { reopen: "DRAFT@0" },
};

const CODE_LETTERS = {
  FORBIDDEN: "F",
  INVALID_STATE: "S",
  FOUR_EYES: "4",
  INVALID_INPUT: "I",
  GATE: "G",
} as const;

const VALID_INPUT = {
  remark: "请核对表三第一项",
  changeNote: "更正表三“本年新收政府信息公开申请数量”",
  reason: "期限将至，审核人休假",
  gate: { errorCount: 0, unexplainedWarnings: 0, emptySections: 0 },
  publishAt: new Date("2026-01-31T01:00:00Z"),
  now: NOW,
  deadline: DEADLINE,
};

describe("workflow matrix: state × action × actor, with every required input supplied", () => {
  const cases = Object.entries(STATES).flatMap(([state, report]) =>
    WORKFLOW_ACTIONS.flatMap((action) =>
      ACTORS.map(([actorUserId, actorRoles], i) => ({
        state,
        report,
        action,
        actorUserId,
        actorRoles,
        expected: OUTCOMES[state]![action][i],
      })),
    ),
  );

  it("covers every state, action and actor exactly once", () => {
    expect(cases).toHaveLength(Object.keys(STATES).length * WORKFLOW_ACTIONS.length * ACTORS.length);
    expect(Object.keys(OUTCOMES)).toEqual(Object.keys(STATES));
    for (const row of Object.values(OUTCOMES)) {
      expect(Object.keys(row)).toEqual([...WORKFLOW_ACTIONS]);
      for (const letters of Object.values(row)) expect(letters).toMatch(/^[oFS4IG]{7}$/);
    }
  });

  it.each(cases)("$state: $action by $actorUserId → $expected", (c) => {
    const decision = decideTransition({ ...c, input: VALID_INPUT });
    expect(decision.ok ? "o" : CODE_LETTERS[decision.code]).toBe(c.expected);
    if (!decision.ok) return;
    const { status, reviewStep } = decision.next;
    const effects = decision.effects.map((e) => e.type).join(",");
    expect(`${status}@${reviewStep}${effects ? ` ${effects}` : ""}`).toBe(RESULTS[c.state]![c.action]);
  });

  it("lists a result for exactly the transitions someone may perform", () => {
    for (const [state, row] of Object.entries(OUTCOMES)) {
      const allowed = WORKFLOW_ACTIONS.filter((action) => row[action].includes("o"));
      expect(Object.keys(RESULTS[state]!).sort()).toEqual([...allowed].sort());
    }
  });
});
