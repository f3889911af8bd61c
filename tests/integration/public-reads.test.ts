// What the public pages read: published editions only (a withdrawn publication disappears, a correction replaces
// its first edition), the publication calendar measured from the first publication, the body tree, comparisons.
import { beforeAll, describe, expect, it } from "vitest";
import { getComparison } from "@/lib/server/public/comparison";
import { listPublicationCalendar, listPublishedYears } from "@/lib/server/public/calendar";
import { getPublicOrg } from "@/lib/server/public/orgs";
import {
  getPublishedReport,
  listPublishedReports,
  listPublishedReportsOf,
} from "@/lib/server/public/reports";
import { setupTestDb } from "../setup/test-db";
import { buildPublicWorld, YEAR } from "./public-world";

const t = setupTestDb();
beforeAll(async () => {
  await buildPublicWorld(t.db);
});

describe("published reports", () => {
  it("lists current editions only, newest publication first, filterable by kind", async () => {
    const all = await listPublishedReports({ year: YEAR }, t.db);
    expect(all.map((r) => r.orgSlug)).toEqual([
      "pub-north",
      "pub-east",
      "pub-office",
      "pub-west",
      "pub-zone-south",
    ]);
    expect(all[0]).toMatchObject({
      editionNumber: 2,
      firstPublishedAt: new Date("2025-01-10T10:00:00+08:00"),
    });
    const offices = await listPublishedReports({ kind: "DEPARTMENT" }, t.db);
    expect(offices.map((r) => r.orgSlug)).toEqual(["pub-office"]);
    // The home page's 最新发布: the newest two, with their titles, exactly the head of the full list.
    const latest = await listPublishedReports({ year: YEAR, latest: 2 }, t.db);
    expect(latest).toEqual(all.slice(0, 2));
    expect(latest[0]!.title).toBeTruthy();
  });

  it("gives the corrected figures and the 更正说明 of the current edition; nothing for a withdrawn one", async () => {
    const north = await getPublishedReport("pub-north", YEAR, t.db);
    expect(north).toMatchObject({
      editionNumber: 2,
      changeNote: "更正表三申请数量",
      orgParentSlug: "pub-district",
    });
    expect(north!.content.tables.t3.newReceived!.natural).toBe(5);
    expect(await getPublishedReport("pub-zone", YEAR, t.db)).toBeNull();
    expect(await listPublishedReportsOf("pub-zone", t.db)).toEqual([]);
  });

  it("knows the years anything was published", async () => {
    expect(await listPublishedYears(t.db)).toEqual([YEAR]);
  });
});

describe("the publication calendar", () => {
  it("says who published on time, late (by the first publication, not the correction) and who did not", async () => {
    const rows = await listPublicationCalendar(YEAR, new Date("2025-03-15T00:00:00+08:00"), t.db);
    const status = Object.fromEntries(rows.map((r) => [r.org.slug, [r.status, r.deadline]]));
    expect(status).toMatchObject({
      "pub-north": ["published", "2025-01-31"],
      "pub-east": ["published", "2025-01-31"],
      "pub-silent": ["overdue", "2025-01-31"],
      "pub-zone": ["overdue", "2025-01-31"],
    });
  });

  it("honours a per-year deadline override", async () => {
    const silent = await t.db.organization.findUniqueOrThrow({ where: { slug: "pub-silent" } });
    await t.db.orgDeadline.create({
      data: { orgId: silent.id, year: YEAR, deadline: new Date("2025-04-30") },
    });
    const rows = await listPublicationCalendar(YEAR, new Date("2025-03-15T00:00:00+08:00"), t.db);
    expect(rows.find((r) => r.org.slug === "pub-silent")).toMatchObject({
      status: "pending",
      deadline: "2025-04-30",
      days: 47,
    });
    await t.db.orgDeadline.delete({ where: { orgId_year: { orgId: silent.id, year: YEAR } } });
  });
});

describe("the body tree and comparisons", () => {
  it("gives a body's ancestors, children and the number of bodies below it", async () => {
    const zone = await getPublicOrg("pub-zone", t.db);
    expect(zone!.ancestors.map((a) => a.slug)).toEqual(["pub-district"]);
    expect(zone!.children.map((c) => c.slug)).toEqual(["pub-zone-south"]);
    expect((await getPublicOrg("pub-district", t.db))!.descendantCount).toBe(7);
    expect(await getPublicOrg("nobody", t.db)).toBeNull();
  });

  it("compares key figures for every body and year asked, marking the unpublished and the unknown", async () => {
    const c = await getComparison({ orgs: ["pub-west", "pub-zone", "ghost"], years: [YEAR, 2023] }, t.db);
    expect(c.unknown).toEqual(["ghost"]);
    expect(c.rows.map((r) => [r.orgSlug, r.year, r.figures?.newReceived ?? null])).toEqual([
      ["pub-west", 2023, null],
      ["pub-west", YEAR, 4],
      ["pub-zone", 2023, null],
      ["pub-zone", YEAR, null],
    ]);
    expect(c.rows[1]!.figures!.litigation).toBe(2);
  });
});
