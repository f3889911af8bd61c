import { describe, expect, it } from "vitest";
import { formatDateTimeZh, formatDateZh, nextMidnightInChina, toIsoDateInChina } from "./dates";

describe("Chinese dates", () => {
  it("writes an ISO date the Chinese way without leading zeros", () => {
    expect(formatDateZh("2025-01-15")).toBe("2025年1月15日");
  });
  it("uses the calendar date in China for an instant late in the UTC day", () => {
    const instant = new Date("2025-01-14T18:30:00Z"); // 02:30 on the 15th in Beijing
    expect(toIsoDateInChina(instant)).toBe("2025-01-15");
    expect(formatDateTimeZh(instant)).toBe("2025年1月15日 02:30");
  });
});

describe("nextMidnightInChina", () => {
  it("is 00:00 in Beijing (16:00 UTC) of the next Chinese calendar day, whatever the server's zone", () => {
    expect(nextMidnightInChina(new Date("2026-01-31T10:00:00Z")).toISOString()).toBe(
      "2026-01-31T16:00:00.000Z",
    );
    // 2026-01-31 23:59:59 in Beijing → the next day's midnight, a second later
    expect(nextMidnightInChina(new Date("2026-01-31T15:59:59Z")).toISOString()).toBe(
      "2026-01-31T16:00:00.000Z",
    );
    // exactly midnight in Beijing: the following one
    expect(nextMidnightInChina(new Date("2026-01-31T16:00:00Z")).toISOString()).toBe(
      "2026-02-01T16:00:00.000Z",
    );
    expect(toIsoDateInChina(nextMidnightInChina(new Date("2026-12-31T20:00:00Z")))).toBe("2027-01-02");
  });
});
