import { describe, expect, it } from "vitest";
import { announcement, findingKey } from "./finding-announcement";
import type { Finding } from "./findings";

const f = (message: string, severity: Finding["severity"] = "error"): Finding => ({
  ruleId: "T3-BALANCE",
  severity,
  message,
  cells: [{ table: "t3", row: "newReceived", col: "natural" }],
});

describe("announcement", () => {
  it("names new findings with their severity, and counts the solved ones", () => {
    const before = new Set([findingKey(f("甲"))]);
    expect(announcement(before, [f("乙", "warning")])).toBe("新发现1个问题：警告，乙。已解决1个问题");
  });

  it("says nothing when the findings are the same", () => {
    expect(announcement(new Set([findingKey(f("甲"))]), [f("甲")])).toBe("");
  });

  it("reads out at most two new findings", () => {
    expect(announcement(new Set(), [f("甲"), f("乙"), f("丙")])).toBe("新发现3个问题：错误，甲；错误，乙等");
  });
});
