// docs/format.md §6 is the rule list in prose: every rule id of lib/domain/rules/check-report.ts, with its severity, in the
// code's order. Adding, removing or re-grading a rule means updating the spec in the same commit.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RULES } from "@/lib/domain/rules/check-report";

const FORMAT_DOC = new URL("../../docs/format.md", import.meta.url);

/** The rows of the first table under "## 6." as [id, severity] pairs. */
function documentedRules(markdown: string): [string, string][] {
  const section = markdown.split(/^## /m).find((part) => part.startsWith("6. "));
  if (!section) throw new Error("docs/format.md has no section 6");
  return section
    .split("\n")
    .filter((line) => line.startsWith("| `"))
    .map((line) => {
      const [id = "", severity = ""] = line
        .split("|")
        .slice(1, 3)
        .map((cell) => cell.trim());
      return [id.replace(/^`|`$/g, ""), severity];
    });
}

describe("docs/format.md", () => {
  const documented = documentedRules(readFileSync(FORMAT_DOC, "utf8"));
  const inCode = RULES.map((rule): [string, string] => [rule.id, rule.severity]);

  it("lists every rule id of the code with the same severity, and no other", () => {
    const byId = (a: [string, string], b: [string, string]) => a[0].localeCompare(b[0]);
    expect([...documented].sort(byId)).toEqual([...inCode].sort(byId));
  });

  it("lists each rule once, in the code's order", () => {
    expect(documented.map(([id]) => id)).toEqual(inCode.map(([id]) => id));
  });
});
