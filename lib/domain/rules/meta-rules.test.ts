import { describe, expect, it } from "vitest";
import { checkReport } from "./check-report";
import { filledReport, SEED_CONTACT } from "@/tests/builders/report-builders";

const submit = { stage: "submit" as const };
const metaFindings = (
  meta: NonNullable<Parameters<typeof filledReport>[0]>["meta"],
  stage: "draft" | "submit" = "submit",
) =>
  checkReport(filledReport({ meta }), { stage })
    .filter((f) => f.ruleId.startsWith("DOC-") && f.field)
    .map((f) => [f.ruleId, f.severity, f.field, f.message]);

describe("the document's parts at submission", () => {
  it("names each missing field of the contact, the 落款 and the 成文日期", () => {
    expect(
      metaFindings({
        contact: { ...SEED_CONTACT, phone: "", postcode: "" },
        signatureName: "",
        signatureDate: null,
      }),
    ).toEqual([
      ["DOC-CONTACT", "warning", "contact.phone", "导语缺少联系方式：请在“联系方式”中填写电话"],
      ["DOC-CONTACT", "warning", "contact.postcode", "导语缺少联系方式：请在“联系方式”中填写邮编"],
      ["DOC-SIGNATURE", "error", "signatureName", "缺少落款：请填写“落款（机关名称）”"],
      ["DOC-SIGNATURE", "error", "signatureDate", "缺少成文日期：请填写“成文日期（落款日期）”"],
    ]);
  });

  it("leaves a draft's blank fields alone", () => {
    expect(
      metaFindings({ title: "", contact: null, signatureName: "", signatureDate: null }, "draft"),
    ).toEqual([]);
  });

  it("flags a 成文日期 inside the report year (last year's date left in), as an error at submission", () => {
    const found = metaFindings({ signatureDate: "2024-01-15" });
    expect(found).toEqual([
      ["DOC-SIGNATURE", "error", "signatureDate", expect.stringContaining("是否沿用了上年的日期")],
    ]);
    expect(metaFindings({ signatureDate: "2024-01-15" }, "draft")[0]?.[1]).toBe("warning");
  });

  it("checks the postcode's form and that the preamble prints the telephone number", () => {
    expect(metaFindings({ contact: { ...SEED_CONTACT, postcode: "5450" } })[0]?.[3]).toBe(
      "邮编“5450”应为6位数字",
    );
    expect(metaFindings({ contact: { ...SEED_CONTACT, phone: "0772-8888888" } })[0]?.[3]).toMatch(
      /^导语未写明联系电话/,
    );
  });

  it("requires a title", () => {
    expect(checkReport(filledReport({ meta: { title: "" } }), submit).map((f) => f.ruleId)).toEqual([
      "DOC-TITLE",
    ]);
  });
});
