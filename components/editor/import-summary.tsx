"use client";

import { listCells } from "@/lib/domain/cells";
import { TABLE_TITLES, type TableKey } from "@/lib/domain/format";
import { listTextRuns, placeLabel } from "@/lib/domain/text-runs";
import type { ReadFile } from "./import-panel";

// The import's confirmation screen: what was recognised, what was not (and where it was kept), page chrome left
// out, and what the checks find, before anything is saved.

interface Props {
  read: ReadFile;
  orgName: string;
  year: number;
  pending: boolean;
  onConfirm(): void;
  onCancel(): void;
}

function Recognised({ read }: { read: ReadFile }) {
  const report = read.result.report;
  const runs = listTextRuns(report).filter((r) => r.paragraphs.length > 0);
  const cells = listCells(report.tables).filter((c) => !c.computed);
  const tables = (["t2", "t3", "t4"] as TableKey[]).map((t) => {
    const own = cells.filter((c) => c.table === t);
    return `${TABLE_TITLES[t]}：已读取${own.filter((c) => c.value !== null).length}/${own.length}个单元格`;
  });
  return (
    <ul>
      {runs.map((r) => (
        <li key={placeLabel(r.place)}>
          {placeLabel(r.place)}：{r.paragraphs.length}段
        </li>
      ))}
      {tables.map((t) => (
        <li key={t}>{t}</li>
      ))}
    </ul>
  );
}

export function ImportSummary({ read, orgName, year, pending, onConfirm, onCancel }: Props) {
  const { result, checks, fileName } = read;
  const meta = result.report.meta;
  const errors = checks.filter((f) => f.severity === "error");
  const warnings = checks.filter((f) => f.severity === "warning");
  return (
    <section className="import-summary" aria-labelledby="import-summary-title">
      <h3 id="import-summary-title">导入确认：{fileName}</h3>
      {!result.recognised && (
        <p className="form__alert" role="alert">
          未能在文件中找到年报的章节标题或统计表格，无法导入。
        </p>
      )}
      <dl className="facts">
        <dt>文件中的机关</dt>
        <dd>
          {meta.bodyName || "（未识别）"}
          {meta.bodyName && meta.bodyName !== orgName ? `（与本机关“${orgName}”不同，请核对）` : ""}
        </dd>
        <dt>文件中的年度</dt>
        <dd>
          {meta.year}年{meta.year !== year ? `（将按所选的${year}年度创建，请核对）` : ""}
        </dd>
        <dt>标题</dt>
        <dd>{meta.title || "（无）"}</dd>
      </dl>
      <h4>已识别的内容</h4>
      <Recognised read={read} />
      <h4>未能识别的文字（{result.unplaced.length}处）</h4>
      {result.unplaced.length === 0 ? (
        <p>全部文字均已放入对应部分。</p>
      ) : (
        <ul>
          {result.unplaced.map((u, i) => (
            <li key={i}>
              “{u.text}”——{u.reason}（已保留在“{placeLabel({ section: u.section, item: u.item })}”中）
            </li>
          ))}
        </ul>
      )}
      {result.ignored.length > 0 && (
        <details>
          <summary>已略去的网页元素（{result.ignored.length}处）</summary>
          <ul>
            {result.ignored.map((text, i) => (
              <li key={i}>{text}</li>
            ))}
          </ul>
        </details>
      )}
      <h4>
        检查发现：错误{errors.length}项，警告{warnings.length}项
      </h4>
      <ol className="import-summary__findings">
        {[...errors, ...warnings].map((f, i) => (
          <li key={i} className={`is-${f.severity}`}>
            <code>{f.ruleId}</code> {f.message}
          </li>
        ))}
      </ol>
      <div className="form__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={pending || !result.recognised}
          onClick={onConfirm}
        >
          确认导入并新建{year}年度报告
        </button>
        <button type="button" className="button" onClick={onCancel}>
          重新选择文件
        </button>
      </div>
    </section>
  );
}
