import { describe, expect, it } from "vitest";
import { REQUIRED_TEXT } from "./checks";
import { transitionFormSchema, transitionInputSchema } from "./input";

const issuesOf = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => result.error?.issues.map((i) => [i.path.join("."), i.message]) ?? [];

describe("transitionInputSchema", () => {
  it("reads a datetime-local value as China time, whatever the machine's zone", () => {
    const parsed = transitionInputSchema.parse({
      action: "schedule",
      reportId: "r1",
      expectedVersion: "3",
      publishAt: "2026-01-21T09:00",
    });
    expect(parsed.action === "schedule" && parsed.publishAt.toISOString()).toBe("2026-01-21T01:00:00.000Z");
    expect(parsed.expectedVersion).toBe(3);
  });

  it("refuses a schedule without a time, or with a malformed one, on its field", () => {
    for (const publishAt of ["", "明天", undefined]) {
      const bad = transitionInputSchema.safeParse({
        action: "schedule",
        reportId: "r1",
        expectedVersion: 1,
        publishAt,
      });
      expect(issuesOf(bad)).toEqual([["publishAt", "请选择发布日期和时间"]]);
    }
  });

  it("requires the texts of return, force-publish and withdrawal, blank after trimming counting as missing", () => {
    const cases = [
      ["return", "remark", REQUIRED_TEXT.returnRemark],
      ["forcePublish", "reason", REQUIRED_TEXT.forcePublishReason],
      ["withdrawPublication", "reason", REQUIRED_TEXT.withdrawalNotice],
    ] as const;
    for (const [action, field, message] of cases) {
      const bad = transitionInputSchema.safeParse({
        action,
        reportId: "r1",
        expectedVersion: 1,
        [field]: "  ",
      });
      expect(issuesOf(bad)).toEqual([[field, message]]);
    }
  });

  it("accepts only the workflow's actions", () => {
    expect(
      transitionInputSchema.safeParse({ action: "delete", reportId: "r1", expectedVersion: 1 }).success,
    ).toBe(false);
  });
});

describe("transitionFormSchema", () => {
  it("requires the 更正说明 only when publishing a correction", () => {
    const input = { action: "publish", reportId: "r1", expectedVersion: "2", changeNote: "" };
    expect(transitionFormSchema("publish", false).safeParse(input).success).toBe(true);
    expect(issuesOf(transitionFormSchema("publish", true).safeParse(input))).toEqual([
      ["changeNote", REQUIRED_TEXT.correctionNote],
    ]);
  });
});

describe("expectedVersion", () => {
  it("is optional, for the author's own moves", () => {
    expect(
      transitionInputSchema.parse({ action: "submit", reportId: "r1", expectedVersion: "" }).expectedVersion,
    ).toBeUndefined();
    expect(transitionInputSchema.parse({ action: "submit", reportId: "r1" }).expectedVersion).toBeUndefined();
  });
});
