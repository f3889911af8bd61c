// What a screen reader is told when the live check's findings change: what is new (the first two in full) and how
// many were solved. Pure, so the wording is tested; the editor speaks it in a polite live region once typing pauses.
import { cellId } from "./format";
import type { Finding } from "./findings";

/** What identifies a finding between two checks. */
export const findingKey = (f: Finding) =>
  [f.ruleId, f.message, (f.cells ?? []).map(cellId).join(","), f.textSpan?.quote ?? ""].join("|");

export function announcement(before: ReadonlySet<string>, findings: readonly Finding[]): string {
  const now = new Map(findings.map((f) => [findingKey(f), f]));
  const added = [...now].filter(([k]) => !before.has(k)).map(([, f]) => f);
  const solved = [...before].filter((k) => !now.has(k)).length;
  const parts = [
    added.length > 0
      ? `新发现${added.length}个问题：${added
          .slice(0, 2)
          .map((f) => `${f.severity === "error" ? "错误" : "警告"}，${f.message}`)
          .join("；")}${added.length > 2 ? "等" : ""}`
      : "",
    solved > 0 ? `已解决${solved}个问题` : "",
  ].filter(Boolean);
  return parts.join("。");
}
