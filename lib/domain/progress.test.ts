import { describe, expect, it } from "vitest";
import { progressFraction, progressLine } from "./progress";

describe("progress in counted steps", () => {
  it.each([
    [{ step: 1, total: 4, label: "读取文件", within: 0 }, 0, "第1/4步：读取文件（0%）"],
    [{ step: 1, total: 4, label: "读取文件", within: 0.5 }, 0.125, "第1/4步：读取文件（50%）"],
    [{ step: 3, total: 4, label: "解析文档", within: null }, 0.5, "第3/4步：解析文档"],
    [{ step: 4, total: 4, label: "检查", within: 1 }, 1, "第4/4步：检查（100%）"],
  ])("%o is %d of the whole and reads %s", (p, fraction, line) => {
    expect(progressFraction(p)).toBeCloseTo(fraction);
    expect(progressLine(p)).toBe(line);
  });

  it("never leaves 0…1, even for a step counted past the end", () => {
    expect(progressFraction({ step: 9, total: 4, label: "", within: 1 })).toBe(1);
    expect(progressFraction({ step: 0, total: 4, label: "", within: null })).toBe(0);
  });
});
