// One report's audit trail as a table: when, who, what, the summary and the address it came from.
import type { HistoryRow } from "@/lib/domain/views/audit";

export function HistoryTable({ rows }: { rows: HistoryRow[] }) {
  if (rows.length === 0) return <p className="muted">暂无记录。</p>;
  return (
    <div className="table-scroll">
      <table className="data-table data-table--compact">
        <caption className="visually-hidden">操作记录，按时间先后排列</caption>
        <thead>
          <tr>
            <th scope="col">时间</th>
            <th scope="col">操作人</th>
            <th scope="col">操作</th>
            <th scope="col">摘要</th>
            <th scope="col">IP</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td className="nowrap">{r.atLabel}</td>
              <td>{r.actorName}</td>
              <th scope="row" className="nowrap">
                {r.actionLabel}
              </th>
              <td>{r.summary}</td>
              <td className="nowrap">{r.ip}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
