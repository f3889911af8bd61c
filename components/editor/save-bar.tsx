"use client";

import { formatDateTimeZh } from "@/lib/domain/dates";
import type { CellRef } from "@/lib/domain/format";
import { formulaOf } from "@/lib/domain/formula";
import type { Tables } from "@/lib/domain/report-schema";
import { cellLabel } from "@/lib/domain/table-grid";
import { isDirty, type DraftState } from "./draft-state";

// Where saving stands, always in view: saved (which version, when), unsaved edits, saving, a failure with its
// reason, a conflict. The save button saves at once; autosave follows a pause in typing.

interface Props {
  state: DraftState;
  /** The table cell being edited, named with its formula when computed. */
  focused: CellRef | null;
  readOnly: boolean;
  onSave(): void;
  onPreview(): void;
}

function statusText(state: DraftState): string {
  if (state.phase === "conflict") return "报告已被他人修改，请在“保存冲突”中逐项选择后保存";
  if (state.phase === "saving") return "正在保存…";
  if (state.phase === "failed") return `保存失败：${state.message ?? ""}`;
  if (isDirty(state)) return "有未保存的修改（停止输入后自动保存）";
  const when = state.savedAt ? `，${formatDateTimeZh(new Date(state.savedAt))}` : "";
  return `已保存（第${state.baseVersion}版${when}）`;
}

/** A server field error path, "content.tables.t3.withheld.stateSecret.natural", as the cell's name. */
function fieldName(path: string): string {
  const parts = path.split(".");
  if (parts[0] === "content" && parts[1] === "tables" && parts.length >= 5) {
    const table = parts[2] as "t2" | "t3" | "t4";
    return cellLabel({ table, row: parts.slice(3, -1).join("."), col: parts.at(-1)! });
  }
  return path;
}

function CellHint({ focused, tables }: { focused: CellRef; tables: Tables }) {
  const formula = formulaOf(focused, tables);
  return (
    <p className={formula ? "save-bar__hint is-formula" : "save-bar__hint"} aria-hidden="true">
      <strong>{cellLabel(focused)}</strong>
      {formula
        ? `　自动计算：${formula}`
        : "　方向键在单元格间移动（F2后可在格内移动光标），回车下移；可粘贴从Excel复制的整块数据"}
    </p>
  );
}

export function SaveBar({ state, focused, readOnly, onSave, onPreview }: Props) {
  const errors = Object.entries(state.fieldErrors);
  return (
    <div className="save-bar no-print">
      <p className={`save-bar__status is-${state.phase}`} role="status">
        {readOnly ? "只读" : statusText(state)}
      </p>
      <div className="save-bar__actions">
        {!readOnly && (
          <button
            type="button"
            className="button button--primary"
            onClick={onSave}
            disabled={
              state.phase === "saving" ||
              state.phase === "conflict" ||
              (!isDirty(state) && state.phase !== "failed")
            }
          >
            保存
          </button>
        )}
        <button type="button" className="button" onClick={onPreview}>
          预览
        </button>
      </div>
      {focused && <CellHint focused={focused} tables={state.doc.content.tables} />}
      {errors.length > 0 && (
        <ul className="save-bar__errors">
          {errors.map(([path, message]) => (
            <li key={path}>
              {fieldName(path)}：{message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
