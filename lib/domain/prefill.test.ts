import { describe, expect, it } from "vitest";
import { FORMAT_CITATION } from "./format";
import { gangcheng2024Report } from "@/tests/builders/gangcheng-2024-fixture";
import {
  defaultPreamble,
  reportFromLastYear,
  reportFromTemplate,
  updateContactSentence,
  type BodyDetails,
} from "./prefill";
import { checkReport } from "./rules/check-report";
import { filledReport, t3 } from "@/tests/builders/report-builders";
import { findCarriedParagraphs, shiftYears } from "./year-shift";

const BODY: BodyDetails = {
  name: "柳北区人民政府钢城街道办事处",
  contact: {
    office: "钢城街道党政办公室",
    address: "柳州市柳北区钢城路",
    phone: "0772-0000000",
    postcode: "545001",
  },
  portalUrl: "",
};

describe("a new report from the template", () => {
  it("has the five sub-items of section 一, blank cells, and a preamble citing the format, period and contact", () => {
    const report = reportFromTemplate(BODY, 2025);
    expect(report.sections.overview.items.map((i) => i.title)).toEqual([
      "（一）主动公开",
      "（二）依申请公开",
      "（三）政府信息管理",
      "（四）政府信息公开平台建设",
      "（五）监督保障",
    ]);
    expect(report.tables.t3.newReceived?.natural).toBeNull();
    expect(report.meta.title).toBe("柳北区人民政府钢城街道办事处2025年政府信息公开工作年度报告");
    const preamble = report.meta.preamble.join("");
    expect(preamble).toContain(FORMAT_CITATION);
    expect(preamble).toContain("自2025年1月1日起至2025年12月31日止");
    expect(preamble).toContain("钢城街道党政办公室");
    expect(report.meta.contact?.phone).toBe("0772-0000000");
  });

  it("raises no DOC-YEAR or DOC-BASIS-CITATION finding", () => {
    const ids = checkReport(reportFromTemplate(BODY, 2025)).map((f) => f.ruleId);
    expect(ids).not.toContain("DOC-YEAR");
    expect(ids).not.toContain("DOC-BASIS-CITATION");
  });

  it("names a generic office when the body has no contact yet", () => {
    expect(
      defaultPreamble({ ...BODY, contact: { office: "", address: "", phone: "", postcode: "" } }, 2025).join(
        "",
      ),
    ).toContain("本机关政府信息公开工作机构");
  });
});

describe("a new report from last year's published one", () => {
  const previous = filledReport({
    year: 2024,
    recompute: true,
    cells: [
      [t3("newReceived", "natural"), 4],
      [t3("disclosed", "natural"), 2],
      [t3("carriedForward", "natural"), 2],
      [t3("newReceived", "research"), 1],
      [t3("carriedForward", "research"), 1],
    ],
  });

  it("prefills 二、上年结转 per column from last year's 四、结转下年度继续办理 and leaves the rest blank", () => {
    const report = reportFromLastYear(previous, BODY, 2025);
    expect(report.tables.t3.carriedOver).toMatchObject({ natural: 2, research: 1, commercial: 0, total: 3 });
    expect(report.tables.t3.newReceived?.natural).toBeNull();
    expect(report.tables.t2.normativeDocs.inForce).toBeNull();
    expect(checkReport(report, { previous }).map((f) => f.ruleId)).not.toContain("X-CARRY-OVER");
  });

  it("moves the years of the texts on and flags those paragraphs for review", () => {
    const report = reportFromLastYear(previous, BODY, 2025);
    expect(report.meta.year).toBe(2025);
    expect(report.meta.signatureDate).toBeNull();
    expect(report.sections.overview.items[0]!.paragraphs[0]).toMatch(/^2025年，钢城街道/);
    expect(report.sections.problems.paragraphs[0]).toContain("2026年我街道将");
    const carried = findCarriedParagraphs(report, previous);
    expect(carried.some((c) => c.place.item === "active" && c.moved.length === 1)).toBe(true);
    const edited = {
      ...report,
      sections: { ...report.sections, problems: { paragraphs: ["全新的问题与改进。"] } },
    };
    expect(findCarriedParagraphs(edited, previous).some((c) => c.place.section === "problems")).toBe(false);
  });

  it("works on the seeded 2024 report of 钢城街道", () => {
    const seeded = gangcheng2024Report();
    const report = reportFromLastYear(seeded, BODY, 2025);
    expect(report.tables.t3.carriedOver?.total).toBe(0);
    expect(checkReport(report, { previous: seeded }).filter((f) => f.ruleId === "DOC-YEAR")).toEqual([]);
  });
});

describe("shifting years", () => {
  it.each([
    ["2024年收到申请3件，比2023年增加1件，2025年将继续", "2025年收到申请3件，比2024年增加1件，2026年将继续"],
    ["依据2019年修订的《条例》", "依据2019年修订的《条例》"],
    ["二〇二四年度", "二〇二五年度"],
    ["电话2024-1234", "电话2024-1234"],
  ])("%s → %s", (from, to) => {
    expect(shiftYears(from, 2024, 2025).text).toBe(to);
  });
});

describe("updateContactSentence", () => {
  const before = { office: "党政办", address: "钢城路1号", phone: "0772-1", postcode: "545001" };
  it("rewrites the standard contact sentence when a contact field changes", () => {
    const preamble = [
      "本报告根据条例编制。如对本报告有任何疑问，请与党政办联系（地址：钢城路1号；邮编：545001；电话：0772-1）。",
    ];
    expect(updateContactSentence(preamble, before, { ...before, phone: "0772-2512345" })).toEqual([
      "本报告根据条例编制。如对本报告有任何疑问，请与党政办联系（地址：钢城路1号；邮编：545001；电话：0772-2512345）。",
    ]);
  });
  it("leaves a preamble in the author's own words alone", () => {
    expect(updateContactSentence(["联系电话：0772-1。"], before, { ...before, phone: "2" })).toEqual([
      "联系电话：0772-1。",
    ]);
  });
});

describe("reportFromLastYear's contact", () => {
  it("prints the body's current contact in last year's standard contact sentence", () => {
    const last = filledReport({ year: 2024 });
    const body = {
      name: last.meta.bodyName,
      contact: { ...last.meta.contact!, phone: "0772-0000000" },
      portalUrl: "",
    };
    const report = reportFromLastYear(last, body, 2025);
    expect(report.meta.contact?.phone).toBe("0772-0000000");
    expect(report.meta.preamble.join("")).toContain("电话：0772-0000000）");
    expect(report.meta.preamble.join("")).not.toContain("0772-2512345");
  });
});
