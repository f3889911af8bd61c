import { describe, expect, it } from "vitest";
import { boardQuerySchema, countByStatus, filterBoardRows, sortBoardRows, type BoardRow } from "./board";

const row = (orgName: string, extra: Partial<BoardRow>): BoardRow => ({
  orgId: orgName,
  orgName,
  reportId: null,
  status: "NOT_STARTED",
  detail: "",
  lastActivityAt: null,
  errorCount: 0,
  warningCount: 0,
  deadline: "2026-01-31",
  daysLeft: 10,
  ...extra,
});

const ROWS = [
  row("钢城街道", {
    status: "PENDING",
    errorCount: 0,
    warningCount: 2,
    daysLeft: 3,
    lastActivityAt: new Date("2026-01-20T00:00:00Z"),
  }),
  row("锦绣街道", {
    status: "DRAFTING",
    errorCount: 4,
    daysLeft: 3,
    lastActivityAt: new Date("2026-01-10T00:00:00Z"),
  }),
  row("白露街道", { status: "OVERDUE", daysLeft: -2 }),
];

describe("the deadline board's order and filters", () => {
  it.each([
    ["days", "asc", ["白露街道", "钢城街道", "锦绣街道"]],
    ["errors", "desc", ["锦绣街道", "白露街道", "钢城街道"]],
    ["warnings", "desc", ["钢城街道", "白露街道", "锦绣街道"]],
    ["activity", "desc", ["钢城街道", "锦绣街道", "白露街道"]],
    ["status", "asc", ["锦绣街道", "钢城街道", "白露街道"]],
  ] as const)("sorts by %s %s, ties by name", (sort, dir, expected) => {
    expect(sortBoardRows(ROWS, sort, dir).map((r) => r.orgName)).toEqual(expected);
  });

  it("filters by board status and by part of the name", () => {
    expect(filterBoardRows(ROWS, { status: "OVERDUE" }).map((r) => r.orgName)).toEqual(["白露街道"]);
    expect(filterBoardRows(ROWS, { q: "锦绣" }).map((r) => r.orgName)).toEqual(["锦绣街道"]);
    expect(filterBoardRows(ROWS, {})).toHaveLength(3);
  });

  it("counts every status, zero included", () => {
    expect(countByStatus(ROWS)).toEqual({
      NOT_STARTED: 0,
      DRAFTING: 1,
      PENDING: 1,
      RETURNED: 0,
      APPROVED: 0,
      PUBLISHED: 0,
      OVERDUE: 1,
    });
  });

  it("ignores malformed query values rather than failing", () => {
    expect(boardQuerySchema.parse({ year: "abc", status: "LATE", sort: "x", dir: "up", q: "" })).toEqual({
      org: undefined,
      year: undefined,
      status: undefined,
      q: undefined,
      sort: "days",
      dir: "asc",
    });
  });
});
