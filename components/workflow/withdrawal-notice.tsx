import { formatDateZh } from "@/lib/domain/dates";
import type { WithdrawalNoticeView } from "@/lib/domain/views/editions";

// What the public sees at the address of a report whose publication was withdrawn: never a silent 404.
// Feed it getWithdrawalNotice(orgSlug, year) from lib/server/public/editions.ts.

export function WithdrawalNotice({ orgName, title, withdrawnAt, note }: WithdrawalNoticeView) {
  return (
    <div className="panel report-page">
      <h1 className="report-page__title">{title}</h1>
      <section className="withdrawal-notice" aria-labelledby="withdrawal-title">
        <h2 id="withdrawal-title">本报告已于{formatDateZh(withdrawnAt)}撤销发布</h2>
        <p>发布机构：{orgName}</p>
        <p>撤销说明：{note}</p>
      </section>
    </div>
  );
}
