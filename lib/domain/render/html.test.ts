import { parseDocument, DomUtils } from "htmlparser2";
import type { Element } from "domhandler";
import { describe, expect, it } from "vitest";
import { readSeed } from "@/tests/fixtures/reports/read-fixture";
import { emptyReport } from "../report-schema";
import { importText } from "../import/text";
import { renderHtml } from "./html";

const seedReport = importText(readSeed()).report;
const elements = (html: string, name: string) =>
  DomUtils.findAll((el) => el.name === name, parseDocument(html).children) as Element[];

describe("renderHtml", () => {
  it("is an <article> with one <h2> per section and one <h3> per sub-item of 一", () => {
    const html = renderHtml(seedReport);
    expect(elements(html, "article")).toHaveLength(1);
    expect(elements(html, "h2").map((h) => DomUtils.textContent(h))).toEqual([
      "一、总体情况",
      "二、主动公开政府信息情况",
      "三、收到和处理政府信息公开申请情况",
      "四、政府信息公开行政复议、行政诉讼情况",
      "五、存在的主要问题及改进情况",
      "六、其他需要报告的事项",
    ]);
    expect(elements(html, "h3")).toHaveLength(5);
    expect(html).toContain('<time datetime="2025-01-15">2025年1月15日</time>');
  });

  it("renders real tables whose every value cell names existing header ids", () => {
    const html = renderHtml(seedReport, { idPrefix: "y2024-" });
    const tables = elements(html, "table");
    expect(
      tables.map((t) => DomUtils.textContent(elements(DomUtils.getOuterHTML(t), "caption")[0]!)),
    ).toEqual([
      "表二　主动公开政府信息情况",
      "表三　收到和处理政府信息公开申请情况",
      "表四　政府信息公开行政复议、行政诉讼情况",
    ]);
    for (const table of tables) {
      const inner = DomUtils.getOuterHTML(table);
      const ids = new Set(elements(inner, "th").map((th) => th.attribs.id));
      const values = elements(inner, "td").filter((td) => td.attribs.headers);
      for (const th of elements(inner, "th"))
        expect(th.attribs.scope).toMatch(/^(col|colgroup|row|rowgroup)$/);
      for (const td of values) for (const id of td.attribs.headers!.split(" ")) expect(ids).toContain(id);
      expect([...ids].every((id) => id!.startsWith("y2024-"))).toBe(true);
    }
    expect(elements(html, "td").filter((td) => td.attribs.headers)).toHaveLength(200);
    expect(elements(html, "thead")).toHaveLength(2);
  });

  it("escapes every user string", () => {
    const report = emptyReport(`<b>镇</b>`, 2025);
    const attack = `<script>alert("x")</script>&'`;
    report.meta.title = attack;
    report.meta.preamble = [attack];
    report.meta.publisher = attack;
    report.meta.signatureName = attack;
    report.sections.overview.items[0]!.title = attack;
    report.sections.problems.paragraphs = [attack];
    report.tables.t2.fees.amount = attack as unknown as string;
    const html = renderHtml(report, { idPrefix: `"><script>` });
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<b>");
    expect(elements(html, "script")).toHaveLength(0);
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;");
  });
});
