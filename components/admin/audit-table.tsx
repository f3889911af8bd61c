// The administrators' audit log as a table: when, who, what, about which organisation or account, and from where.
import type { AuditRow } from "@/lib/domain/views/audit";

export function AuditTable({ rows }: { rows: AuditRow[] }) {
  if (rows.length === 0) return <p>没有符合条件的记录。</p>;
  return (
    <div className="table-scroll">
      <table className="data-table data-table--compact">
        <thead>
          <tr>
            <th scope="col">时间</th>
            <th scope="col">操作人</th>
            <th scope="col">操作</th>
            <th scope="col">机构</th>
            <th scope="col">对象</th>
            <th scope="col">说明</th>
            <th scope="col">IP</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td className="nowrap">{r.atLabel}</td>
              <td>{r.actorName || "—"}</td>
              <td className="nowrap">{r.actionLabel}</td>
              <td>{r.orgName || "—"}</td>
              <td>{r.targetLabel || "—"}</td>
              <td>{r.summary}</td>
              <td className="nowrap">{r.ip || "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
