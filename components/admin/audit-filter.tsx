import Link from "next/link";

interface Option {
  value: string;
  label: string;
}

interface Props {
  values: { org?: string; actor?: string; action?: string; from?: string; to?: string };
  orgOptions: Option[];
  actionOptions: Option[];
  exportHref: string;
}

/** A plain GET form: the filter lives in the address, so a filtered view can be bookmarked and exported. */
export function AuditFilter({ values, orgOptions, actionOptions, exportHref }: Props) {
  return (
    <form method="get" className="filter-bar" aria-label="筛选审计日志">
      <div className="field">
        <label htmlFor="audit-org">机构（含下级）</label>
        <select id="audit-org" name="org" defaultValue={values.org ?? ""}>
          <option value="">全部</option>
          {orgOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="audit-actor">操作人用户名</label>
        <input id="audit-actor" name="actor" defaultValue={values.actor ?? ""} />
      </div>
      <div className="field">
        <label htmlFor="audit-action">操作</label>
        <select id="audit-action" name="action" defaultValue={values.action ?? ""}>
          <option value="">全部</option>
          {actionOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="audit-from">起始日期</label>
        <input id="audit-from" name="from" type="date" defaultValue={values.from ?? ""} />
      </div>
      <div className="field">
        <label htmlFor="audit-to">截止日期</label>
        <input id="audit-to" name="to" type="date" defaultValue={values.to ?? ""} />
      </div>
      <div className="filter-bar__actions">
        <button type="submit" className="button">
          筛选
        </button>
        <Link href="/workspace/admin/audit">清除筛选</Link>
        <a href={exportHref} download>
          导出 CSV
        </a>
      </div>
    </form>
  );
}
