// The editor's draft as a reducer: the working copy, the stored version it is based on, and where saving stands.
// `revision` counts local edits; the draft is dirty while it is ahead of `savedRevision`.
import type { DraftDoc } from "@/lib/domain/draft-merge";
import type { LatestDraft } from "@/lib/domain/views/drafts";

export type SavePhase = "idle" | "saving" | "failed" | "conflict";

export interface LocalCopy {
  baseVersion: number;
  base: DraftDoc;
  doc: DraftDoc;
  savedAt: string;
}

export interface DraftState {
  doc: DraftDoc;
  /** The stored version the draft is based on, and its content (the common version for a merge). */
  base: DraftDoc;
  baseVersion: number;
  revision: number;
  savedRevision: number;
  phase: SavePhase;
  message: string | null;
  /** A failure that retrying will not cure (no permission, signed out, invalid input). */
  isPermanent: boolean;
  fieldErrors: Record<string, string>;
  savedAt: string | null;
  conflict: LatestDraft | null;
  restorable: LocalCopy | null;
}

export type DraftAction =
  | { type: "edit"; change: (doc: DraftDoc) => DraftDoc }
  | { type: "saving" }
  | { type: "saved"; revision: number; doc: DraftDoc; version: number; savedAt: string }
  | { type: "failed"; message: string; isPermanent: boolean; fieldErrors?: Record<string, string> }
  | { type: "conflict"; latest: LatestDraft }
  | { type: "resolved"; doc: DraftDoc; latest: LatestDraft }
  | { type: "discard"; latest: LatestDraft }
  | { type: "offerRestore"; local: LocalCopy }
  | { type: "restore" }
  | { type: "dismissRestore" };

export function initialDraft(doc: DraftDoc, version: number): DraftState {
  return {
    doc,
    base: doc,
    baseVersion: version,
    revision: 0,
    savedRevision: 0,
    phase: "idle",
    message: null,
    isPermanent: false,
    fieldErrors: {},
    savedAt: null,
    conflict: null,
    restorable: null,
  };
}

export const isDirty = (s: DraftState) => s.revision > s.savedRevision;

export function draftReducer(state: DraftState, action: DraftAction): DraftState {
  switch (action.type) {
    case "edit": {
      // An edit may cure what made the last save fail: the next autosave tries again.
      const phase = state.phase === "failed" ? "idle" : state.phase;
      return { ...state, phase, doc: action.change(state.doc), revision: state.revision + 1 };
    }
    case "saving":
      return { ...state, phase: "saving" };
    case "saved":
      return {
        ...state,
        phase: "idle",
        message: null,
        isPermanent: false,
        fieldErrors: {},
        base: action.doc,
        baseVersion: action.version,
        savedRevision: Math.max(state.savedRevision, action.revision),
        savedAt: action.savedAt,
      };
    case "failed":
      return {
        ...state,
        phase: "failed",
        message: action.message,
        isPermanent: action.isPermanent,
        fieldErrors: action.fieldErrors ?? {},
      };
    case "conflict":
      return { ...state, phase: "conflict", conflict: action.latest, message: null };
    case "resolved": {
      const theirs = { content: action.latest.content, explanations: action.latest.explanations };
      return {
        ...state,
        phase: "idle",
        conflict: null,
        doc: action.doc,
        base: theirs,
        baseVersion: action.latest.version,
        revision: state.revision + 1,
      };
    }
    case "discard": {
      const theirs = { content: action.latest.content, explanations: action.latest.explanations };
      return {
        ...state,
        phase: "idle",
        conflict: null,
        doc: theirs,
        base: theirs,
        baseVersion: action.latest.version,
        savedRevision: state.revision,
      };
    }
    case "offerRestore":
      return { ...state, restorable: action.local };
    case "restore": {
      const local = state.restorable;
      if (!local) return state;
      return {
        ...state,
        doc: local.doc,
        base: local.base,
        baseVersion: local.baseVersion,
        revision: state.revision + 1,
        restorable: null,
      };
    }
    case "dismissRestore":
      return { ...state, restorable: null };
  }
}
