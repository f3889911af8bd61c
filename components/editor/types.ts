// What the editor components receive from the page: plain data and the server actions (as props, never imported:
// components do not reach into lib/server). Results and views are lib/domain's, shared with the server.
import type { DraftDoc } from "@/lib/domain/draft-merge";
import type { Explanation } from "@/lib/domain/explanations";
import type { Report } from "@/lib/domain/report-schema";
import type { BodyProfile } from "@/lib/domain/rules/check-report";
import type { Finding } from "@/lib/domain/findings";
import type { ActionResult } from "@/lib/domain/views/action-result";
import type { LatestDraft, PresentUser, SavedDraft } from "@/lib/domain/views/drafts";

export interface SaveInput {
  reportId: string;
  expectedVersion: number;
  content: Report;
  explanations: Explanation[];
  autosave: boolean;
}

export interface EditorActions {
  save(input: SaveInput): Promise<ActionResult<SavedDraft>>;
  latest(input: { reportId: string }): Promise<ActionResult<LatestDraft>>;
  presence(input: { reportId: string }): Promise<ActionResult<PresentUser[]>>;
  leave(input: { reportId: string }): Promise<ActionResult<unknown>>;
}

export interface EditorProps {
  reportId: string;
  userId: string;
  year: number;
  orgName: string;
  version: number;
  initial: DraftDoc;
  previous: Report | null;
  profile: BodyProfile;
  /** The body's portal, named in a regenerated preamble. */
  portalUrl: string;
  readOnlyReason: string | null;
  previewHref: string;
  actions: EditorActions;
}

export type CreateInput =
  | { source: "template" | "lastYear"; orgId: string; year: number }
  | { source: "import"; orgId: string; year: number; content: Report; findings: Finding[]; fileName: string };

export type CreateAction = (input: CreateInput) => Promise<ActionResult<{ id: string }>>;
