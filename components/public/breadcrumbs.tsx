import Link from "next/link";

export interface Crumb {
  label: string;
  href?: string;
}

/** 当前位置: 年报专栏 › 柳州市 › 柳北区 › 钢城街道; the last crumb is the current page. */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  return (
    <nav aria-label="当前位置" className="crumbs no-print">
      <ol>
        <li>
          <Link href="/">年报专栏</Link>
        </li>
        {items.map((c, i) => (
          <li key={i}>
            {c.href ? <Link href={c.href}>{c.label}</Link> : <span aria-current="page">{c.label}</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}
