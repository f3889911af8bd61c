import { formatDateTimeZh, formatDateZh } from "@/lib/domain/dates";
import type { PublicEditionHistory } from "@/lib/domain/views/editions";

// On the public report page: 「本报告已于…更正」 with the 更正说明 and a field-level list of what changed, the
// 「未经第二人审核」 mark of a force-published edition, and the list of every edition with links to earlier ones.
// Feed it getPublicEditionHistory(orgSlug, year) from lib/server/public/editions.ts.

export function CorrectionNotice({
  current,
  correction,
}: Pick<PublicEditionHistory, "current" | "correction">) {
  return (
    <>
      {correction && (
        <section className="correction-notice" aria-labelledby="correction-title">
          <h2 id="correction-title">本报告已于{formatDateZh(correction.correctedAt)}更正</h2>
          <p>更正说明：{correction.note}</p>
          {correction.changes.length > 0 && (
            <>
              <p>更正的内容：</p>
              <ul>
                {correction.changes.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </>
          )}
          <p>
            <a href={correction.previousHref}>查看更正前的版本</a>
          </p>
        </section>
      )}
      {current.isUnreviewed && (
        <p className="unreviewed-mark" role="note">
          本版本未经第二人审核（因临近公开期限由上级机关强制发布），审核完成后将撤除本标注。
        </p>
      )}
    </>
  );
}

export function EditionList({ editions }: Pick<PublicEditionHistory, "editions">) {
  if (editions.length < 2) return null;
  return (
    <nav className="edition-list" aria-labelledby="edition-list-title">
      <h2 id="edition-list-title">历次版本</h2>
      <ul>
        {editions.map((e) => (
          <li key={e.number}>
            {e.isCurrent || e.withdrawnAt ? `第${e.number}版` : <a href={e.href}>第{e.number}版</a>}（
            {formatDateTimeZh(e.publishedAt)}发布
            {e.isCurrent ? "，当前版本" : ""}
            {e.withdrawnAt ? "，已撤销" : ""}）{e.changeNote ? `：${e.changeNote}` : ""}
          </li>
        ))}
      </ul>
    </nav>
  );
}
