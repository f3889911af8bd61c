"use client";

import { useRouter } from "next/navigation";
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from "react";
import type { DraftDoc } from "@/lib/domain/draft-merge";
import { setExplanation } from "@/lib/domain/explanation-state";
import { cellId, type CellRef } from "@/lib/domain/format";
import type { Finding } from "@/lib/domain/findings";
import { reportTitle } from "@/lib/domain/prefill";
import type { Report } from "@/lib/domain/report-schema";
import { checkReport, type CheckStage } from "@/lib/domain/rules/check-report";
import {
  CARRIED_RULE_ID,
  confirmationOf,
  findCarriedSentences,
  isConfirmed,
  type CarriedSentence,
} from "@/lib/domain/carried-over";
import { ConflictView } from "./conflict-view";
import type { CellMark } from "./editor-table";
import { EditorDocument } from "./editor-document";
import { EditorFindingsPanel } from "./findings-panel";
import { clearLocalCopy } from "./local-copy";
import { locateFinding } from "./locate";
import { PresenceNotice } from "./presence-notice";
import { RestoreOffer } from "./restore-offer";
import { SaveBar } from "./save-bar";
import type { EditorProps } from "./types";
import { useDraft } from "./use-draft";

// The report editor: the draft and its saving (use-draft), the live checks of the same checkReport the server
// runs, the document as forms, and the findings beside it.

function cellMarks(findings: readonly Finding[]): Map<string, CellMark> {
  const marks = new Map<string, CellMark>();
  for (const f of findings) {
    for (const ref of f.cells ?? []) {
      const mark = marks.get(cellId(ref));
      const severity = mark?.severity === "error" ? "error" : f.severity;
      const messages = mark?.messages.includes(f.message)
        ? mark.messages
        : [...(mark?.messages ?? []), f.message];
      marks.set(cellId(ref), { severity, messages });
    }
  }
  return marks;
}

function useSaveShortcut(save: () => void) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
        event.preventDefault();
        save();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [save]);
}

export function ReportEditor(props: EditorProps) {
  const router = useRouter();
  const readOnly = props.readOnlyReason !== null;
  const { state, dispatch, save } = useDraft({
    ...props,
    isReadOnly: readOnly,
    onSaved: () => router.refresh(),
  });
  const [stage, setStage] = useState<CheckStage>("draft");
  const [focusedCell, setFocusedCell] = useState<CellRef | null>(null);
  const content = useDeferredValue(state.doc.content);
  const explanations = useDeferredValue(state.doc.explanations);
  const findings = useMemo(
    () => checkReport(content, { previous: props.previous, profile: props.profile, stage, explanations }),
    [content, props.previous, props.profile, stage, explanations],
  );
  const carried = useMemo(
    () =>
      findCarriedSentences(content, props.previous).map((sentence) => ({
        sentence,
        confirmed: isConfirmed(sentence, explanations),
      })),
    [content, props.previous, explanations],
  );
  const edit = useCallback(
    (change: (doc: DraftDoc) => DraftDoc) => dispatch({ type: "edit", change }),
    [dispatch],
  );
  const saveNow = useCallback(() => void save(false), [save]);
  useSaveShortcut(saveNow);

  const explain = (finding: Finding, text: string) =>
    edit((doc) => ({
      ...doc,
      explanations: setExplanation(doc.explanations, finding, doc.content.tables, text, {
        by: props.userId,
        at: new Date().toISOString(),
      }),
    }));
  const confirm = (sentence: CarriedSentence, confirmed: boolean) =>
    edit((doc) => {
      const others = doc.explanations.filter(
        (e) => !(e.ruleId === CARRIED_RULE_ID && e.values[0] === sentence.key),
      );
      const at = new Date().toISOString();
      return {
        ...doc,
        explanations: confirmed ? [...others, confirmationOf(sentence, props.userId, at)] : others,
      };
    });
  const preview = async () => {
    await save(false);
    router.push(props.previewHref);
  };
  return (
    <div className="editor">
      <SaveBar
        state={state}
        focused={focusedCell}
        readOnly={readOnly}
        onSave={saveNow}
        onPreview={() => void preview()}
      />
      <PresenceNotice reportId={props.reportId} actions={props.actions} />
      {props.readOnlyReason && <p className="callout callout--info">{props.readOnlyReason}</p>}
      {state.restorable && (
        <RestoreOffer
          copy={state.restorable}
          version={state.baseVersion}
          onRestore={() => dispatch({ type: "restore" })}
          onDiscard={() => {
            clearLocalCopy(props.userId, props.reportId);
            dispatch({ type: "dismissRestore" });
          }}
        />
      )}
      {state.conflict && (
        <ConflictView
          base={state.base}
          mine={state.doc}
          latest={state.conflict}
          onMerge={(doc) => dispatch({ type: "resolved", doc, latest: state.conflict! })}
          onDiscard={() => {
            clearLocalCopy(props.userId, props.reportId);
            dispatch({ type: "discard", latest: state.conflict! });
            router.refresh();
          }}
        />
      )}
      <div className="editor__body">
        <EditorDocument
          content={state.doc.content}
          previous={props.previous}
          readOnly={readOnly}
          findings={findings}
          carried={carried}
          onConfirm={confirm}
          fieldErrors={state.fieldErrors}
          marks={cellMarks(findings)}
          portalUrl={props.portalUrl}
          defaultTitle={reportTitle(state.doc.content.meta.bodyName, props.year)}
          onChange={(change: (r: Report) => Report) =>
            edit((doc) => ({ ...doc, content: change(doc.content) }))
          }
          onLocate={locateFinding}
          onFocusCell={setFocusedCell}
        />
        <EditorFindingsPanel
          findings={findings}
          explanations={state.doc.explanations}
          tables={content.tables}
          stage={stage}
          readOnly={readOnly}
          onStageChange={setStage}
          onLocate={locateFinding}
          onExplain={explain}
        />
      </div>
    </div>
  );
}
