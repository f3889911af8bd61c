// The open-data API's contract, part 2: 汇总, comparison, bulk download and unknown addresses, validated against
// the served OpenAPI document like part 1 (api-reports.test.ts).
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { GET as catchAll } from "@/app/api/v1/[[...path]]/route";
import { GET as bulk } from "@/app/api/v1/bulk/[year]/route";
import { GET as comparison } from "@/app/api/v1/comparison/route";
import { GET as rollup } from "@/app/api/v1/rollup/[org]/[year]/route";
import { parseCsv, reportsCsv } from "@/lib/domain/open-data/export-csv";
import { bulkZip, reportJson } from "@/lib/server/documents/exports";
import {
  listPublishedReportContents,
  publishedReportBatches,
  type PublishedReport,
} from "@/lib/server/public/reports";
import { validateAgainstComponent } from "../setup/json-schema";
import { get, params, setupApiContract } from "./api-contract";

const { contract, expectContract, t } = setupApiContract();

describe("GET /api/v1/rollup/<org>/<year>", () => {
  it("returns the documented 汇总, and a cell's drill-down on request", async () => {
    const path = "/api/v1/rollup/pub-district/2024?cell=t3:newReceived:natural";
    const body = await expectContract(
      await rollup(get(path), params({ org: "pub-district", year: "2024" })),
      200,
      "Rollup",
    );
    expect(body.tables.t3.newReceived.natural).toBe(29);
    expect(body.tables.t2.fees.amount).toBe("1234.9");
    expect(body.cell.contributions).toHaveLength(5);
    expect(body.missing.map((m: { slug: string }) => m.slug).sort()).toEqual(["pub-silent", "pub-zone"]);
  });

  it("404 for a body without children, 400 for a bad cell address", async () => {
    const leaf = await expectContract(
      await rollup(get("/api/v1/rollup/pub-east/2024"), params({ org: "pub-east", year: "2024" })),
      404,
      "Error",
    );
    expect(leaf.error.code).toBe("NO_CHILDREN");
    await expectContract(
      await rollup(
        get("/api/v1/rollup/pub-district/2024?cell=t9:x:y"),
        params({ org: "pub-district", year: "2024" }),
      ),
      400,
      "Error",
    );
  });
});

describe("GET /api/v1/comparison", () => {
  it("puts key figures of bodies and years side by side, marking a year not published", async () => {
    const body = await expectContract(
      await comparison(get("/api/v1/comparison?orgs=pub-east,pub-office,nobody&years=2023,2024")),
      200,
      "Comparison",
    );
    expect(body.unknown).toEqual(["nobody"]);
    expect(body.rows).toHaveLength(4);
    expect(
      body.rows.find((r: { orgSlug: string; year: number }) => r.orgSlug === "pub-office" && r.year === 2024)
        .figures.newReceived,
    ).toBe(10);
    expect(body.rows.find((r: { year: number }) => r.year === 2023).figures).toBeNull();
    const csv = parseCsv(
      await (await comparison(get("/api/v1/comparison?orgs=pub-east&years=2024&format=csv"))).text(),
    );
    expect(csv[1]!.slice(0, 5)).toEqual([expect.stringContaining("东城"), "pub-east", "2024", "yes", "4"]);
  });
});

describe("GET /api/v1/bulk/<year>", () => {
  it("zips every published report's JSON and one CSV of all their cells", async () => {
    const response = await bulk(get("/api/v1/bulk/2024"), params({ year: "2024" }));
    expect(response.headers.get("content-type")).toBe("application/zip");
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const jsons = Object.keys(files)
      .filter((f) => f.startsWith("reports/"))
      .sort();
    expect(jsons).toEqual(
      ["pub-east", "pub-north", "pub-office", "pub-west", "pub-zone-south"].map((s) => `reports/${s}.json`),
    );
    for (const f of jsons)
      expect(
        validateAgainstComponent(contract.document, "ReportDocument", JSON.parse(strFromU8(files[f]!))),
      ).toEqual([]);
    expect(parseCsv(strFromU8(files["cells-2024.csv"]!))).toHaveLength(1 + 5 * 200);
    const again = await bulk(
      get("/api/v1/bulk/2024", { "If-None-Match": response.headers.get("etag")! }),
      params({ year: "2024" }),
    );
    expect(again.status).toBe(304);
  });
});

describe("bulkZip: streamed batch by batch", () => {
  it("holds exactly the documents and cells of every report, in order, whatever the batch size", async () => {
    const all = await listPublishedReportContents({ year: 2024 }, t.db);
    const csvSource = (r: PublishedReport) => ({
      orgName: r.orgName,
      orgSlug: r.orgSlug,
      year: r.year,
      tables: r.content.tables,
    });
    for (const size of [1, 2, 200]) {
      const zip = await bulkZip(2024, all.length, () => publishedReportBatches({ year: 2024 }, size, t.db));
      const files = unzipSync(zip);
      expect(Object.keys(files)).toEqual([
        "README.txt",
        "cells-2024.csv",
        ...all.map((r) => `reports/${r.orgSlug}.json`),
      ]);
      // Byte for byte (Buffer keeps the BOM, which TextDecoder would drop).
      expect(Buffer.from(files["cells-2024.csv"]!).toString("utf8")).toBe(reportsCsv(all.map(csvSource)));
      for (const r of all)
        expect(strFromU8(files[`reports/${r.orgSlug}.json`]!)).toBe(JSON.stringify(reportJson(r), null, 2));
    }
  });

  it("lets the server answer between its steps instead of building the archive in one go", async () => {
    const all = await listPublishedReportContents({ year: 2024 }, t.db);
    // Batches already in memory: no database wait to hide a build that would never give the event loop back.
    async function* inMemory() {
      yield all;
    }
    let done = false;
    let turns = 0;
    const spin = () => {
      if (done) return;
      turns++;
      setImmediate(spin);
    };
    setImmediate(spin);
    await bulkZip(2024, all.length, inMemory);
    done = true;
    // At least one turn of the event loop per document (plus one per batch of the CSV).
    expect(turns).toBeGreaterThanOrEqual(all.length);
  });
});

describe("unknown addresses under /api/v1", () => {
  it("are JSON 404s; /api/v1 itself lists the endpoints", async () => {
    const body = await expectContract(
      await catchAll(get("/api/v1/nope"), params({ path: ["nope"] })),
      404,
      "Error",
    );
    expect(body.error.message).toContain("/api/v1/nope");
    await expectContract(await catchAll(get("/api/v1"), params({})), 200, "ApiIndex");
  });
});
