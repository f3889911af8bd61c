"use client";

import { useRef, useState } from "react";
import type { CellValue } from "@/lib/domain/cells";
import { cellText, isPartialInput, parseCellInput } from "@/lib/domain/cell-input";
import type { CellRef } from "@/lib/domain/format";
import { isBlock } from "@/lib/domain/paste";
import { labelIdsOf, type Move } from "@/lib/domain/table-grid";
import type { LayoutValueCell } from "@/lib/domain/table-layout";
import { cellInputId, HEADER_PREFIX } from "./dom-ids";

// One cell of the editor grid: named by its row and column headers, numbers only (anything else is refused with
// a message and never stored), spreadsheet keys (arrows, Enter, Escape), a pasted block handed to the table.
// A computed cell is read-only and describes its formula, which shows while it has focus.

interface Props {
  cell: LayoutValueCell;
  value: CellValue;
  readOnly: boolean;
  /** Ids of texts describing the cell: its formula, last year's figure, the current input message. */
  describedBy: string[];
  isInvalid: boolean;
  onCommit(ref: CellRef, value: CellValue): void;
  onRefuse(ref: CellRef, message: string | null): void;
  onMove(ref: CellRef, move: Move): void;
  onPasteBlock(ref: CellRef, text: string): void;
}

const MOVES: Record<string, Move> = {
  ArrowUp: "up",
  ArrowDown: "down",
  ArrowLeft: "left",
  ArrowRight: "right",
};

/** As in a spreadsheet, arrows move between cells; after F2 or a double click, left and right move the caret. */
function arrowMovesCell(move: Move, isEditing: boolean): boolean {
  return move === "up" || move === "down" || !isEditing;
}

export function CellInput({
  cell,
  value,
  readOnly,
  describedBy,
  isInvalid,
  onCommit,
  onRefuse,
  onMove,
  onPasteBlock,
}: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  const valueAtFocus = useRef<CellValue>(value);
  const editing = useRef(false);
  const { ref, isDecimal, computed } = cell;
  const isLocked = readOnly || computed;

  function change(raw: string) {
    const parsed = parseCellInput(raw, isDecimal);
    if (parsed.ok) {
      setDraft(raw);
      onRefuse(ref, null);
      if (String(parsed.value) !== String(value)) onCommit(ref, parsed.value);
    } else if (isPartialInput(raw, isDecimal)) {
      setDraft(raw);
      const whole = parseCellInput(raw.trim().slice(0, -1), isDecimal);
      if (whole.ok && String(whole.value) !== String(value)) onCommit(ref, whole.value);
    } else {
      onRefuse(ref, parsed.message);
    }
  }

  function keyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "F2") editing.current = true;
    const move = MOVES[event.key] ?? (event.key === "Enter" ? (event.shiftKey ? "up" : "down") : null);
    if (move && arrowMovesCell(move, editing.current)) {
      event.preventDefault();
      onMove(ref, move);
    } else if (event.key === "Escape" && !isLocked) {
      setDraft(null);
      onRefuse(ref, null);
      if (String(valueAtFocus.current) !== String(value)) onCommit(ref, valueAtFocus.current);
    }
  }

  function paste(event: React.ClipboardEvent<HTMLInputElement>) {
    const text = event.clipboardData.getData("text/plain");
    if (!isBlock(text) || readOnly) return;
    event.preventDefault();
    onPasteBlock(ref, text);
  }

  return (
    <input
      id={cellInputId(ref)}
      className="grid-input"
      type="text"
      inputMode={isDecimal ? "decimal" : "numeric"}
      autoComplete="off"
      aria-labelledby={labelIdsOf(cell)
        .map((id) => `${HEADER_PREFIX}${id}`)
        .join(" ")}
      aria-describedby={describedBy.length > 0 ? describedBy.join(" ") : undefined}
      aria-invalid={isInvalid || undefined}
      readOnly={isLocked}
      value={draft ?? cellText(value)}
      onChange={(e) => change(e.target.value)}
      onFocus={(e) => {
        valueAtFocus.current = value;
        e.currentTarget.select();
      }}
      onBlur={() => {
        setDraft(null);
        editing.current = false;
      }}
      onDoubleClick={() => {
        editing.current = true;
      }}
      onKeyDown={keyDown}
      onPaste={paste}
    />
  );
}
