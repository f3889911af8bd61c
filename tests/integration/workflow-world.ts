// The organisations, accounts and reports the workflow tests act on.
//
// city 柳州市                    ← admin (管理员)
// └─ district 柳北区              ← supervisor, supervisor2 (政务公开办)
//    ├─ gangcheng 钢城街道        chain 审核 → 签发: editor, editor2, reviewer, reviewer2, signer, editorReviewer (填报员+审核人)
//    ├─ jinxiu 锦绣街道           chain 审核 → 报审: jinxiuEditor, jinxiuReviewer
//    └─ bailu 白露街道            chain 审核
// city2 柳南区                   ← outsider (审核人 of 河西街道), outsiderSupervisor
//    └─ hexi 河西街道
import { randomUUID } from "node:crypto";
import { explanationKey } from "@/lib/domain/explanations";
import type { Report } from "@/lib/domain/report-schema";
import { checkReport } from "@/lib/domain/rules/check-report";
import { filledReport } from "@/tests/builders/report-builders";
import type { Prisma, ReportStatus, Role } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/server/auth/actor";
import type { Db } from "@/lib/server/platform/db";
import * as workflow from "@/lib/server/workflow/workflow";
import { createOrg, createUser } from "../setup/factories";

export const YEAR = 2025;
/** Inside the force-publish window of a 1月31日 deadline for 2025 (it opens 3 days before). */
export const IN_WINDOW = new Date("2026-01-30T10:00:00+08:00");
export const BEFORE_WINDOW = new Date("2026-01-10T10:00:00+08:00");

export function actorOf(user: {
  id: string;
  username: string;
  memberships: { orgId: string; role: Role }[];
}): Actor {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.username,
    isActive: true,
    sessionId: `test-${user.id}`,
    memberships: user.memberships.map((m) => ({ orgId: m.orgId, role: m.role })),
  };
}

export async function buildWorkflowWorld(db: Db) {
  const tag = randomUUID().slice(0, 6);
  const city = await createOrg(db, { name: `柳州市${tag}`, kind: "CITY" });
  const district = await createOrg(db, { name: `柳北区${tag}`, kind: "DISTRICT", parentId: city.id });
  const gangcheng = await createOrg(db, {
    name: `柳北区人民政府钢城街道办事处${tag}`,
    parentId: district.id,
  });
  const jinxiu = await createOrg(db, { name: `锦绣街道${tag}`, parentId: district.id });
  const bailu = await createOrg(db, { name: `白露街道${tag}`, parentId: district.id });
  const city2 = await createOrg(db, { name: `柳南区${tag}`, kind: "DISTRICT" });
  const hexi = await createOrg(db, { name: `河西街道${tag}`, parentId: city2.id });
  await db.organization.update({ where: { id: gangcheng.id }, data: { approvalChain: ["REVIEW", "SIGN"] } });
  await db.organization.update({
    where: { id: jinxiu.id },
    data: { approvalChain: ["REVIEW", "SUPERVISOR"] },
  });
  const orgs = { city, district, gangcheng, jinxiu, bailu, city2, hexi };

  const roles = {
    admin: [{ orgId: city.id, role: "ADMIN" }],
    supervisor: [{ orgId: district.id, role: "SUPERVISOR" }],
    supervisor2: [{ orgId: district.id, role: "SUPERVISOR" }],
    editor: [{ orgId: gangcheng.id, role: "EDITOR" }],
    editor2: [{ orgId: gangcheng.id, role: "EDITOR" }],
    reviewer: [{ orgId: gangcheng.id, role: "REVIEWER" }],
    reviewer2: [{ orgId: gangcheng.id, role: "REVIEWER" }],
    signer: [{ orgId: gangcheng.id, role: "SIGNER" }],
    editorReviewer: [
      { orgId: gangcheng.id, role: "EDITOR" },
      { orgId: gangcheng.id, role: "REVIEWER" },
    ],
    jinxiuEditor: [{ orgId: jinxiu.id, role: "EDITOR" }],
    jinxiuReviewer: [{ orgId: jinxiu.id, role: "REVIEWER" }],
    outsider: [{ orgId: hexi.id, role: "REVIEWER" }],
    outsiderSupervisor: [{ orgId: city2.id, role: "SUPERVISOR" }],
  } satisfies Record<string, { orgId: string; role: Role }[]>;
  type Name = keyof typeof roles;
  const actors = {} as Record<Name, Actor>;
  for (const [name, memberships] of Object.entries(roles) as [Name, { orgId: string; role: Role }[]][]) {
    actors[name] = actorOf(
      await createUser(db, { username: `${name.toLowerCase()}-${tag}`, roles: memberships }),
    );
  }
  return { tag, orgs, actors };
}

export type WorkflowWorld = Awaited<ReturnType<typeof buildWorkflowWorld>>;

/** A report as a 填报员 left it: a clean, complete report by default. */
export async function createReport(
  db: Db,
  props: {
    orgId: string;
    editorId: string;
    year?: number;
    status?: ReportStatus;
    content?: Report;
    bodyName?: string;
  },
) {
  const year = props.year ?? YEAR;
  const content = props.content ?? filledReport({ year, bodyName: props.bodyName });
  return db.report.create({
    data: {
      orgId: props.orgId,
      year,
      status: props.status ?? "DRAFT",
      content: content as unknown as Prisma.InputJsonValue,
      createdById: props.editorId,
      lastEditedById: props.editorId,
    },
  });
}

/** What the editor's save does, for tests: new content, version + 1, last editor. */
export async function editReport(db: Db, reportId: string, editorId: string, content: Report) {
  await db.report.update({
    where: { id: reportId },
    data: {
      content: content as unknown as Prisma.InputJsonValue,
      lastEditedById: editorId,
      version: { increment: 1 },
    },
  });
}

type Command = workflow.TransitionCommand;

/**
 * The workflow's transitions on the test database (read when called: setupTestDb fills `t.db` in beforeAll), as
 * the server actions call them.
 */
export function workflowOn(t: { db: Db }) {
  const on = (fn: (a: Actor, c: Command, db?: never) => Promise<unknown>) => (a: Actor, c: Command) =>
    fn(a, c, t.db as never);
  return {
    submit: on(workflow.submitReport),
    approve: on(workflow.approveReport),
    publish: on(workflow.publishReport),
    forcePublish: on(workflow.forcePublishReport),
    reopen: on(workflow.reopenReport),
    withdrawPublication: on(workflow.withdrawPublication),
    schedule: on(workflow.schedulePublication),
    cancel: on(workflow.cancelScheduledPublication),
    returnReport: on(workflow.returnReport),
  };
}

/** What the editor does for each warning: explain it (here, with the values as they are). */
export async function explainWarnings(db: Db, reportId: string, content: Report, authorId: string) {
  const explanations = checkReport(content, { stage: "submit" })
    .filter((f) => f.severity === "warning")
    .map((f) => ({
      ...explanationKey(f, content.tables),
      text: "已核实",
      by: authorId,
      at: new Date().toISOString(),
    }));
  await db.report.update({ where: { id: reportId }, data: { explanations } });
}
