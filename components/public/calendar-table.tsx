import Link from "next/link";
import { formatDateZh } from "@/lib/domain/dates";
import {
  PUBLICATION_STATUS_LABELS,
  type PublicationStatus,
} from "@/lib/domain/calendar/publication-calendar";

// The publication calendar of one report year: deadline, status in words (colour only repeats it), and the
// report once published.

export interface CalendarTableRow {
  slug: string;
  name: string;
  deadline: string;
  status: PublicationStatus;
  days: number | null;
  report: { href: string; publishedAt: Date } | null;
}

function statusText(row: CalendarTableRow): string {
  const label = PUBLICATION_STATUS_LABELS[row.status];
  if (row.status === "pending" && row.days !== null) return `${label}（距截止${row.days}天）`;
  if (row.status === "overdue" && row.days !== null) return `${label}（已逾期${row.days}天）`;
  return label;
}

export function CalendarTable({ rows, year }: { rows: CalendarTableRow[]; year: number }) {
  return (
    <div
      className="table-scroll"
      role="region"
      aria-label={`${year}年度发布日历表（可横向滚动）`}
      tabIndex={0}
    >
      <table className="data-table data-table--compact calendar-table">
        <caption className="visually-hidden">{year}年度报告发布日历：各机关的截止日期与发布情况</caption>
        <thead>
          <tr>
            <th scope="col">机关</th>
            <th scope="col">截止日期</th>
            <th scope="col">状态</th>
            <th scope="col">年度报告</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.slug}>
              <th scope="row">
                <Link href={`/reports/${row.slug}`}>{row.name}</Link>
              </th>
              <td className="nowrap">{formatDateZh(row.deadline)}</td>
              <td>
                <span className={`status status--${row.status}`}>{statusText(row)}</span>
              </td>
              <td>
                {row.report ? (
                  <Link href={row.report.href}>
                    {formatDateZh(row.report.publishedAt)}发布
                    <span className="visually-hidden">（{year}年度报告）</span>
                  </Link>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
