import "server-only";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { importText } from "@/lib/domain/import/text";
import type { Report } from "@/lib/domain/report-schema";
import type { Actor } from "../auth/actor";
import type { Db } from "../platform/db";
import { hashPassword } from "../auth/password";
import { createImportedReport } from "../reports/import";
import { BODY_STAFF, DEMO_ORGS, DEMO_PASSWORD, DEMO_USERS } from "./cast";
import {
  DEMO_DRAFT_YEAR,
  DEMO_STORIES,
  demoSeries,
  STORY_LABELS,
  type DemoBody,
  type Story,
} from "./stories";
import { tellStory } from "./tell-story";

/** A step of the seed, for counted progress in the launcher: `done` of `total`, and what it was. */
export type SeedProgress = (done: number, total: number, label: string) => void;

export interface SeedOptions {
  seedDir?: string;
  /** The clock of the stories that happen now (the draft in review, the scheduled publication). */
  now?: Date;
  onProgress?: SeedProgress;
}

export interface SeedResult {
  usersCreated: number;
  reportsCreated: number;
}

/**
 * The demo world: organisations, accounts, and five years of reports of every body told through the workflow
 * (docs/decisions/0018-demo-world.md). Idempotent: what exists is left alone.
 */
export async function seedDemo(db: Db, options: SeedOptions = {}): Promise<SeedResult> {
  const orgIds = await seedOrgs(db);
  const usersCreated = await seedUsers(db, orgIds);
  const seedDir = options.seedDir ?? join(process.cwd(), "prisma/seed-data");
  const bodies = await demoBodies(db, orgIds, seedDir);
  const tasks = bodies.flatMap((body) => storiesOf(body));
  let done = 0;
  let reportsCreated = 0;
  const now = options.now ?? new Date();
  for (const task of tasks) {
    const exists = await db.report.findUnique({
      where: { orgId_year: { orgId: task.body.orgId, year: task.year } },
      select: { id: true },
    });
    if (!exists) {
      await tellTask(db, task, now, seedDir);
      reportsCreated++;
    }
    const what = exists ? "已存在" : STORY_LABELS[task.story.kind];
    options.onProgress?.(++done, tasks.length, `${task.body.org.shortName}${task.year}年度报告：${what}`);
  }
  return { usersCreated, reportsCreated };
}

interface Task {
  body: DemoBody;
  year: number;
  story: Story;
  content: Report;
}

function storiesOf(body: DemoBody): Task[] {
  const series = demoSeries(body);
  const stories = DEMO_STORIES[body.slug] ?? {};
  return [...series.keys()].flatMap((year) => {
    const story: Story | undefined =
      stories[year] ?? (year === DEMO_DRAFT_YEAR ? undefined : { kind: "published" });
    return story ? [{ body, year, story, content: series.get(year)! }] : [];
  });
}

async function tellTask(db: Db, task: Task, now: Date, seedDir: string): Promise<void> {
  if (task.story.kind === "imported") await seedGangcheng2024(db, task.body.orgId, seedDir);
  else await tellStory({ db, body: task.body, year: task.year, content: task.content, now }, task.story);
  await dateLastActivity(db, task.body.orgId, task.year);
}

/** The row's 「最近活动」 (boards, lists) is its story's last event, not the moment the seed ran. */
async function dateLastActivity(db: Db, orgId: string, year: number): Promise<void> {
  const report = await db.report.findUniqueOrThrow({ where: { orgId_year: { orgId, year } } });
  const last = await db.auditEvent.findFirst({
    where: { targetType: "report", targetId: report.id },
    orderBy: { id: "desc" },
    select: { at: true },
  });
  if (last) await db.report.update({ where: { id: report.id }, data: { updatedAt: last.at } });
}

async function seedOrgs(db: Db): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const o of DEMO_ORGS) {
    const data = {
      name: o.name,
      shortName: o.shortName,
      kind: o.kind,
      parentId: o.parent ? ids.get(o.parent)! : null,
      hasRuleMakingPower: o.hasRuleMakingPower ?? false,
      deadlineMonth: o.deadlineMonth ?? 1,
      deadlineDay: 31,
      approvalChain: o.approvalChain ?? ["REVIEW"],
      contactOffice: o.contact?.office ?? "",
      contactAddress: o.contact?.address ?? "",
      contactPhone: o.contact?.phone ?? "",
      contactPostcode: o.contact?.postcode ?? "",
    };
    const org = await db.organization.upsert({
      where: { slug: o.slug },
      create: { slug: o.slug, ...data },
      update: {},
    });
    ids.set(o.slug, org.id);
  }
  return ids;
}

async function seedUsers(db: Db, orgIds: Map<string, string>): Promise<number> {
  let created = 0;
  let passwordHash: string | null = null;
  for (const u of DEMO_USERS) {
    const existing = await db.user.findUnique({ where: { username: u.username } });
    if (existing) continue;
    // One password for every demo account: hashed once (a slow hash by design).
    passwordHash ??= await hashPassword(DEMO_PASSWORD);
    await db.user.create({
      data: {
        username: u.username,
        displayName: u.displayName,
        passwordHash,
        memberships: { create: { orgId: orgIds.get(u.org)!, role: u.role } },
      },
    });
    created++;
  }
  return created;
}

async function actorNamed(db: Db, username: string): Promise<Actor> {
  const user = await db.user.findUniqueOrThrow({ where: { username }, include: { memberships: true } });
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    isActive: user.isActive,
    sessionId: "demo-seed",
    memberships: user.memberships.map((m) => ({ orgId: m.orgId, role: m.role })),
  };
}

async function demoBodies(db: Db, orgIds: Map<string, string>, seedDir: string): Promise<DemoBody[]> {
  const supervisor = await actorNamed(db, "liubei-office");
  const anchor = importText(await readFile(join(seedDir, "gangcheng-2024.txt"), "utf8")).report;
  const bodies: DemoBody[] = [];
  for (const [slug, staffOf] of Object.entries(BODY_STAFF)) {
    const orgId = orgIds.get(slug)!;
    const org = await db.organization.findUniqueOrThrow({ where: { id: orgId } });
    bodies.push({
      orgId,
      slug,
      org,
      editor: await actorNamed(db, staffOf.editor),
      approvers: await Promise.all(staffOf.approvers.map((u) => actorNamed(db, u))),
      supervisor,
      anchor: slug === "gangcheng" ? { ...anchor, meta: { ...anchor.meta, year: 2024 } } : undefined,
    });
  }
  return bodies;
}

async function seedGangcheng2024(db: Db, orgId: string, seedDir: string): Promise<void> {
  const text = await readFile(join(seedDir, "gangcheng-2024.txt"), "utf8");
  const imported = importText(text);
  await createImportedReport(db, {
    orgId,
    year: 2024,
    content: imported.report,
    importFindings: imported.findings,
    publish: true,
    actorId: null,
    actorName: "演示数据",
    source: "prisma/seed-data/gangcheng-2024.txt",
    publishedAt: new Date("2025-01-15T10:00:00+08:00"),
  });
}
