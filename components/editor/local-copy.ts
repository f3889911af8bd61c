// The browser's copy of unsaved edits (localStorage), so that nothing typed is lost on a refused save, a network
// failure, a crash or a reload. Keyed by user and report: a shared computer never offers one person's edits to
// another. Written on every edit, removed once the server holds the same draft.
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
