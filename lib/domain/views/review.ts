import type { Finding } from "../findings";
import type { ChainStep, ReportStatus } from "../workflow/report-status";
import type { WorkflowAction } from "../workflow/workflow";

// What the review screen and the editor's workflow bar show, declared once for the server that builds it
// (lib/server/workflow/review.ts, lib/server/reports/remarks.ts) and the components that show it.

export interface WorkflowBarState {
  reportId: string;
  version: number;
  statusLabel: string;
  chain: ChainStep[];
  status: ReportStatus;
  reviewStep: number;
  actions: WorkflowAction[];
  step?: ChainStep;
  hasEditions: boolean;
  scheduledPublishAt: Date | null;
  /** Why a submission would be refused right now (the same gate the server applies). */
  submitBlockers: string[];
  /** Why the actor, though holding the role, may not approve or publish (四眼原则). */
  fourEyesNote: string | null;
  deadline: string;
}

/** A sentence still last year's that the author confirmed as right for this year too (「照搬上年」 hides there). */
export interface ConfirmedCarriedSentence {
  place: string;
  paragraph: number;
  text: string;
  confirmedBy: string;
  confirmedAt: string;
}

/** A force-published edition waiting for a second person's review, and whether the actor may give it. */
export interface UnreviewedEditionView {
  id: string;
  number: number;
  unreviewedReason: string | null;
  publishedAt: Date;
  mayReview: boolean;
}

/** A finding on the report under review; a warning carries the author's explanation, or null when it has none. */
export interface ReviewFinding extends Finding {
  explanation: { text: string; at: string } | null;
}

export interface RemarkView {
  id: string;
  authorId: string;
  body: string;
  authorName: string;
  createdAt: Date;
}

export interface RemarkThreadView extends RemarkView {
  anchor: string;
  anchorLabel: string;
  resolvedAt: Date | null;
  resolvedByName: string | null;
  replies: RemarkView[];
}
