import { getCell, type CellValue } from "@/lib/domain/cells";
import {
  diffReports,
  isTextPartChanged,
  type CellChange,
  type ParagraphChange,
  type ReportDiff,
} from "@/lib/domain/diff";
import { cellId, type TableKey } from "@/lib/domain/format";
import type { Report } from "@/lib/domain/report-schema";
import { TABLE_KEYS, TABLE_LAYOUTS } from "@/lib/domain/table-layout";
import { OfficialTable } from "@/components/report/official-table";

// Two versions of a report side by side where they differ: changed fields, the prose paragraph by paragraph, and
// each table with its changed cells highlighted (old value struck through, new value marked).

interface Props {
  before: Report;
  after: Report;
  beforeLabel: string;
  afterLabel: string;
}

const shown = (v: CellValue) => (v === null ? "空" : String(v));

function Change({ change }: { change: ParagraphChange }) {
  switch (change.kind) {
    case "same":
      return <p>{change.text}</p>;
    case "added":
      return (
        <p className="diff-para diff-para--added">
          <ins>
            <span className="visually-hidden">新增段落：</span>
            {change.after}
          </ins>
        </p>
      );
    case "removed":
      return (
        <p className="diff-para diff-para--removed">
          <del>
            <span className="visually-hidden">删除段落：</span>
            {change.before}
          </del>
        </p>
      );
    case "changed":
      return (
        <div className="diff-para diff-para--changed">
          <p>
            <del>
              <span className="visually-hidden">原文：</span>
              {change.before}
            </del>
          </p>
          <p>
            <ins>
              <span className="visually-hidden">改为：</span>
              {change.after}
            </ins>
          </p>
        </div>
      );
  }
}

function ChangedTable({ table, diff, after }: { table: TableKey; diff: ReportDiff; after: Report }) {
  const changes = new Map<string, CellChange>(
    diff.cells.filter((c) => c.ref.table === table).map((c) => [cellId(c.ref), c]),
  );
  if (changes.size === 0) return null;
  return (
    <>
      <h3>
        {TABLE_LAYOUTS[table].caption.split("　")[0]}：{changes.size} 个单元格不同
      </h3>
      <OfficialTable
        layout={TABLE_LAYOUTS[table]}
        idPrefix={`diff-${table}-`}
        valueClassName={(ref) => (changes.has(cellId(ref)) ? "is-changed" : undefined)}
        renderValue={(cell) => {
          const change = changes.get(cellId(cell.ref));
          if (!change) return getCell(after.tables, cell.ref) ?? "";
          return (
            <>
              <del>
                <span className="visually-hidden">原为</span>
                {shown(change.before)}
              </del>{" "}
              <ins>
                <span className="visually-hidden">现为</span>
                {shown(change.after)}
              </ins>
            </>
          );
        }}
      />
    </>
  );
}

export function ReportDiffView({ before, after, beforeLabel, afterLabel }: Props) {
  const diff = diffReports(before, after);
  const texts = diff.texts.filter(isTextPartChanged);
  const total = diff.fields.length + texts.length + diff.cells.length;
  return (
    <div className="report-diff">
      <p className="report-diff__legend">
        比较：<del>{beforeLabel}</del> → <ins>{afterLabel}</ins>。
        {total === 0
          ? "两个版本内容相同。"
          : `字段 ${diff.fields.length} 处、文字 ${texts.length} 部分、表格 ${diff.cells.length} 个单元格不同。`}
      </p>
      {diff.fields.length > 0 && (
        <table className="data-table">
          <caption className="visually-hidden">字段变化</caption>
          <thead>
            <tr>
              <th scope="col">项目</th>
              <th scope="col">{beforeLabel}</th>
              <th scope="col">{afterLabel}</th>
            </tr>
          </thead>
          <tbody>
            {diff.fields.map((f) => (
              <tr key={f.key}>
                <th scope="row">{f.label}</th>
                <td>
                  <del>{f.before || "（空）"}</del>
                </td>
                <td>
                  <ins>{f.after || "（空）"}</ins>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {texts.map((part) => (
        <section key={part.key} className="report-diff__part" aria-label={part.label}>
          <h3>{part.label}</h3>
          {part.changes.map((change, i) => (
            <Change key={i} change={change} />
          ))}
        </section>
      ))}
      {TABLE_KEYS.map((table) => (
        <ChangedTable key={table} table={table} diff={diff} after={after} />
      ))}
    </div>
  );
}
