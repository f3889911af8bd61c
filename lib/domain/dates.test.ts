import { describe, expect, it } from "vitest";
import { formatDateTimeZh, formatDateZh, toIsoDateInChina } from "./dates";

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
