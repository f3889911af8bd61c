// 汇总 against sums computed by hand over several bodies with non-zero figures: current editions only (a
// correction replaces its first edition), withdrawn publications excluded, every level below counted, exact fees.
import { beforeAll, describe, expect, it } from "vitest";
import { getCell } from "@/lib/domain/cells";
import { t2, t3, t4 } from "@/tests/builders/report-builders";
import { getRollup, listCellContributions, type Rollup } from "@/lib/server/public/rollup";
import { setupTestDb } from "../setup/test-db";
import { buildPublicWorld, YEAR } from "./public-world";

const t = setupTestDb();
beforeAll(async () => {
  await buildPublicWorld(t.db);
});

async function rollupOf(slug: string, options = {}): Promise<Rollup> {
  const rollup = await getRollup(slug, YEAR, options, t.db);
  if (typeof rollup === "string") throw new Error(rollup);
  return rollup;
}

describe("getRollup", () => {
  it("adds up every published report below the district, at any depth, cell by cell", async () => {
    const r = await rollupOf("pub-district");
    expect(r.contributors.map((c) => c.slug).sort()).toEqual([
      "pub-east",
      "pub-north",
      "pub-office",
      "pub-west",
      "pub-zone-south",
    ]);
    // 东城 3 + 西城 4 + 北城 5 (its correction, not the first edition's 50) + 办公室 10 + 南城 7; the withdrawn 100 never.
    expect(getCell(r.tables, t3("newReceived", "natural"))).toBe(29);
    expect(getCell(r.tables, t3("newReceived", "commercial"))).toBe(1);
    expect(getCell(r.tables, t3("newReceived", "total"))).toBe(30);
    expect(getCell(r.tables, t3("carriedOver", "research"))).toBe(2);
    expect(getCell(r.tables, t4("review.total"))).toBe(1);
    expect(getCell(r.tables, t4("direct.total"))).toBe(2);
    expect(getCell(r.tables, t3("unable.notHeld", "natural"))).toBe(0);
    expect(r.counts["t3:newReceived:natural"]).toBe(5);
  });

  it("sums the fee exactly: 0.1 + 0.2 + 1234.5678 + 0 + 0.0322 = 1234.9", async () => {
    const r = await rollupOf("pub-district");
    expect(getCell(r.tables, t2("fees", "amount"))).toBe("1234.9");
  });

  it("lists the bodies missing from the sum, a withdrawn publication among them", async () => {
    const r = await rollupOf("pub-district", { now: new Date("2025-01-05T00:00:00+08:00") });
    expect(r.missing.map((m) => [m.slug, m.status, m.deadline])).toEqual([
      ["pub-zone", "pending", "2025-01-31"],
      ["pub-silent", "pending", "2025-01-31"],
    ]);
    const later = await rollupOf("pub-district", { now: new Date("2026-02-01T00:00:00+08:00") });
    expect(later.missing.every((m) => m.status === "overdue")).toBe(true);
  });

  it("can sum only one kind of body, e.g. the 街道", async () => {
    const r = await rollupOf("pub-district", { kind: "SUBDISTRICT" });
    expect(r.kind).toBe("SUBDISTRICT");
    expect(getCell(r.tables, t3("newReceived", "natural"))).toBe(3 + 4 + 5 + 7);
    expect(r.missing.map((m) => m.slug)).toEqual(["pub-silent"]);
  });

  it("sums a lower level on its own (the development zone and its 街道)", async () => {
    const r = await rollupOf("pub-zone");
    expect(getCell(r.tables, t3("newReceived", "natural"))).toBe(7);
    expect(getCell(r.tables, t2("fees", "amount"))).toBe("0.0322");
    expect(r.missing).toEqual([]);
  });

  it("has nothing to sum for a body without children or an unknown body", async () => {
    expect(await getRollup("pub-east", YEAR, {}, t.db)).toBe("NO_CHILDREN");
    expect(await getRollup("no-such-org", YEAR, {}, t.db)).toBe("NOT_FOUND");
  });

  it("is empty, not wrong, for a year nobody published", async () => {
    const r = await getRollup("pub-district", 2019, {}, t.db);
    expect(typeof r !== "string" && getCell(r.tables, t3("newReceived", "natural"))).toBeNull();
  });
});

describe("listCellContributions (drill-down)", () => {
  it("gives each contributing body's figure, largest first, adding up to the cell", async () => {
    const r = await rollupOf("pub-district");
    const natural = await listCellContributions(r, t3("newReceived", "natural"), t.db);
    expect(natural.map((c) => [c.slug, c.value])).toEqual([
      ["pub-office", 10],
      ["pub-zone-south", 7],
      ["pub-north", 5],
      ["pub-west", 4],
      ["pub-east", 3],
    ]);
    expect(natural.reduce((sum, c) => sum + Number(c.value), 0)).toBe(29);
  });

  it("gives the fee's contributions as exact decimal strings", async () => {
    const r = await rollupOf("pub-district");
    const fees = await listCellContributions(r, t2("fees", "amount"), t.db);
    expect(fees.map((c) => c.value)).toEqual(["1234.5678", "0.2", "0.1", "0.0322", "0"]);
  });
});
