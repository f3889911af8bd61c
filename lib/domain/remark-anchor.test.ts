import { describe, expect, it } from "vitest";
import { anchorOf, anchoredCellId, describeAnchor, listTextAnchors, parseAnchor } from "./remark-anchor";

describe("remark anchors", () => {
  it.each([
    ["report", "整篇报告"],
    ["section:problems", "五、存在的主要问题及改进情况"],
    ["item:onRequest", "一、总体情况（二）依申请公开"],
    ["cell:t3:newReceived:natural", "表三“一、本年新收政府信息公开申请数量”行“自然人”列"],
    ["cell:t3:withheld.stateSecret:total", "表三“1.属于国家秘密”行“总计”列"],
    ["cell:t4:cases:review.upheld", "表四“行政复议”的“结果维持”"],
    ["cell:t2:fees:amount", "表二“行政事业性收费”行“本年收费金额（单位：万元）”列"],
  ])("%s is a place: %s, and survives a round trip", (raw, label) => {
    const anchor = parseAnchor(raw);
    expect(anchor).not.toBeNull();
    expect(describeAnchor(anchor!)).toBe(label);
    expect(anchorOf(anchor!)).toBe(raw);
  });

  it.each([
    "",
    "section",
    "section:seven",
    "item:x",
    "cell:t3:newReceived",
    "cell:t9:a:b",
    "cell:t3:nope:natural",
    "table:t3:r1:natural",
  ])("%j is no place in a report", (raw) => expect(parseAnchor(raw)).toBeNull());

  it("offers the report, section 一 with its five sub-items, and sections 二 to 六 in reading order", () => {
    expect(listTextAnchors().map((a) => a.anchor)).toEqual([
      "report",
      "section:overview",
      "item:active",
      "item:onRequest",
      "item:management",
      "item:platform",
      "item:supervision",
      "section:proactive",
      "section:requests",
      "section:appeals",
      "section:problems",
      "section:other",
    ]);
  });
});

describe("anchoredCellId", () => {
  it.each([
    ["cell:t3:newReceived:natural", "t3:newReceived:natural"],
    ["cell:t4:cases:review.upheld", "t4:cases:review.upheld"],
    ["cell:t3:noSuchRow:natural", null],
    ["cell:t3", null],
    ["section:problems", null],
    ["report", null],
  ])("reads %s as the cell %s", (raw, id) => {
    expect(anchoredCellId(raw)).toBe(id);
  });
});
