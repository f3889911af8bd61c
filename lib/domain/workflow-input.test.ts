import { describe, expect, it } from "vitest";
import { transitionInputSchema } from "./workflow-input";

describe("transitionInputSchema", () => {
  it("reads a datetime-local value as China time, whatever the machine's zone", () => {
    const parsed = transitionInputSchema.parse({
      action: "schedule",
      reportId: "r1",
      expectedVersion: "3",
      publishAt: "2026-01-21T09:00",
    });
    expect(parsed.publishAt?.toISOString()).toBe("2026-01-21T01:00:00.000Z");
    expect(parsed.expectedVersion).toBe(3);
  });

  it("treats an empty time as absent and refuses a malformed one on its field", () => {
    expect(
      transitionInputSchema.parse({ action: "publish", reportId: "r1", expectedVersion: 1, publishAt: "" })
        .publishAt,
    ).toBeUndefined();
    const bad = transitionInputSchema.safeParse({
      action: "schedule",
      reportId: "r1",
      expectedVersion: 1,
      publishAt: "明天",
    });
    expect(bad.success ? [] : bad.error.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["publishAt", "请选择发布日期和时间"],
    ]);
  });

  it("accepts only the workflow's actions", () => {
    expect(
      transitionInputSchema.safeParse({ action: "delete", reportId: "r1", expectedVersion: 1 }).success,
    ).toBe(false);
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
