import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { inferBodyKind } from "@/lib/domain/orgs/body-kind";
import { parseExplanations } from "@/lib/domain/explanations";
import { importText } from "@/lib/domain/import/text";
import { parseReport, type Report } from "@/lib/domain/report-schema";
import { checkReport } from "@/lib/domain/rules/check-report";
import { signIn } from "@/lib/server/auth/sign-in";
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/server/demo/cast";
import { seedDemo } from "@/lib/server/demo/seed";
import { listPublicationCalendar } from "@/lib/server/public/calendar";
import { getPublicEditionHistory, getWithdrawalNotice } from "@/lib/server/public/editions";
import { getPublishedReport, listPublishedReports } from "@/lib/server/public/reports";
import { setupTestDb } from "../setup/test-db";

const t = setupTestDb();
const NOW = new Date("2026-12-04T10:00:00+08:00");

async function counts() {
  const [orgs, users, memberships, reports, editions, audits] = await Promise.all([
    t.db.organization.count(),
    t.db.user.count(),
    t.db.membership.count(),
    t.db.report.count(),
    t.db.reportEdition.count(),
    t.db.auditEvent.count(),
  ]);
  return { orgs, users, memberships, reports, editions, audits };
}

async function reportOf(slug: string, year: number) {
  return t.db.report.findFirstOrThrow({
    where: { year, org: { slug } },
    include: { editions: { orderBy: { number: "asc" } }, remarks: true },
  });
}

