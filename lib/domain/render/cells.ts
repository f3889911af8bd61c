// How renderers print a cell and a date; shared so the text, HTML and Word copies say the same thing.

/** Counts as digits, the fee exactly as stored; a blank stays blank (never "0", never "/"). */
export function formatCell(value: number | string | null): string {
  return value === null ? "" : String(value);
}

/** "2025-01-15" → 「2025年1月15日」, the way a 落款 is dated. */
export function formatChineseDate(iso: string): string {
  const [year, month, day] = iso.split("-").map(Number);
  return `${year}年${month}月${day}日`;
}

/** Page metadata in the order web pages print it, with the labels they use. */
export const META_LABELS = [
  { field: "indexNumber", label: "索引号" },
  { field: "publisher", label: "发布机构" },
  { field: "writtenDate", label: "成文日期" },
  { field: "publishedDate", label: "发布日期" },
] as const;
