import Link from "next/link";
import { BOARD_SORT_KEYS, BOARD_SORT_LABELS, type BoardRow, type BoardSortKey } from "@/lib/domain/board";
import { formatDateTimeZh } from "@/lib/domain/dates";
import { BOARD_STATUS_LABELS } from "@/lib/domain/workflow/report-status";

// The deadline board's table: one row per body, every column sortable by a link (the order lives in the address).

interface Props {
  rows: BoardRow[];
  sort: BoardSortKey;
  dir: "asc" | "desc";
  /** The board's address with another order. */
  hrefFor(sort: BoardSortKey, dir: "asc" | "desc"): string;
}

function SortHeader({ sortKey, props }: { sortKey: BoardSortKey; props: Props }) {
  const active = props.sort === sortKey;
  const nextDir = active && props.dir === "asc" ? "desc" : "asc";
  return (
    <th
      scope="col"
      aria-sort={active ? (props.dir === "asc" ? "ascending" : "descending") : undefined}
      className="nowrap"
    >
      <Link href={props.hrefFor(sortKey, nextDir)} className="sort-link">
        {BOARD_SORT_LABELS[sortKey]}
        {active ? (props.dir === "asc" ? " ↑" : " ↓") : ""}
        <span className="visually-hidden">（按此列{nextDir === "asc" ? "升序" : "降序"}排列）</span>
      </Link>
    </th>
  );
}

function Days({ days }: { days: number }) {
  if (days > 0) return <>{days} 天</>;
  return <span className="days--late">{days === 0 ? "今日截止" : `已过 ${-days} 天`}</span>;
}

export function BoardTable(props: Props) {
  if (props.rows.length === 0) return <p className="muted">没有符合条件的机构。</p>;
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">各机构年报进度</caption>
        <thead>
          <tr>
            {BOARD_SORT_KEYS.map((key) => (
              <SortHeader key={key} sortKey={key} props={props} />
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr key={r.orgId}>
              <th scope="row">
                {r.reportId ? (
                  <Link href={`/workspace/reports/${r.reportId}/review`}>{r.orgName}</Link>
                ) : (
                  r.orgName
                )}
              </th>
              <td>
                <span className={`board-status board-status--${r.status}`}>
                  {BOARD_STATUS_LABELS[r.status]}
                </span>
                {r.detail && r.detail !== BOARD_STATUS_LABELS[r.status] && (
                  <span className="muted"> · {r.detail}</span>
                )}
              </td>
              <td className="nowrap">{r.lastActivityAt ? formatDateTimeZh(r.lastActivityAt) : "—"}</td>
              <td>{r.reportId ? r.errorCount : "—"}</td>
              <td>{r.reportId ? r.warningCount : "—"}</td>
              <td className="nowrap">
                <Days days={r.daysLeft} />
                <span className="muted">（{r.deadline}）</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
