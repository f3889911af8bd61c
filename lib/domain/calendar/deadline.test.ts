import { describe, expect, it } from "vitest";
import {
  daysUntil,
  deadlineEnd,
  defaultDeadline,
  defaultDeadlineMonthDay,
  isInForcePublishWindow,
} from "./deadline";
import { ORG_KINDS } from "../orgs/tree";

describe("defaultDeadline", () => {
  const EXPECTED = {
    CITY: "2026-03-31",
    DISTRICT: "2026-03-31",
    SUBDISTRICT: "2026-01-31",
    TOWNSHIP: "2026-01-31",
    DEPARTMENT: "2026-01-31",
    DEV_ZONE: "2026-01-31",
  };
  it.each(ORG_KINDS)("a %s's 2025 report is due as listed", (kind) => {
    expect(defaultDeadline(kind, 2025)).toBe(EXPECTED[kind]);
  });
  it("a per-year override wins; an absent one does not", () => {
    expect(defaultDeadline("SUBDISTRICT", 2025, "2026-01-20")).toBe("2026-01-20");
    expect(defaultDeadline("DISTRICT", 2025, null)).toBe("2026-03-31");
  });
  it("holds a body of unknown kind to 31 January", () => {
    expect(defaultDeadline(null, 2025)).toBe("2026-01-31");
  });
});

describe("defaultDeadlineMonthDay", () => {
  it("is the month and day of defaultDeadline for every kind (the organisation form's defaults)", () => {
    for (const kind of [...ORG_KINDS, null]) {
      const { month, day } = defaultDeadlineMonthDay(kind);
      expect(defaultDeadline(kind, 2024)).toBe(`2025-${String(month).padStart(2, "0")}-${day}`);
    }
    expect(defaultDeadlineMonthDay("DISTRICT")).toEqual({ month: 3, day: 31 });
    expect(defaultDeadlineMonthDay("SUBDISTRICT")).toEqual({ month: 1, day: 31 });
  });
});

describe("deadlineEnd is the end of the day in China Standard Time", () => {
  it.each([
    ["2026-01-31", "2026-01-31T16:00:00.000Z"],
    ["2024-02-29", "2024-02-29T16:00:00.000Z"],
    ["2025-12-31", "2025-12-31T16:00:00.000Z"],
  ])("%s → %s", (date, instant) => expect(deadlineEnd(date).toISOString()).toBe(instant));
});

describe("days left and the force-publish window", () => {
  const DEADLINE = deadlineEnd("2026-01-31");
  const DAY = 24 * 60 * 60 * 1000;
  const before = (ms: number) => new Date(DEADLINE.getTime() - ms);
  it.each([
    [before(3 * DAY), 3, true],
    [before(3 * DAY + 1), 4, false],
    [before(1), 1, true],
    [DEADLINE, 0, true],
    [before(-2 * DAY), -2, true],
  ])("at %s: %i days left, in window: %s", (now, days, inWindow) => {
    expect(daysUntil(DEADLINE, now)).toBe(days);
    expect(isInForcePublishWindow(DEADLINE, now)).toBe(inWindow);
  });
  it("takes the window length as a parameter", () => {
    expect(isInForcePublishWindow(DEADLINE, before(5 * DAY), 7)).toBe(true);
    expect(isInForcePublishWindow(DEADLINE, before(1), 0)).toBe(false);
  });
});
