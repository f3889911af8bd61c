// The deadline as "My reports" shows it: days left, due today, or days overdue, in China's calendar.
import { daysUntil, deadlineEnd } from "./deadline";
import { formatDateZh, toIsoDateInChina } from "../dates";

export type CountdownTone = "ok" | "soon" | "overdue" | "done";

export interface Countdown {
  /** 「还剩12天（2026年1月31日截止）」. */
  text: string;
  tone: CountdownTone;
}

/** Days within which a deadline is shown as near. */
export const SOON_DAYS = 14;

export function deadlineCountdown(deadlineIso: string, now: Date, isPublished: boolean): Countdown {
  const date = formatDateZh(deadlineIso);
  if (isPublished) return { text: `已发布（期限${date}）`, tone: "done" };
  const days = daysUntil(deadlineEnd(deadlineIso), now);
  if (days <= 0) {
    const overdue = Math.max(1, -days + (toIsoDateInChina(now) > deadlineIso ? 1 : 0));
    return { text: `已逾期${overdue}天（${date}截止）`, tone: "overdue" };
  }
  if (days === 1) return { text: `今天截止（${date}）`, tone: "soon" };
  return { text: `还剩${days}天（${date}截止）`, tone: days <= SOON_DAYS ? "soon" : "ok" };
}

/** The year whose report bodies write now: last calendar year in China. */
export function reportingYear(now: Date): number {
  return Number(toIsoDateInChina(now).slice(0, 4)) - 1;
}
