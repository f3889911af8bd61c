"use client";

import { CARRIED_CONFIRMATION_TEXT, CARRIED_RULE_ID } from "@/lib/domain/carried-over";
import { explanationStatus, type WarningExplanation } from "@/lib/domain/explanation-state";
import type { Explanation } from "@/lib/domain/explanations";
import { cellId } from "@/lib/domain/format";
import type { Finding } from "@/lib/domain/findings";
import type { Tables } from "@/lib/domain/report-schema";
import type { CheckStage } from "@/lib/domain/rules/check-report";
import { FindingsPanel, SeverityTag } from "@/components/report/findings-panel";
import { ExplanationField } from "./explanation-field";
import { FindingsAnnouncer } from "./findings-announcer";

// The editor's 检查结果: the live findings of the same checkReport the server's submit gate runs, errors first, then warnings with the
// author's explanation. Choosing a finding focuses its cell or selects its text.

interface Props {
  findings: Finding[];
  explanations: Explanation[];
  tables: Tables;
  stage: CheckStage;
  readOnly: boolean;
  onStageChange(stage: CheckStage): void;
  onLocate(finding: Finding): void;
  onExplain(finding: Finding, text: string): void;
}

const keyOf = (f: Finding) =>
  `${f.ruleId}|${(f.cells ?? []).map(cellId).join(",")}|${f.cells?.length ? "" : f.message}`;

export function EditorFindingsPanel({
  findings,
  explanations,
  tables,
  stage,
  readOnly,
  onStageChange,
  onLocate,
  onExplain,
}: Props) {
  const warnings = findings.filter((f) => f.severity === "warning");
  const states = new Map(warnings.map((f) => [f, explanationStatus(f, explanations, tables)]));
  const unexplained = warnings.filter((f) => states.get(f)?.status !== "explained").length;
  return (
    <FindingsPanel
      title="检查结果"
      findings={findings}
      className="findings-panel"
      titleClassName="findings-panel__title"
      summary={(errors) => (
        // Not a live region: it changes with every keystroke. FindingsAnnouncer speaks, once typing pauses.
        <p className="findings-panel__summary">
          错误 {errors.length} 项 · 警告 {warnings.length} 项
          {warnings.length > 0 ? `（待说明 ${unexplained} 项）` : ""}
        </p>
      )}
      listClassName="findings-list"
      ordered
      renderFinding={(f, i) => (
        <EditorFinding
          key={`${keyOf(f)}-${i}`}
          finding={f}
          index={i}
          state={states.get(f)}
          readOnly={readOnly}
          onLocate={onLocate}
          onExplain={onExplain}
        />
      )}
    >
      <div className="field field--check">
        <input
          id="findings-stage"
          type="checkbox"
          checked={stage === "submit"}
          onChange={(e) => onStageChange(e.target.checked ? "submit" : "draft")}
        />
        <label htmlFor="findings-stage">按提交要求检查（含未填写的单元格和必填部分）</label>
      </div>
      <FindingsAnnouncer findings={findings} />
    </FindingsPanel>
  );
}

interface FindingProps {
  finding: Finding;
  index: number;
  state: WarningExplanation | undefined;
  readOnly: boolean;
  onLocate(finding: Finding): void;
  onExplain(finding: Finding, text: string): void;
}

function EditorFinding({ finding: f, index: i, state, readOnly, onLocate, onExplain }: FindingProps) {
  return (
    <li className={`finding is-${f.severity}`}>
      <p className="finding__head">
        <SeverityTag severity={f.severity} /> <code>{f.ruleId}</code>
      </p>
      <p className="finding__message">{f.message}</p>
      <p className="finding__links">
        {(f.cells?.length ?? 0) > 0 && (
          <button
            type="button"
            className="link-button"
            onClick={() => onLocate({ ...f, textSpan: undefined })}
          >
            定位到单元格
          </button>
        )}
        {f.field && !f.textSpan && (
          <button type="button" className="link-button" onClick={() => onLocate(f)}>
            定位到填写项
          </button>
        )}
        {f.textSpan && (
          <button type="button" className="link-button" onClick={() => onLocate({ ...f, cells: undefined })}>
            定位到原文
          </button>
        )}
      </p>
      {state && f.ruleId === CARRIED_RULE_ID && state.status !== "explained" && !readOnly && (
        <p className="finding__links">
          <button
            type="button"
            className="button button--small"
            onClick={() => onExplain(f, CARRIED_CONFIRMATION_TEXT)}
          >
            核实无误，保留
          </button>
        </p>
      )}
      {state && (
        <ExplanationField
          key={keyOf(f)}
          id={`explain-${i}`}
          state={state}
          readOnly={readOnly}
          onExplain={(text) => onExplain(f, text)}
        />
      )}
    </li>
  );
}
