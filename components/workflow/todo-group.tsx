import Link from "next/link";
import { formatDateTimeZh } from "@/lib/domain/dates";
import type { TodoItem } from "@/lib/domain/views/workspace";

// One group of the to-do list (待我审批, 待我发布, …): what is asked, of which report, since when, how close the deadline.

export function TodoGroup({
  id,
  title,
  empty,
  items,
}: {
  id: string;
  title: string;
  empty: string;
  items: TodoItem[];
}) {
  return (
    <section className="panel todo-group" aria-labelledby={id}>
      <h2 id={id} className="panel__title">
        {title}（{items.length}）
      </h2>
      {items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="list-plain">
          {items.map((item) => (
            <li key={`${item.reportId}-${item.task}`}>
              <Link href={item.href}>
                {item.task}：{item.orgName} {item.year}年度报告
              </Link>{" "}
              <span className="tag">{item.statusLabel}</span>
              <span className="muted">
                {" "}
                · 自 {formatDateTimeZh(item.since)} ·{" "}
                {item.daysLeft > 0 ? `距公开期限 ${item.daysLeft} 天` : `已过公开期限 ${-item.daysLeft} 天`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
