import Link from "next/link";

interface Props {
  label: string;
  status?: string;
  previousHref?: string | null;
  nextHref?: string | null;
  previousLabel?: string;
  nextLabel?: string;
}

export function Pager({
  label,
  status,
  previousHref,
  nextHref,
  previousLabel = "上一页",
  nextLabel = "下一页",
}: Props) {
  if (!previousHref && !nextHref && !status) return null;
  return (
    <nav className="pager" aria-label={label}>
      {previousHref ? <Link href={previousHref}>‹ {previousLabel}</Link> : <span aria-hidden="true" />}
      {status && <span className="muted">{status}</span>}
      {nextHref ? <Link href={nextHref}>{nextLabel} ›</Link> : <span aria-hidden="true" />}
    </nav>
  );
}

/** A link to the same page with some search parameters changed (undefined or "" removes one). */
export function hrefWith(
  path: string,
  params: Record<string, string | undefined>,
  changes: Record<string, string | undefined>,
) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...params, ...changes })) if (value) query.set(key, value);
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
