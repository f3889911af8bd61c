import { describe, expect, it } from "vitest";
import { checkReport } from "./check-report";
import { filledReport, reportWithText, t3, type TextCase } from "@/tests/builders/report-builders";

const rows: TextCase[] = [
  // TXT-PART-WHOLE
  [
    "TXT-PART-WHOLE",
    "active",
    "全年累计主动公开政府信息162条。其中，政府网站发布信息120条，微信公众号发布信息293篇。",
    [],
    1,
    "the real case: 293 篇 of 162 条",
  ],
  [
    "TXT-PART-WHOLE",
    "active",
    "全年累计主动公开政府信息162条，浏览量5万次。其中微信公众号发布信息293篇。",
    [],
    1,
    "another kind of count does not blur the total",
  ],
  [
    "TXT-PART-WHOLE",
    "active",
    "办理人大建议15件、政协提案20件，其中按时办结25件。",
    [],
    0,
    "two candidate totals are ambiguous",
  ],
  [
    "TXT-PART-WHOLE",
    "active",
    "发布信息300余条，其中微信320篇。",
    [],
    0,
    "an approximate total is a lower bound",
  ],
  [
    "TXT-PART-WHOLE",
    "active",
    "主动公开信息162条，其中政府网站100条，访问量2000次。",
    [],
    0,
    "a visit count is not part of the total",
  ],
  // TXT-PERCENT
  [
    "TXT-PERCENT",
    "onRequest",
    "共收到申请80件，予以公开1件，占1.1%。",
    [],
    1,
    "the real case: 1 of 80 is not 1.1%",
  ],
  ["TXT-PERCENT", "onRequest", "共收到申请80件，予以公开1件，占1.3%。", [], 0, "rounded half-up"],
  ["TXT-PERCENT", "onRequest", "共收到申请80件，予以公开1件，占1.2%。", [], 0, "truncated"],
  [
    "TXT-PERCENT",
    "onRequest",
    "予以公开45件，占比56.25%。",
    [[t3("newReceived", "total"), 80]],
    0,
    "the total comes from table 三",
  ],
  [
    "TXT-PERCENT",
    "onRequest",
    "予以公开45件，占比50%。",
    [[t3("newReceived", "total"), 80]],
    1,
    "no total makes 45 into 50%",
  ],
  [
    "TXT-PERCENT",
    "active",
    "发布信息45条，占全区的5%。",
    [],
    0,
    "a share of an outside total is not checkable",
  ],
  [
    "TXT-PERCENT",
    "onRequest",
    "共收到申请36件，同比上升16.13%。",
    [],
    0,
    "a growth rate is X-YOY-CLAIM's business",
  ],
  [
    "TXT-PERCENT",
    "onRequest",
    "共收到申请80件，予以公开一件，占百分之十。",
    [],
    1,
    "Chinese numerals and percentages are read",
  ],
  [
    "TXT-PERCENT",
    "active",
    "作出行政处罚决定128件，占全年执法案件的35%。",
    [],
    0,
    "a share of a total the report does not give",
  ],
  [
    "TXT-PERCENT",
    "onRequest",
    "予以公开12件，占全部申请的38.71%。",
    [[t3("newReceived", "total"), 31]],
    0,
    "a share of all applications",
  ],
];

describe("arithmetic in the prose", () => {
  it.each(rows)(
    "%s on %s 「%s」 with cells %j gives %i finding(s): %s",
    (id, where, text, cells, count, why) => {
      const found = checkReport(reportWithText(where, text, cells)).filter((f) => f.ruleId === id);
      expect(found, why).toHaveLength(count);
    },
  );

  it("TXT-PERCENT gives the share the counts imply at the printed precision", () => {
    const report = filledReport({ text: { onRequest: ["共收到申请80件，予以公开1件，占1.1%。"] } });
    const [f] = checkReport(report).filter((x) => x.ruleId === "TXT-PERCENT");
    expect(f).toMatchObject({ expected: "1.3%", actual: "1.1%" });
    expect(f?.textSpan?.quote).toBe("1件，占1.1%");
  });
});
