"use client";

import { useState } from "react";
import { OfficialTable } from "@/components/report/official-table";
import { getCell, setCell, type CellValue } from "@/lib/domain/cells";
import { cellId, type CellRef, type TableKey } from "@/lib/domain/format";
import { formulaOf } from "@/lib/domain/formula";
import { applyPaste, planPaste, type PastePlan } from "@/lib/domain/paste";
import type { Report, Tables } from "@/lib/domain/report-schema";
import { cellLabel, gridCells, moveFrom, type Move } from "@/lib/domain/table-grid";
import { TABLE_LAYOUTS, type LayoutValueCell } from "@/lib/domain/table-layout";
import { computeTotals } from "@/lib/domain/totals";
import { CellInput } from "./cell-input";
import { cellInputId, HEADER_PREFIX } from "./dom-ids";
import { PastePreview } from "./paste-preview";

// One official table as the editor grid: the same OfficialTable the public sees, an input in every value cell,
// computed totals read-only with their formula, last year's 现行有效件数 beside this year's, and pasting.

/** What the live findings say about a cell: the worst severity, and their messages for assistive technology. */
export interface CellMark {
  severity: "error" | "warning";
  messages: string[];
}

interface Props {
  table: TableKey;
  tables: Tables;
  previous: Report | null;
  readOnly: boolean;
  marks: ReadonlyMap<string, CellMark>;
  onChange(update: (tables: Tables) => Tables): void;
  /** The cell whose input has focus (null when focus leaves the table), for the hint in the save bar. */
  onFocusCell(ref: CellRef | null): void;
}

const domSafe = (ref: CellRef) => cellInputId(ref).slice("cell-".length);

function lastYearFigure(ref: CellRef, previous: Report | null): CellValue {
  if (!previous || ref.table !== "t2" || ref.col !== "inForce") return null;
  return getCell(previous.tables, ref);
}

/** The cell an input of this table stands for, from its id. */
function cellRefOf(target: EventTarget): CellRef | null {
  const id = target instanceof HTMLInputElement ? target.id : "";
  return gridCellsById.get(id) ?? null;
}

const gridCellsById = new Map(
  (["t2", "t3", "t4"] as const).flatMap((t) =>
    gridCells(t).map((g) => [cellInputId(g.cell.ref), g.cell.ref] as const),
  ),
);

export function EditorTable({ table, tables, previous, readOnly, marks, onChange, onFocusCell }: Props) {
  const [refusal, setRefusal] = useState<{ ref: CellRef; message: string } | null>(null);
  const [paste, setPaste] = useState<{ start: CellRef; plan: PastePlan } | null>(null);
  const messageId = `grid-message-${table}`;

  const commit = (ref: CellRef, value: CellValue) => onChange((t) => computeTotals(setCell(t, ref, value)));
  const refuse = (ref: CellRef, message: string | null) => setRefusal(message ? { ref, message } : null);
  const focusCell = (ref: CellRef) => document.getElementById(cellInputId(ref))?.focus();
  const move = (ref: CellRef, direction: Move) => {
    const to = moveFrom(ref, direction);
    if (to) focusCell(to);
  };

  function renderValue(cell: LayoutValueCell) {
    const formula = cell.computed ? formulaOf(cell.ref, tables) : null;
    const lastYear = lastYearFigure(cell.ref, previous);
    const ids = {
      formula: `formula-${domSafe(cell.ref)}`,
      last: `last-${domSafe(cell.ref)}`,
      finding: `finding-${domSafe(cell.ref)}`,
    };
    const isRefused = refusal !== null && cellId(refusal.ref) === cellId(cell.ref);
    const mark = marks.get(cellId(cell.ref));
    // The finding's message first: it is what a screen reader user landing here from 「定位到单元格」 needs.
    const describedBy = [
      isRefused ? messageId : "",
      mark ? ids.finding : "",
      formula ? ids.formula : "",
      lastYear !== null ? ids.last : "",
    ].filter(Boolean);
    return (
      <>
        <CellInput
          cell={cell}
          value={getCell(tables, cell.ref)}
          readOnly={readOnly}
          describedBy={describedBy}
          isInvalid={isRefused || mark?.severity === "error"}
          onCommit={commit}
          onRefuse={refuse}
          onMove={move}
          onPasteBlock={(start, text) => setPaste({ start, plan: planPaste(tables, start, text) })}
        />
        {mark && (
          <span id={ids.finding} className="visually-hidden">
            {mark.severity === "error" ? "错误：" : "警告："}
            {mark.messages.join("；")}
          </span>
        )}
        {formula && (
          <span id={ids.formula} className="visually-hidden">
            {formula}
          </span>
        )}
        {lastYear !== null && (
          <span id={ids.last} className="grid-last-year">
            上年：{String(lastYear)}
          </span>
        )}
      </>
    );
  }

  return (
    <div
      className="editor-table"
      onFocus={(e) => onFocusCell(cellRefOf(e.target))}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget)) onFocusCell(null);
      }}
    >
      <OfficialTable
        layout={TABLE_LAYOUTS[table]}
        idPrefix={HEADER_PREFIX}
        className="official-table--editor"
        valueClassName={(ref) => {
          const mark = marks.get(cellId(ref));
          return mark ? `has-${mark.severity}` : undefined;
        }}
        renderValue={renderValue}
      />
      <p id={messageId} className={refusal ? "grid-message is-shown" : "grid-message"} role="status">
        {refusal ? `${cellLabel(refusal.ref)}：${refusal.message}` : ""}
      </p>
      {paste && (
        <PastePreview
          plan={paste.plan}
          onApply={() => {
            const plan = paste.plan;
            onChange((t) => applyPaste(t, plan));
            setPaste(null);
            focusCell(paste.start);
          }}
          onCancel={() => {
            setPaste(null);
            focusCell(paste.start);
          }}
        />
      )}
    </div>
  );
}
