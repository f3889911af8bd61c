import { describe, expect, it } from "vitest";
import type { Report } from "../report-schema";
import { checkReport } from "./check-report";
import { filledReport, t2, t3, t4 } from "@/tests/builders/report-builders";

// A county department's report with figures in every part and prose that quotes them the way real reports
// do: conservative text rules must accept all of it, and must catch the same report with its slips.
const TEXTS = {
  overview: ["现将柳北区教育局2024年度政府信息公开工作情况报告如下："],
  active: [
    "2024年，我局通过政府门户网站主动公开政府信息1256条，其中工作动态523条，通知公告189条，政策文件56件，政策解读32篇。",
    "全年制发行政规范性文件3件，现行有效行政规范性文件15件。作出行政许可决定3215件，行政处罚决定128件。",
  ],
  onRequest: [
    "2024年共收到政府信息公开申请31件，较2023年增加5件，同比上升19.23%。其中自然人申请28件，法人或其他组织申请3件。上年结转2件。",
    "办理结果：予以公开12件，占38.71%；部分公开3件，不予公开2件，无法提供10件，不予处理1件，其他处理3件，结转下年度继续办理2件。全年未收取信息处理费。",
  ],
  management: ["严格落实“三审三校”制度，全年开展保密审查1300余次。"],
  platform: ["优化政府门户网站“政府信息公开”专栏，访问量达15万次。"],
  supervision: ["本年度因政府信息公开引起行政复议1件，行政诉讼0件。开展政务公开培训2次，参训120人次。"],
  problems: [
    "2023年度报告中指出的问题已全部整改。当前仍存在政策解读形式单一等问题。",
    "2025年，我局将丰富解读形式，力争图解、视频解读不少于10篇。",
  ],
  other: ["本年度未收取信息处理费。无其他需要报告的事项。"],
};

function realisticReport(): Report {
  return filledReport({
    bodyName: "柳州市柳北区教育局",
    meta: { title: "柳州市柳北区教育局2024年政府信息公开工作年度报告" },
    text: TEXTS,
    recompute: true,
    cells: [
      [t2("normativeDocs", "issued"), 3],
      [t2("normativeDocs", "repealed"), 1],
      [t2("normativeDocs", "inForce"), 15],
      [t2("licensing", "decisions"), 3215],
      [t2("punishment", "decisions"), 128],
      [t2("fees", "amount"), "26.55"],
      [t3("newReceived", "natural"), 28],
      [t3("newReceived", "commercial"), 3],
      [t3("carriedOver", "natural"), 2],
      [t3("disclosed", "natural"), 12],
      [t3("partial", "natural"), 3],
      [t3("withheld.thirdParty", "natural"), 2],
      [t3("unable.notHeld", "natural"), 7],
      [t3("unable.notHeld", "commercial"), 3],
      [t3("notProcessed.repeated", "natural"), 1],
      [t3("otherHandling.noCorrection", "natural"), 3],
      [t3("carriedForward", "natural"), 2],
      [t4("review.upheld"), 1],
    ],
  });
}

const previousReport = () =>
  filledReport({
    year: 2023,
    bodyName: "柳州市柳北区教育局",
    recompute: true,
    cells: [
      [t3("newReceived", "natural"), 26],
      [t3("disclosed", "natural"), 24],
      [t3("carriedForward", "natural"), 2],
      [t2("normativeDocs", "inForce"), 13],
    ],
  });

describe("a realistic report", () => {
  it("passes every rule when prose and tables agree", () => {
    const findings = checkReport(realisticReport(), {
      previous: previousReport(),
      stage: "submit",
      publishedAt: "2025-01-20",
    });
    expect(findings).toEqual([]);
  });

  it("is caught on each slip copied from real reports", () => {
    const report = realisticReport();
    const slip = (text: string) =>
      text.replace("31件", "30件").replace("38.71%", "38.1%").replace("1256条", "256条");
    report.sections.overview.items = report.sections.overview.items.map((item) => ({
      ...item,
      paragraphs: item.paragraphs.map(slip),
    }));
    const ids = checkReport(report, { previous: previousReport() }).map((f) => f.ruleId);
    expect(ids).toEqual(["X-YOY-CLAIM", "X-YOY-CLAIM", "TXT-APPLICATIONS", "TXT-PART-WHOLE", "TXT-PERCENT"]);
  });
});
