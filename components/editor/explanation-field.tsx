"use client";

import { useState } from "react";
import type { WarningExplanation } from "@/lib/domain/explanation-state";

// The author's explanation of one warning. It is stored with the values of the cells the warning flags and
// counts only while they stay the same; after a change the warning asks again and offers the earlier text.

interface Props {
  id: string;
  state: WarningExplanation;
  readOnly: boolean;
  onExplain(text: string): void;
}

const STATUS_TEXT = {
  explained: "已说明",
  stale: "相关数值已变化，请重新说明",
  missing: "提交前须说明原因",
} as const;

export function ExplanationField({ id, state, readOnly, onExplain }: Props) {
  const current = state.status === "explained" ? (state.explanation?.text ?? "") : "";
  const [text, setText] = useState(current);
  const [seen, setSeen] = useState(current);
  if (current !== seen) {
    // Stored text changed elsewhere (a change of values, a merge): show it, unless it is what is being typed.
    setSeen(current);
    if (current.trim() !== text.trim()) setText(current);
  }
  return (
    <div className="explanation">
      <p className={`explanation__status is-${state.status}`}>{STATUS_TEXT[state.status]}</p>
      {state.status === "stale" && state.explanation && (
        <div className="explanation__earlier">
          <p>
            原说明（针对此前的数值）：<q>{state.explanation.text}</q>
          </p>
          {!readOnly && (
            <button type="button" className="link-button" onClick={() => onExplain(state.explanation!.text)}>
              沿用原说明
            </button>
          )}
        </div>
      )}
      <label htmlFor={id} className="explanation__label">
        说明（审核人可见）
      </label>
      <textarea
        id={id}
        className="explanation__text"
        rows={2}
        value={text}
        readOnly={readOnly}
        maxLength={2000}
        onChange={(e) => {
          setText(e.target.value);
          onExplain(e.target.value);
        }}
      />
    </div>
  );
}
