// Report statuses, approval chains and the deadline board, with the Chinese labels users see.
import { z } from "zod";

export const REPORT_STATUSES = [
  "DRAFT",
  "PENDING",
  "RETURNED",
  "APPROVED",
  "PUBLISHED",
  "WITHDRAWN",
] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  DRAFT: "草稿",
  PENDING: "待审核",
  RETURNED: "退回修改",
  APPROVED: "已批准",
  PUBLISHED: "已发布",
  WITHDRAWN: "已撤销",
};

/** The steps after submission, in the only order they may appear. REVIEW is always first. */
export const CHAIN_STEPS = ["REVIEW", "SIGN", "SUPERVISOR"] as const;
export type ChainStep = (typeof CHAIN_STEPS)[number];

export const CHAIN_STEP_LABELS: Record<ChainStep, string> = {
  REVIEW: "审核",
  SIGN: "签发",
  SUPERVISOR: "报审",
};

const isCanonicalOrder = (chain: readonly ChainStep[]) =>
  chain[0] === "REVIEW" &&
  chain.every((step, i) => i === 0 || CHAIN_STEPS.indexOf(step) > CHAIN_STEPS.indexOf(chain[i - 1]!));

export const approvalChainSchema = z
  .array(z.enum(CHAIN_STEPS))
  .min(1, "审批流程至少包含审核一步")
  .refine(isCanonicalOrder, "审批流程须以审核开始，依次为审核、签发、报审，且每步至多一次");

/** null when the stored chain is not a valid one. */
export function parseApprovalChain(raw: readonly string[]): ChainStep[] | null {
  const parsed = approvalChainSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** e.g. "待审核（签发）" while PENDING, otherwise the plain status label. */
export function statusLabel(status: ReportStatus, step?: ChainStep): string {
  const label = REPORT_STATUS_LABELS[status];
  return status === "PENDING" && step ? `${label}（${CHAIN_STEP_LABELS[step]}）` : label;
}

/** Where a report stands: its status, its organisation's stored approval chain and the step index within it. */
export interface ChainPosition {
  status: ReportStatus;
  chain: readonly string[];
  reviewStep: number;
}

/** The step a pending report waits at; undefined when it is not pending or the stored chain is not valid. */
export function pendingStep({ status, chain, reviewStep }: ChainPosition): ChainStep | undefined {
  return status === "PENDING" ? parseApprovalChain(chain)?.[reviewStep] : undefined;
}

/** The label users see for a report where it stands, e.g. "待审核（签发）" while pending at 签发. */
export function reportStatusLabel(position: ChainPosition): string {
  return statusLabel(position.status, pendingStep(position));
}

export const BOARD_STATUSES = [
  "NOT_STARTED",
  "DRAFTING",
  "PENDING",
  "RETURNED",
  "APPROVED",
  "PUBLISHED",
  "OVERDUE",
] as const;
export type BoardStatus = (typeof BOARD_STATUSES)[number];

export const BOARD_STATUS_LABELS: Record<BoardStatus, string> = {
  NOT_STARTED: "未开始",
  DRAFTING: "填报中",
  PENDING: "待审核",
  RETURNED: "退回修改",
  APPROVED: "已批准",
  PUBLISHED: "已发布",
  OVERDUE: "逾期",
};

const UNPUBLISHED_BOARD_STATUS: Record<ReportStatus, BoardStatus> = {
  DRAFT: "DRAFTING",
  PENDING: "PENDING",
  RETURNED: "RETURNED",
  APPROVED: "APPROVED",
  PUBLISHED: "PUBLISHED",
  WITHDRAWN: "DRAFTING",
};

/**
 * What the 政务公开办's deadline board shows for one body and year. The board tracks the public obligation: a
 * body whose edition is online counts as 已发布 even while a correction is in progress, and a withdrawn
 * publication counts as not published. `deadline` is the instant the deadline passes (see `deadlineEnd`).
 */
export function boardStatus(
  report: { status: ReportStatus; hasEditions: boolean } | null,
  deadline: Date,
  now: Date,
): BoardStatus {
  const isOnline =
    report !== null && report.status !== "WITHDRAWN" && (report.status === "PUBLISHED" || report.hasEditions);
  if (isOnline) return "PUBLISHED";
  if (now.getTime() >= deadline.getTime()) return "OVERDUE";
  return report === null ? "NOT_STARTED" : UNPUBLISHED_BOARD_STATUS[report.status];
}
