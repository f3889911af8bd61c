// The open-data API's contract, part 1: the OpenAPI document, organisations and reports. Every JSON response is
// validated against the schemas of the served document (by an independent validator); ETag/Cache-Control on
// every response, 304 on a matching If-None-Match, JSON errors, and each download parsed: JSON, CSV, .docx.
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { GET as organizations } from "@/app/api/v1/organizations/route";
import { GET as report } from "@/app/api/v1/reports/[org]/[year]/route";
import { GET as reports } from "@/app/api/v1/reports/route";
import { CELL_CSV_COLUMNS, parseCsv } from "@/lib/domain/open-data/export-csv";
import { reportSchema } from "@/lib/domain/report-schema";
import { validateAgainstComponent } from "../setup/json-schema";
import { get, params, setupApiContract } from "./api-contract";
import { YEAR } from "./public-world";

const { contract, expectContract } = setupApiContract();

describe("the OpenAPI document", () => {
  it("describes every endpoint the API serves", () => {
    expect(contract.document.openapi).toBe("3.1.0");
    expect(Object.keys(contract.document.paths as object).sort()).toEqual(
      [
        "/bulk/{year}",
        "/comparison",
        "/organizations",
        "/reports",
        "/reports/{org}/{year}",
        "/rollup/{org}/{year}",
      ].sort(),
    );
  });

  it("has teeth: an undocumented field, a wrong type or a missing field fails validation", () => {
    const org = {
      slug: "a",
      name: "甲",
      shortName: "甲",
      kind: "CITY",
      parentSlug: null,
      path: "/reports/a",
    };
    expect(validateAgainstComponent(contract.document, "OrganizationList", { organizations: [org] })).toEqual(
      [],
    );
    expect(
      validateAgainstComponent(contract.document, "OrganizationList", {
        organizations: [{ ...org, id: "x" }],
      }),
    ).not.toEqual([]);
    expect(
      validateAgainstComponent(contract.document, "OrganizationList", {
        organizations: [{ ...org, kind: "TOWN" }],
      }),
    ).not.toEqual([]);
    const { parentSlug: _omit, ...withoutParent } = org;
    expect(
      validateAgainstComponent(contract.document, "OrganizationList", { organizations: [withoutParent] }),
    ).not.toEqual([]);
  });
});

describe("GET /api/v1/organizations", () => {
  it("lists each body with slug, name, kind and parentSlug, as documented", async () => {
    const body = await expectContract(
      await organizations(get("/api/v1/organizations")),
      200,
      "OrganizationList",
    );
    expect(body.organizations).toContainEqual(
      expect.objectContaining({ slug: "pub-east", kind: "SUBDISTRICT", parentSlug: "pub-district" }),
    );
  });

  it("answers a matching If-None-Match with 304 and the same ETag", async () => {
    const first = await organizations(get("/api/v1/organizations"));
    const etag = first.headers.get("etag")!;
    const second = await organizations(get("/api/v1/organizations", { "If-None-Match": etag }));
    expect(second.status).toBe(304);
    expect(second.headers.get("etag")).toBe(etag);
    expect(second.headers.get("cache-control")).toContain("public");
    expect(await second.text()).toBe("");
  });
});

describe("GET /api/v1/reports", () => {
  it("filters by year and kind; withdrawn publications are not listed", async () => {
    const body = await expectContract(
      await reports(get(`/api/v1/reports?year=${YEAR}&kind=SUBDISTRICT`)),
      200,
      "ReportList",
    );
    expect(body.reports.map((r: { organization: { slug: string } }) => r.organization.slug).sort()).toEqual([
      "pub-east",
      "pub-north",
      "pub-west",
      "pub-zone-south",
    ]);
    const one = await expectContract(await reports(get("/api/v1/reports?org=pub-north")), 200, "ReportList");
    expect(one.reports[0]).toMatchObject({
      year: YEAR,
      edition: { number: 2 },
      path: `/reports/pub-north/${YEAR}`,
    });
  });

  it.each([
    ["year=24", "year"],
    ["kind=STREET", "kind"],
    ["org=Not%20A%20Slug", "org"],
  ])("refuses %s with a 400 naming the parameter", async (qs, name) => {
    const body = await expectContract(await reports(get(`/api/v1/reports?${qs}`)), 400, "Error");
    expect(body.error).toMatchObject({ status: 400, code: "INVALID_INPUT" });
    expect(body.error.issues[0].path).toBe(name);
    expect(body.error.message).toContain(name);
  });
});

