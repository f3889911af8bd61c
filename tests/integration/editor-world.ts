// The editor tests' world: the workflow tests' organisations and accounts, plus 钢城街道's published 2024 report
// (all zeros except a carry-over of 2 自然人 and 1 科研机构 applications into 2025).
import { filledReport, t3 } from "@/tests/builders/report-builders";
import type { Db } from "@/lib/server/platform/db";
import { createImportedReport } from "@/lib/server/reports/import";
import { buildWorkflowWorld } from "./workflow-world";

export async function buildEditorWorld(db: Db) {
  const world = await buildWorkflowWorld(db);
  const lastYear = filledReport({
    year: 2024,
    bodyName: world.orgs.gangcheng.name,
    recompute: true,
    cells: [
      [t3("newReceived", "natural"), 5],
      [t3("disclosed", "natural"), 3],
      [t3("carriedForward", "natural"), 2],
      [t3("newReceived", "research"), 1],
      [t3("carriedForward", "research"), 1],
      [{ table: "t2", row: "normativeDocs", col: "inForce" }, 12],
    ],
  });
  await createImportedReport(db, {
    orgId: world.orgs.gangcheng.id,
    year: 2024,
    content: lastYear,
    importFindings: [],
    publish: true,
    actorId: null,
    actorName: "测试",
    source: "test",
  });
  return { ...world, lastYear };
}

export type EditorWorld = Awaited<ReturnType<typeof buildEditorWorld>>;
