// What the editor components receive from the page: plain data and the server actions (as props, never imported:
// components do not reach into lib/server). Results mirror lib/server/platform/action.ts's ActionResult.
import type { DraftDoc } from "@/lib/domain/draft-merge";
import type { Explanation } from "@/lib/domain/explanations";
import type { Report } from "@/lib/domain/report-schema";
import type { BodyProfile } from "@/lib/domain/rules";
import type { Finding } from "@/lib/domain/findings";

export type Result<T> =
  { ok: true; data: T } | { ok: false; code: string; message: string; fieldErrors?: Record<string, string> };

export interface SaveInput {
  reportId: string;
  expectedVersion: number;
  content: Report;
  explanations: Explanation[];
  autosave: boolean;
}

export interface Saved {
  version: number;
  savedAt: string;
  changed: boolean;
}

export interface Latest {
  version: number;
  status: string;
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

export interface EditorActions {
  save(input: SaveInput): Promise<Result<Saved>>;
  latest(input: { reportId: string }): Promise<Result<Latest>>;
  presence(input: { reportId: string }): Promise<Result<PresentUser[]>>;
  leave(input: { reportId: string }): Promise<Result<unknown>>;
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

export type CreateAction = (input: CreateInput) => Promise<Result<{ id: string }>>;
