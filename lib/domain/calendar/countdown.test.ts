import { describe, expect, it } from "vitest";
import { deadlineCountdown, reportingYear } from "./countdown";

describe("the deadline countdown of My reports", () => {
  it.each<[string, string, boolean, string, string]>([
    ["2026-01-31", "2026-01-10T09:00:00+08:00", false, "还剩22天（2026年1月31日截止）", "ok"],
    ["2026-01-31", "2026-01-25T09:00:00+08:00", false, "还剩7天（2026年1月31日截止）", "soon"],
    ["2026-01-31", "2026-01-31T09:00:00+08:00", false, "今天截止（2026年1月31日）", "soon"],
    ["2026-01-31", "2026-02-01T09:00:00+08:00", false, "已逾期1天（2026年1月31日截止）", "overdue"],
    ["2026-01-31", "2026-02-03T09:00:00+08:00", false, "已逾期3天（2026年1月31日截止）", "overdue"],
    ["2026-01-31", "2026-02-03T09:00:00+08:00", true, "已发布（期限2026年1月31日）", "done"],
  ])("deadline %s at %s (published %s): %s", (deadline, now, published, text, tone) => {
    expect(deadlineCountdown(deadline, new Date(now), published)).toEqual({ text, tone });
  });

  it("takes the reporting year from China's calendar", () => {
    expect(reportingYear(new Date("2025-12-31T17:00:00Z"))).toBe(2025);
    expect(reportingYear(new Date("2025-12-31T15:00:00Z"))).toBe(2024);
  });
});
