"use client";

import { useCallback, useEffect, useReducer, useRef } from "react";
import { sameDraft } from "@/lib/domain/draft-equality";
import { planMerge, type DraftDoc } from "@/lib/domain/draft-merge";
import { draftReducer, initialDraft, isDirty, type DraftAction, type DraftState } from "./draft-state";
import { clearLocalCopy, readLocalCopy, writeLocalCopy } from "./local-copy";
import type { EditorActions } from "./types";

// Saving the draft: explicit save, a debounced autosave (one version per pause in typing, not per keystroke),
// retries after network failures, the conflict path on a refused save, and the browser copy of unsaved edits.

/** Quiet time after the last edit before autosaving. */
export const AUTOSAVE_DELAY_MS = 2_000;
/** Longest a draft stays unsaved while someone keeps typing. */
const AUTOSAVE_MAX_WAIT_MS = 15_000;
const RETRY_DELAY_MS = 10_000;

interface Options {
  reportId: string;
  userId: string;
  version: number;
  initial: DraftDoc;
  isReadOnly: boolean;
  actions: EditorActions;
  onSaved?: () => void;
}

export function useDraft(o: Options) {
  const [state, dispatch] = useReducer(draftReducer, undefined, () => initialDraft(o.initial, o.version));
  const stateRef = useRef<DraftState>(state);
  const inFlight = useRef(false);
  const options = useRef(o);
  useEffect(() => {
    stateRef.current = state;
    options.current = o;
  });

  const save = useCallback(async (autosave: boolean) => {
    const s = stateRef.current;
    const { reportId, actions, onSaved } = options.current;
    if (inFlight.current || s.phase === "conflict" || (!isDirty(s) && s.phase !== "failed")) return;
    inFlight.current = true;
    dispatch({ type: "saving" });
    const { doc, revision, baseVersion } = s;
    try {
      const result = await actions.save({ reportId, expectedVersion: baseVersion, ...doc, autosave });
      if (result.ok) {
        dispatch({
          type: "saved",
          revision,
          doc,
          version: result.data.version,
          savedAt: result.data.savedAt,
        });
        onSaved?.();
      } else if (result.code === "CONFLICT") {
        const latest = await actions.latest({ reportId });
        if (!latest.ok) dispatch({ type: "failed", message: latest.message, isPermanent: true });
        else if (latest.data.isEditable && planMerge(s.base, doc, latest.data).length === 0) {
          // Someone saved exactly what this draft holds: nothing to choose.
          dispatch({ type: "resolved", doc, latest: latest.data });
        } else dispatch({ type: "conflict", latest: latest.data });
      } else {
        dispatch({
          type: "failed",
          message: result.message,
          isPermanent: true,
          fieldErrors: result.fieldErrors,
        });
      }
    } catch {
      dispatch({
        type: "failed",
        message: "网络异常，保存失败。修改已保存在本机，稍后将自动重试。",
        isPermanent: false,
      });
    } finally {
      inFlight.current = false;
    }
  }, []);

  useOfferLocalCopy(o, dispatch);
  useAutosave(state, save);
  useLocalCopy(state, o.reportId, o.userId, o.isReadOnly);
  useLeaveWarning(state);

  return { state, dispatch, save };
}

/** After mounting (the server cannot see the browser's storage): offers a local copy that differs from the server's. */
function useOfferLocalCopy(o: Options, dispatch: React.Dispatch<DraftAction>) {
  const { reportId, userId, isReadOnly } = o;
  const initial = useRef(o.initial);
  useEffect(() => {
    if (isReadOnly) return;
    const local = readLocalCopy(userId, reportId);
    if (local && !sameDraft(local.doc, initial.current)) dispatch({ type: "offerRestore", local });
    else if (local) clearLocalCopy(userId, reportId);
  }, [reportId, userId, isReadOnly, dispatch]);
}

function useAutosave(state: DraftState, save: (autosave: boolean) => Promise<void>) {
  const dirty = isDirty(state);
  const dirtySinceRef = useRef<number | null>(null);
  useEffect(() => {
    if (!dirty) {
      dirtySinceRef.current = null;
      return;
    }
    if (
      state.phase === "conflict" ||
      state.phase === "saving" ||
      (state.phase === "failed" && state.isPermanent)
    )
      return;
    dirtySinceRef.current ??= Date.now();
    const waited = Date.now() - dirtySinceRef.current;
    const delay =
      state.phase === "failed"
        ? RETRY_DELAY_MS
        : Math.min(AUTOSAVE_DELAY_MS, Math.max(0, AUTOSAVE_MAX_WAIT_MS - waited));
    const timer = window.setTimeout(() => void save(true), delay);
    return () => window.clearTimeout(timer);
  }, [dirty, state.revision, state.phase, state.isPermanent, save]);

  useEffect(() => {
    const flush = () => {
      if (document.visibilityState === "hidden") void save(true);
    };
    document.addEventListener("visibilitychange", flush);
    return () => document.removeEventListener("visibilitychange", flush);
  }, [save]);
}

/** Writes unsaved edits to the browser on every change; clears the copy once a save has caught up with them. */
function useLocalCopy(state: DraftState, reportId: string, userId: string, isReadOnly: boolean) {
  const dirty = isDirty(state);
  const wasDirty = useRef(false);
  useEffect(() => {
    if (isReadOnly) return;
    if (dirty) {
      writeLocalCopy(userId, reportId, {
        baseVersion: state.baseVersion,
        base: state.base,
        doc: state.doc,
        savedAt: new Date().toISOString(),
      });
    } else if (wasDirty.current) {
      clearLocalCopy(userId, reportId);
    }
    wasDirty.current = dirty;
  }, [dirty, state.doc, state.base, state.baseVersion, reportId, userId, isReadOnly]);
}

function useLeaveWarning(state: DraftState) {
  const dirty = isDirty(state) || state.phase === "conflict";
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);
}
