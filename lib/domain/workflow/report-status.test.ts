import { describe, expect, it } from "vitest";
import { deadlineEnd } from "../calendar/deadline";
import {
  BOARD_STATUS_LABELS,
  REPORT_STATUS_LABELS,
  boardStatus,
  parseApprovalChain,
  pendingStep,
  reportStatusLabel,
  statusLabel,
  type ReportStatus,
} from "./report-status";

describe("status labels", () => {
  it("names every status in Chinese", () => {
    expect(REPORT_STATUS_LABELS).toEqual({
      DRAFT: "草稿",
      PENDING: "待审核",
      RETURNED: "退回修改",
      APPROVED: "已批准",
      PUBLISHED: "已发布",
      WITHDRAWN: "已撤销",
    });
    expect(Object.values(BOARD_STATUS_LABELS)).toEqual([
      "未开始",
      "填报中",
      "待审核",
      "退回修改",
      "已批准",
      "已发布",
      "逾期",
    ]);
  });
  it.each([
    ["PENDING", "SIGN", "待审核（签发）"],
    ["PENDING", "SUPERVISOR", "待审核（报审）"],
    ["PENDING", undefined, "待审核"],
    ["APPROVED", "SIGN", "已批准"],
  ] as const)("statusLabel(%s, %s) is %s", (status, step, label) =>
    expect(statusLabel(status, step)).toBe(label),
  );
});

describe("a report's label where it stands on its chain", () => {
  const chain = ["REVIEW", "SIGN", "SUPERVISOR"];
  it.each([
    [{ status: "PENDING", chain, reviewStep: 0 }, "REVIEW", "待审核（审核）"],
    [{ status: "PENDING", chain, reviewStep: 1 }, "SIGN", "待审核（签发）"],
    [{ status: "PENDING", chain: ["REVIEW"], reviewStep: 1 }, undefined, "待审核"],
    [{ status: "PENDING", chain: ["SIGN"], reviewStep: 0 }, undefined, "待审核"],
    [{ status: "RETURNED", chain, reviewStep: 1 }, undefined, "退回修改"],
    [{ status: "APPROVED", chain, reviewStep: 2 }, undefined, "已批准"],
  ] as const)("%o waits at %s and reads %s", (position, step, label) => {
    expect(pendingStep(position)).toBe(step);
    expect(reportStatusLabel(position)).toBe(label);
  });
});

describe("parseApprovalChain", () => {
  it.each([
    [["REVIEW"], ["REVIEW"]],
    [
      ["REVIEW", "SIGN"],
      ["REVIEW", "SIGN"],
    ],
    [
      ["REVIEW", "SUPERVISOR"],
      ["REVIEW", "SUPERVISOR"],
    ],
    [
      ["REVIEW", "SIGN", "SUPERVISOR"],
      ["REVIEW", "SIGN", "SUPERVISOR"],
    ],
    [[], null],
    [["SIGN"], null],
    [["SIGN", "REVIEW"], null],
    [["REVIEW", "SIGN", "SIGN"], null],
    [["REVIEW", "SUPERVISOR", "SIGN"], null],
    [["REVIEW", "审核"], null],
  ])("%j → %j", (raw, parsed) => expect(parseApprovalChain(raw)).toEqual(parsed));
});

describe("boardStatus", () => {
  const DEADLINE = deadlineEnd("2026-01-31");
  const BEFORE = new Date(DEADLINE.getTime() - 1);
  const after = DEADLINE;
  const report = (status: ReportStatus, hasEditions = false) => ({ status, hasEditions });
  // prettier-ignore
  it.each([
    ["no report yet", null, BEFORE, "未开始"],
    ["no report at the deadline", null, after, "逾期"],
    ["a draft", report("DRAFT"), BEFORE, "填报中"],
    ["a draft at the deadline", report("DRAFT"), after, "逾期"],
    ["a pending report", report("PENDING"), BEFORE, "待审核"],
    ["a pending report at the deadline", report("PENDING"), after, "逾期"],
    ["a returned report", report("RETURNED"), BEFORE, "退回修改"],
    ["an approved report", report("APPROVED"), BEFORE, "已批准"],
    ["an approved report at the deadline", report("APPROVED"), after, "逾期"],
    ["a published report", report("PUBLISHED", true), BEFORE, "已发布"],
    ["a published report after the deadline", report("PUBLISHED", true), after, "已发布"],
    ["a correction in progress", report("PENDING", true), after, "已发布"],
    ["a withdrawn publication", report("WITHDRAWN", true), BEFORE, "填报中"],
    ["a withdrawn publication at the deadline", report("WITHDRAWN", true), after, "逾期"],
  ] as const)("%s → %s", (_name, r, now, label) => {
    expect(BOARD_STATUS_LABELS[boardStatus(r, DEADLINE, now)]).toBe(label);
  });
});
