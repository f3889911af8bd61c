import { describe, expect, it } from "vitest";
import { withPublicationDates } from "./publication-dates";
import { filledReport } from "@/tests/builders/report-builders";

describe("withPublicationDates", () => {
  it("dates the edition with the China date of its first publication and the 落款's date as 成文日期", () => {
    const report = filledReport({ year: 2025, meta: { signatureDate: "2026-01-20" } });
    const { meta } = withPublicationDates(report, new Date("2026-01-25T17:30:00Z"));
    expect(meta.writtenDate).toBe("2026-01-20");
    expect(meta.publishedDate).toBe("2026-01-26");
  });

  it("keeps the dates an imported document already holds", () => {
    const report = filledReport({ meta: { writtenDate: "2025-01-14", publishedDate: "2025-01-15" } });
    const { meta } = withPublicationDates(report, new Date("2026-03-01T00:00:00Z"));
    expect([meta.writtenDate, meta.publishedDate]).toEqual(["2025-01-14", "2025-01-15"]);
  });
});
