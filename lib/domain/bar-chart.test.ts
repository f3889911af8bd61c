import { describe, expect, it } from "vitest";
import { layoutBarChart, niceScale } from "./bar-chart";

describe("niceScale", () => {
  it.each([
    [0, 4, 1],
    [3, 3, 1],
    [7, 8, 2],
    [29, 30, 10],
    [130, 150, 50],
    [1234, 1500, 500],
  ])("covers %i with integer ticks up to %i in steps of %i", (max, top, step) => {
    expect(niceScale(max)).toEqual({ top, step });
  });
});

describe("layoutBarChart", () => {
  const series = [
    { key: "a", label: "甲" },
    { key: "b", label: "乙" },
  ];

  it("draws one bar per filled value, scaled to the plot, and none for a blank", () => {
    const chart = layoutBarChart(
      [
        { label: "2023", values: { a: 8, b: null } },
        { label: "2024", values: { a: 4, b: 0 } },
      ],
      series,
    );
    const [first, second] = chart.groups;
    expect(first!.bars.map((b) => b.series)).toEqual(["a"]);
    expect(first!.bars[0]!.y).toBe(chart.plot.top);
    expect(second!.bars[0]!.height).toBeCloseTo(first!.bars[0]!.height / 2);
    expect(second!.bars[1]!.height).toBe(0);
    expect(chart.ticks.map((t) => t.value)).toEqual([0, 2, 4, 6, 8]);
  });

  it("keeps every bar inside the plot area", () => {
    const chart = layoutBarChart([{ label: "2024", values: { a: 1234, b: 7 } }], series);
    for (const bar of chart.groups.flatMap((g) => g.bars)) {
      expect(bar.x).toBeGreaterThanOrEqual(chart.plot.left);
      expect(bar.x + bar.width).toBeLessThanOrEqual(chart.plot.right);
      expect(bar.y).toBeGreaterThanOrEqual(chart.plot.top);
    }
  });
});