describe("GET /api/v1/reports/<org>/<year>", () => {
  it("returns the structured report: valid by the report schema, with schemaVersion and the current edition", async () => {
    const body = await expectContract(
      await report(get("/api/v1/reports/pub-north/2024"), params({ org: "pub-north", year: "2024" })),
      200,
      "ReportDocument",
    );
    expect(reportSchema.safeParse(body.report).success).toBe(true);
    expect(body).toMatchObject({
      schemaVersion: 1,
      organization: { slug: "pub-north", parentSlug: "pub-district" },
      edition: { number: 2, changeNote: "更正表三申请数量" },
    });
    expect(body.report.tables.t3.newReceived.natural).toBe(5);
  });

  it("?format=csv: UTF-8 with BOM, one row per cell (200) with labels and values", async () => {
    const response = await report(
      get("/api/v1/reports/pub-east/2024?format=csv"),
      params({ org: "pub-east", year: "2024" }),
    );
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="pub-east-2024.csv"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder().decode(bytes));
    expect(rows[0]).toEqual([...CELL_CSV_COLUMNS]);
    expect(rows).toHaveLength(201);
    expect(rows).toContainEqual(
      expect.arrayContaining(["newReceived", "一、本年新收政府信息公开申请数量", "natural", "自然人", "3"]),
    );
    expect(rows).toContainEqual(expect.arrayContaining(["fees", "amount", "0.1"]));
  });

  it("?format=docx: a Word file whose document.xml holds the tables' labels and values", async () => {
    const response = await report(
      get("/api/v1/reports/pub-north/2024?format=docx"),
      params({ org: "pub-north", year: "2024" }),
    );
    expect(response.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const xml = strFromU8(files["word/document.xml"]!);
    for (const label of [
      "一、本年新收政府信息公开申请数量",
      "申请人情况",
      "法人或其他组织",
      "结转下年度继续办理",
      "行政复议",
      "未经复议直接起诉",
      "本年收费金额（单位：万元）",
      "1234.5678",
    ]) {
      expect(xml).toContain(label);
    }
    expect(xml.match(/<w:tbl>/g)).toHaveLength(3);
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:eastAsia="宋体"');
    expect(xml).toContain('<w:vMerge w:val="restart"/>');
    const etag = response.headers.get("etag")!;
    const again = await report(
      get("/api/v1/reports/pub-north/2024?format=docx", { "If-None-Match": etag }),
      params({ org: "pub-north", year: "2024" }),
    );
    expect(again.status).toBe(304);
  });

  it("404 for a body or year without a published report, 410 for a withdrawn one, 400 for a bad year or format", async () => {
    const missing = await expectContract(
      await report(get("/api/v1/reports/pub-silent/2024"), params({ org: "pub-silent", year: "2024" })),
      404,
      "Error",
    );
    expect(missing.error.message).toContain("pub-silent");
    const withdrawn = await expectContract(
      await report(get("/api/v1/reports/pub-zone/2024"), params({ org: "pub-zone", year: "2024" })),
      410,
      "Error",
    );
    expect(withdrawn.error.message).toContain("数据有误");
    await expectContract(
      await report(get("/api/v1/reports/pub-east/20x4"), params({ org: "pub-east", year: "20x4" })),
      400,
      "Error",
    );
    await expectContract(
      await report(
        get("/api/v1/reports/pub-east/2024?format=pdf"),
        params({ org: "pub-east", year: "2024" }),
      ),
      400,
      "Error",
    );
  });
});
