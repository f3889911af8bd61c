import { describe, expect, it } from "vitest";
import {
  countByStatus,
  currentReportYear,
  publicationDeadline,
  publicationStatus,
} from "./publication-calendar";

const at = (iso: string) => new Date(iso);

describe("publicationDeadline", () => {
  it("takes the per-year override first, then the body's month/day, then the statutory default", () => {
    expect(
      publicationDeadline({ kind: "SUBDISTRICT", deadlineMonth: 1, deadlineDay: 31 }, 2025, "2026-01-20"),
    ).toBe("2026-01-20");
    expect(publicationDeadline({ kind: "SUBDISTRICT", deadlineMonth: 2, deadlineDay: 5 }, 2025)).toBe(
      "2026-02-05",
    );
    expect(publicationDeadline({ kind: "DISTRICT" }, 2025)).toBe("2026-03-31");
  });
});

describe("publicationStatus", () => {
  const deadline = "2025-01-31";
  it.each([
    [
      "published on the last day (China time)",
      at("2025-01-31T23:59:00+08:00"),
      at("2025-06-01T00:00:00Z"),
      "published",
      null,
    ],
    [
      "published a day late",
      at("2025-02-01T00:00:00+08:00"),
      at("2025-06-01T00:00:00Z"),
      "publishedLate",
      null,
    ],
    ["not published, ten days before", null, at("2025-01-21T12:00:00+08:00"), "pending", 11],
    ["not published, the deadline passed", null, at("2025-02-03T09:00:00+08:00"), "overdue", 3],
  ] as const)("%s", (_why, publishedAt, now, status, days) => {
    expect(publicationStatus(deadline, publishedAt, now)).toEqual({ status, deadline, days });
  });
});

describe("currentReportYear", () => {
  it("is the previous year in China's calendar, also around New Year in UTC", () => {
    expect(currentReportYear(at("2026-11-26T00:00:00Z"))).toBe(2025);
    expect(currentReportYear(at("2025-12-31T17:00:00Z"))).toBe(2025);
  });
});

describe("countByStatus", () => {
  it("counts each status", () => {
    expect(countByStatus([{ status: "published" }, { status: "overdue" }, { status: "overdue" }])).toEqual({
      published: 1,
      publishedLate: 0,
      pending: 0,
      overdue: 2,
    });
  });
});
