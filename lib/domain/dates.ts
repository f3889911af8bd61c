// Dates as the product shows them: 2025年1月15日, in China Standard Time regardless of the server's zone.

const TZ = "Asia/Shanghai";

/** "2025-01-15" or a Date → 2025年1月15日. */
export function formatDateZh(value: string | Date): string {
  const iso = typeof value === "string" ? value : toIsoDateInChina(value);
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** The calendar date in China of an instant, as YYYY-MM-DD. */
export function toIsoDateInChina(date: Date): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: TZ,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  })
    .formatToParts(date)
    .reduce<Record<string, string>>((acc, p) => ({ ...acc, [p.type]: p.value }), {});
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** China Standard Time is UTC+8 all year (no daylight saving). */
const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The first instant of the next calendar day in China (when date-dependent public pages change). */
export function nextMidnightInChina(now: Date): Date {
  const local = now.getTime() + CHINA_OFFSET_MS;
  return new Date(Math.floor(local / DAY_MS) * DAY_MS + DAY_MS - CHINA_OFFSET_MS);
}

/** 2025年1月15日 14:05 */
export function formatDateTimeZh(date: Date): string {
  const time = new Intl.DateTimeFormat("zh-CN", {
    timeZone: TZ,
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).format(date);
  return `${formatDateZh(date)} ${time}`;
}
