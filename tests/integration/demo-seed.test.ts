import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importText } from "@/lib/domain/import/text";
import { parseReport } from "@/lib/domain/report-schema";
import { checkReport } from "@/lib/domain/rules";
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "@/lib/server/demo-seed";
import { signIn } from "@/lib/server/auth";
import { getPublishedReport, listPublishedReports } from "@/lib/server/public-reports";
import { setupTestDb } from "../setup/test-db";

const t = setupTestDb();

async function counts() {
  const [orgs, users, memberships, reports, editions, figures, audits] = await Promise.all([
    t.db.organization.count(),
    t.db.user.count(),
    t.db.membership.count(),
    t.db.report.count(),
    t.db.reportEdition.count(),
    t.db.reportFigure.count(),
    t.db.auditEvent.count({ where: { action: "report.import" } }),
  ]);
  return { orgs, users, memberships, reports, editions, figures, audits };
}

describe("the demo seed", () => {
  it("creates the organisations, accounts and the published 钢城街道 2024 report, and a second run adds nothing", async () => {
    const first = await seedDemo(t.db);
    expect(first).toEqual({ usersCreated: 5, reportCreated: true });
    const after = await counts();
    expect(after).toEqual({
      orgs: 6,
      users: 5,
      memberships: 5,
      reports: 1,
      editions: 1,
      figures: 200,
      audits: 1,
    });
    expect(await seedDemo(t.db)).toEqual({ usersCreated: 0, reportCreated: false });
    expect(await counts()).toEqual(after);
  });

  it("publishes exactly the imported seed text, which checks with no error", async () => {
    const edition = await t.db.reportEdition.findFirstOrThrow({
      include: { report: { include: { org: true } } },
    });
    const expected = importText(readFileSync("prisma/seed-data/gangcheng-2024.txt", "utf8")).report;
    const content = parseReport(edition.content);
    expect(content).toEqual(expected);
    expect(edition.report.org.shortName).toBe("钢城街道");
    expect(checkReport(content).filter((f) => f.severity === "error")).toEqual([]);
  });

  it("every demo account signs in with the demo password", async () => {
    for (const u of DEMO_USERS) {
      const result = await signIn(t.db, {
        login: u.username,
        password: DEMO_PASSWORD,
        ip: `192.0.2.${u.username.length}`,
      });
      expect(result.ok, u.username).toBe(true);
    }
  });
});

describe("public reads", () => {
  it("list and fetch only published editions", async () => {
    const list = await listPublishedReports();
    expect(list.map((r) => [r.orgSlug, r.year])).toEqual([["gangcheng", 2024]]);
    const report = await getPublishedReport("gangcheng", 2024);
    expect(report?.content.meta.bodyName).toBe("柳北区人民政府钢城街道办事处");
    expect(await getPublishedReport("jinxiu", 2024)).toBeNull();
  });
});