describe("the demo world", () => {
  it("is written with counted progress, and a second run adds nothing", async () => {
    const steps: [number, number][] = [];
    const first = await seedDemo(t.db, { now: NOW, onProgress: (done, total) => steps.push([done, total]) });
    expect(first).toEqual({ usersCreated: DEMO_USERS.length, reportsCreated: 32 });
    expect(steps).toHaveLength(32);
    expect(steps.at(-1)).toEqual([32, 32]);
    const after = await counts();
    expect(after).toMatchObject({ orgs: 6, users: DEMO_USERS.length, memberships: DEMO_USERS.length });
    expect(after.reports).toBe(32);
    expect(await seedDemo(t.db, { now: NOW })).toEqual({ usersCreated: 0, reportsCreated: 0 });
    expect(await counts()).toEqual(after);
  }, 180_000);

  it("publishes five years of every body with non-zero figures that pass every rule against the year before", async () => {
    const published = await listPublishedReports({}, t.db);
    const byBody = new Map<string, number[]>();
    for (const r of published) byBody.set(r.orgSlug, [...(byBody.get(r.orgSlug) ?? []), r.year].sort());
    expect(Object.fromEntries(byBody)).toEqual({
      gangcheng: [2021, 2022, 2023, 2024, 2025],
      jinxiu: [2021, 2022, 2023, 2024, 2025],
      bailu: [2021, 2022, 2023, 2024],
      "liubei-office": [2021, 2023, 2024, 2025],
      liubei: [2021, 2022, 2023, 2024, 2025],
      liuzhou: [2021, 2022, 2023, 2024, 2025],
    });
    for (const summary of published) {
      const report = (await getPublishedReport(summary.orgSlug, summary.year, t.db))!;
      const previous = await getPublishedReport(summary.orgSlug, summary.year - 1, t.db);
      const row = await reportOf(summary.orgSlug, summary.year);
      const findings = checkReport(report.content, {
        previous: previous?.content ?? null,
        // The authors' confirmations of sentences that keep last year's wording (TXT-CARRIED-OVER).
        explanations: parseExplanations(row.explanations).filter((e) => e.ruleId === "TXT-CARRIED-OVER"),
        stage: "submit",
        publishedAt: report.firstPublishedAt.toISOString(),
        profile: { kind: inferBodyKind(report.orgName), hasRuleMakingPower: summary.orgSlug === "liuzhou" },
      });
      const where = `${summary.orgSlug} ${summary.year}`;
      const expected = where === "bailu 2023" ? ["DOC-DEADLINE"] : [];
      // The real imported report is checked as published (it has no title line, for one); only its consistency
      // with the generated neighbours is the demo world's business.
      const checked =
        where === "gangcheng 2024" ? findings.filter((f) => f.ruleId.startsWith("X-")) : findings;
      expect(
        checked.map((f) => f.ruleId),
        where,
      ).toEqual(expected);
      if (summary.orgSlug !== "gangcheng" || summary.year !== 2024) {
        expect(report.content.tables.t3.newReceived?.total, where).toBeGreaterThan(0);
      }
    }
  });

  it("keeps 钢城街道 2024 as the imported seed text, its neighbours chained to it", async () => {
    const seeded = importText(readFileSync("prisma/seed-data/gangcheng-2024.txt", "utf8")).report;
    const [y2023, y2024, y2025] = await Promise.all(
      [2023, 2024, 2025].map(async (y) => (await getPublishedReport("gangcheng", y, t.db))!.content),
    );
    expect(y2024).toEqual(seeded);
    const chained = (prev: Report, next: Report) => {
      expect(next.tables.t3.carriedOver).toEqual(prev.tables.t3.carriedForward);
      const docs = next.tables.t2.normativeDocs;
      expect(docs.inForce).toBe(prev.tables.t2.normativeDocs.inForce! + docs.issued! - docs.repealed!);
    };
    chained(y2023!, y2024!);
    chained(y2024!, y2025!);
  });

  it("tells each story through the workflow: a correction, a withdrawal, a late body, a missing one", async () => {
    const corrected = await getPublicEditionHistory("jinxiu", 2023, t.db);
    expect(corrected?.editions).toHaveLength(2);
    expect(corrected?.correction?.note).toMatch(/^表二“行政强制”本年处理决定数量误填为\d+件/);
    expect(corrected?.correction?.changes).toHaveLength(1);

    const withdrawn = await getWithdrawalNotice("liubei-office", 2022, t.db);
    expect(withdrawn?.note).toContain("现撤销发布");

    const calendar = await listPublicationCalendar(2025, NOW, t.db);
    const statusOf = (slug: string) => calendar.find((row) => row.org.slug === slug)?.status;
    expect(statusOf("bailu")).toBe("overdue");
    expect(statusOf("jinxiu")).toBe("published");
    const calendar2023 = await listPublicationCalendar(2023, NOW, t.db);
    expect(calendar2023.find((row) => row.org.slug === "bailu")?.status).toBe("publishedLate");
    expect((await reportOf("bailu", 2025)).status).toBe("DRAFT");
  });

  it("leaves 2026 in progress: a draft in review with a remark on a cell, and a scheduled publication", async () => {
    const review = await reportOf("gangcheng", 2026);
    expect(review.status).toBe("PENDING");
    expect(review.remarks.map((r) => r.anchor)).toEqual(["cell:t3:newReceived:natural"]);
    const scheduled = await reportOf("liubei-office", 2026);
    expect(scheduled.status).toBe("APPROVED");
    expect(scheduled.scheduledPublishAt!.getTime()).toBeGreaterThan(NOW.getTime());
    expect(parseReport(scheduled.content).meta.year).toBe(2026);
  });

  it("records a history dated by the story's own clock, oldest first", async () => {
    const report = await reportOf("jinxiu", 2023);
    const events = await t.db.auditEvent.findMany({
      where: { targetType: "report", targetId: report.id },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => e.action)).toEqual([
      "report.create",
      "report.save",
      "report.submit",
      "report.approve",
      "report.publish",
      "report.reopen",
      "report.save",
      "report.submit",
      "report.approve",
      "report.publish",
    ]);
    const times = events.map((e) => e.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(events[0]!.at.getFullYear()).toBe(2024);
    expect(report.updatedAt).toEqual(events.at(-1)!.at);
  });

  it("every demo account signs in with the demo password", async () => {
    for (const u of DEMO_USERS) {
      const result = await signIn(
        {
          login: u.username,
          password: DEMO_PASSWORD,
          ip: `192.0.2.${u.username.length}`,
        },
        t.db,
      );
      expect(result.ok, u.username).toBe(true);
    }
  });
});
