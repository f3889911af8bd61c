"use server";

import { defineAction } from "@/lib/server/platform/action";
import { getLatestDraft, saveDraftSchema, saveReportDraft } from "@/lib/server/reports/drafts";
import { leavePresence, presenceSchema, touchPresence } from "@/lib/server/reports/presence";

// The editor's server actions: saving the draft (version-checked, audited), the latest version for the conflict
// view, and the presence heartbeat. Each checks the actor against the report's organisation in the database.

export const saveDraftAction = defineAction(saveDraftSchema, (actor, input, { ip, now }) =>
  saveReportDraft(actor, { ...input, ip }, undefined, now),
);

export const latestDraftAction = defineAction(presenceSchema, (actor, { reportId }) =>
  getLatestDraft(actor, reportId),
);

export const presenceAction = defineAction(presenceSchema, (actor, { reportId }) =>
  touchPresence(actor, reportId),
);

export const leaveReportAction = defineAction(presenceSchema, (actor, { reportId }) =>
  leavePresence(actor, reportId),
);
