import type { Explanation } from "../explanations";
import type { ReportStatus } from "../workflow/report-status";
import type { Report } from "../report-schema";

// What saving a draft answers, the stored draft as the editor's conflict view reads it and who else has the editor
// open, declared once for lib/server/reports (drafts.ts, presence.ts) and the editor.

export interface SavedDraft {
  version: number;
  savedAt: string;
  /** False when the draft equalled what was stored: nothing was written, no version made. */
  changed: boolean;
}

export interface LatestDraft {
  version: number;
  status: ReportStatus;
  statusLabel: string;
  isEditable: boolean;
  content: Report;
  explanations: Explanation[];
  lastEditedBy: string | null;
  updatedAt: string;
}

export interface PresentUser {
  userId: string;
  displayName: string;
  lastSeenAt: string;
}
