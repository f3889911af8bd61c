// Setting up what a probe needs through the app's own HTTP surface (no direct database access): the demo
// organisation's id from the editor's 新建 page, a report created by the editor, its latest draft.
import { inferBodyKind } from "@/lib/domain/orgs/body-kind";
import { generateReportSeries } from "@/lib/domain/generator/report";
import { callAction, fetchPage, type ActionResponse } from "./harness";

export interface ActionResultShape<T = unknown> {
  ok: boolean;
  code?: string;
  message?: string;
  data?: T;
}

/** The organisations offered on the 新建年度报告 page to the signed-in user: [id, name][]. */
export async function creatableOrgs(baseUrl: string, cookie: string): Promise<[string, string][]> {
  const html = await (await fetchPage(baseUrl, "/workspace/reports/new", { cookie })).text();
  return [...html.matchAll(/<option value="([^"]+)"[^>]*>([^<]+)</g)].map((m) => [m[1]!, m[2]!]);
}

export async function createReport(
  baseUrl: string,
  cookie: string,
  input: { orgId: string; year: number; source: "template" | "lastYear" },
): Promise<string> {
  const r = await callAction<ActionResultShape<{ id: string }>>(baseUrl, {
    page: "/workspace/reports/new",
    action: "createReportAction",
    args: [input],
    cookie,
  });
  if (!r.result?.ok) throw new Error(`createReportAction: HTTP ${r.status} ${JSON.stringify(r.result)}`);
  return r.result.data!.id;
}

export interface Draft {
  version: number;
  status: string;
  content: Record<string, unknown> & { meta: Record<string, unknown> };
  explanations: unknown[];
}

export async function latestDraft(baseUrl: string, cookie: string, reportId: string): Promise<Draft> {
  const r = await callAction<ActionResultShape<Draft>>(baseUrl, {
    page: `/workspace/reports/${reportId}`,
    action: "latestDraftAction",
    args: [{ reportId }],
    cookie,
  });
  if (!r.result?.ok) throw new Error(`latestDraftAction: HTTP ${r.status} ${JSON.stringify(r.result)}`);
  return r.result.data!;
}

export function saveDraft(
  baseUrl: string,
  cookie: string,
  reportId: string,
  draft: Draft,
  title: string,
): Promise<ActionResponse<ActionResultShape<{ version: number }>>> {
  return callAction(baseUrl, {
    page: `/workspace/reports/${reportId}`,
    action: "saveDraftAction",
    args: [
      {
        reportId,
        expectedVersion: draft.version,
        content: { ...draft.content, meta: { ...draft.content.meta, title } },
        explanations: draft.explanations,
        autosave: false,
      },
    ],
    cookie,
  });
}

export async function transition(
  baseUrl: string,
  cookie: string,
  input: { action: string; reportId: string; expectedVersion?: number; remark?: string },
): Promise<ActionResponse<ActionResultShape>> {
  // A form action (previous state, values); its FormState read as an ActionResult.
  const r = await callAction<{ status: string; code?: string; message?: string }>(baseUrl, {
    page: `/workspace/reports/${input.reportId}/review`,
    action: "transitionAction",
    args: [{ status: "idle" }, input],
    cookie,
  });
  const state = r.result;
  return { ...r, result: state && { ok: state.status === "ok", code: state.code, message: state.message } };
}

/** "OK", an ActionResult code, or "HTTP <status>" when the request failed outside the action's contract. */
export function outcome(r: ActionResponse<ActionResultShape>): string {
  if (r.status !== 200 || !r.result) return `HTTP ${r.status}`;
  return r.result.ok ? "OK" : (r.result.code ?? "?");
}

/** Every blank cell filled with 0 (the fee, a decimal string, with "0"): what an editor with no cases does. */
export function fillBlankCells<T>(tables: T): T {
  const fill = (v: unknown, key: string): unknown => {
    if (v === null) return key === "amount" ? "0" : 0;
    if (Array.isArray(v)) return v.map((x) => fill(x, key));
    if (v && typeof v === "object") {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fill(x, k)]));
    }
    return v;
  };
  return fill(tables, "") as T;
}

/**
 * A report of the editor's body for `year` brought to a submittable state (a consistent report from the demo
 * world's generator, lib/domain/generator/report.ts) and submitted; returns its id and the submitted version.
 * Use a year the demo world leaves free (it holds 2021–2026).
 */
export async function submittedReport(
  baseUrl: string,
  editor: string,
  orgId: string,
  year: number,
): Promise<{ reportId: string; version: number }> {
  const reportId = await createReport(baseUrl, editor, { orgId, year, source: "template" });
  const draft = await latestDraft(baseUrl, editor, reportId);
  const name = String(draft.content.meta.bodyName);
  const [generated] = generateReportSeries({
    seed: year,
    body: { name, kind: inferBodyKind(name) ?? "街道" },
    years: [year],
  });
  const content = generated as unknown as Draft["content"];
  const saved = await saveDraft(baseUrl, editor, reportId, { ...draft, content }, String(content.meta.title));
  if (outcome(saved) !== "OK") throw new Error(`saving the draft: ${JSON.stringify(saved.result)}`);
  const submitted = await transition(baseUrl, editor, { action: "submit", reportId });
  if (outcome(submitted) !== "OK") throw new Error(`submitting: ${JSON.stringify(submitted.result)}`);
  return { reportId, version: (await latestDraft(baseUrl, editor, reportId)).version };
}
