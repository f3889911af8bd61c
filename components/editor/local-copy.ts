// The browser's copy of unsaved edits (localStorage), so that nothing typed is lost on a refused save, a network
// failure, a crash or a reload. Keyed by user and report: a shared computer never offers one person's edits to
// another. Written on every edit, removed once the server holds the same draft.
import type { DraftDoc } from "@/lib/domain/draft-merge";
import type { LocalCopy } from "./draft-state";

const keyOf = (userId: string, reportId: string) => `nianbao:draft:${userId}:${reportId}`;

export function readLocalCopy(userId: string, reportId: string): LocalCopy | null {
  try {
    const raw = window.localStorage.getItem(keyOf(userId, reportId));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<LocalCopy>;
    if (!parsed.doc?.content || !parsed.base?.content || typeof parsed.baseVersion !== "number") return null;
    return parsed as LocalCopy;
  } catch {
    return null;
  }
}

/** False when the browser refused (storage full or disabled): the editor then warns that only the server copy counts. */
export function writeLocalCopy(userId: string, reportId: string, copy: LocalCopy): boolean {
  try {
    window.localStorage.setItem(keyOf(userId, reportId), JSON.stringify(copy));
    return true;
  } catch {
    return false;
  }
}

export function clearLocalCopy(userId: string, reportId: string): void {
  try {
    window.localStorage.removeItem(keyOf(userId, reportId));
  } catch {
    // Storage disabled: there is nothing to clear.
  }
}

/**
 * Order-insensitive comparison of two drafts (the server's JSON may order keys differently). An explanation's
 * author and time are the server's to stamp, so only what it says and what it is about count.
 */
export function sameDoc(a: DraftDoc, b: DraftDoc): boolean {
  const essence = (d: DraftDoc) => ({
    content: d.content,
    explanations: d.explanations.map(({ by: _by, at: _at, ...rest }) => rest),
  });
  return stable(essence(a)) === stable(essence(b));
}

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([x], [y]) => x.localeCompare(y));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
