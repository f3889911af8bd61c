import Link from "next/link";

// The review screen's views: the report itself and its comparisons, as links (each view has its own address).

export const REVIEW_VIEWS = ["document", "previous", "lastYear", "published"] as const;
export type ReviewView = (typeof REVIEW_VIEWS)[number];

const LABELS: Record<ReviewView, string> = {
  document: "报告全文",
  previous: "与上次提交比较",
  lastYear: "与上年报告比较",
  published: "与已发布版本比较",
};

export function ReviewTabs({
  reportId,
  current,
  available,
}: {
  reportId: string;
  current: ReviewView;
  available: ReviewView[];
}) {
  return (
    <nav className="review-tabs no-print" aria-label="审核视图">
      <ul>
        {REVIEW_VIEWS.filter((v) => available.includes(v)).map((view) => (
          <li key={view}>
            <Link
              href={`/workspace/reports/${reportId}/review${view === "document" ? "" : `?view=${view}`}`}
              aria-current={view === current ? "page" : undefined}
              className="review-tabs__link"
            >
              {LABELS[view]}
            </Link>
          </li>
        ))}
        <li>
          <Link href={`/workspace/reports/${reportId}/history`} className="review-tabs__link">
            历史记录
          </Link>
        </li>
      </ul>
    </nav>
  );
}
