"use client";

import { useEffect, useRef } from "react";
import { cellText } from "@/lib/domain/cell-input";
import { mismatchedTotals, type PastePlan } from "@/lib/domain/paste";
import { cellLabel } from "@/lib/domain/table-grid";

// The changes a pasted block would make, shown before anything changes: each cell's old and new value, what was
// not a number (left out), pasted totals that disagree with the computed ones, and what fell outside the table.

interface Props {
  plan: PastePlan;
  onApply(): void;
  onCancel(): void;
}

const shown = (text: string) => (text === "" ? "（空白）" : text);

export function PastePreview({ plan, onApply, onCancel }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
  }, []);
  const mismatched = mismatchedTotals(plan);
  const notes = [
    plan.labelColumns > 0 ? `已略去左侧${plan.labelColumns}列项目名称。` : "",
    plan.unchanged > 0 ? `${plan.unchanged}个单元格数值相同，无需修改。` : "",
    plan.outside > 0 ? `${plan.outside}个数值超出表格范围，已略去。` : "",
  ].filter(Boolean);
  return (
    <dialog ref={dialog} className="paste-preview" aria-labelledby="paste-preview-title" onCancel={onCancel}>
      <h2 id="paste-preview-title">粘贴预览</h2>
      <p>
        将修改 {plan.changes.length} 个单元格。{notes.join("")}
      </p>
      {plan.changes.length > 0 && (
        <div className="paste-preview__list">
          <table className="data-table data-table--compact">
            <caption className="visually-hidden">将要修改的单元格</caption>
            <thead>
              <tr>
                <th scope="col">单元格</th>
                <th scope="col">原值</th>
                <th scope="col">新值</th>
              </tr>
            </thead>
            <tbody>
              {plan.changes.map((c) => (
                <tr key={`${c.ref.row}-${c.ref.col}`}>
                  <th scope="row">{cellLabel(c.ref)}</th>
                  <td>{shown(cellText(c.before))}</td>
                  <td>{shown(cellText(c.after))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {plan.invalid.length > 0 && (
        <div className="form__alert">
          <p>以下内容不是有效数字，不会粘贴：</p>
          <ul>
            {plan.invalid.map((p) => (
              <li key={`${p.ref.row}-${p.ref.col}`}>
                {cellLabel(p.ref)}：“{p.raw}”——{p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {mismatched.length > 0 && (
        <div className="callout callout--warning">
          <p>合计由系统自动计算，不会粘贴。以下粘贴的合计与计算结果不一致，请检查复制的区域是否对齐：</p>
          <ul>
            {mismatched.map((t) => (
              <li key={`${t.ref.row}-${t.ref.col}`}>
                {cellLabel(t.ref)}：粘贴为{cellText(t.pasted)}，计算为{shown(cellText(t.computed))}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="form__actions">
        <button
          type="button"
          className="button button--primary"
          onClick={onApply}
          disabled={plan.changes.length === 0}
        >
          应用 {plan.changes.length} 处修改
        </button>
        <button type="button" className="button" onClick={onCancel}>
          取消
        </button>
      </div>
    </dialog>
  );
}
