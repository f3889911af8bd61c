"use client";

import type { Finding } from "@/lib/domain/findings";

// The findings pointing into one text field (DOC-YEAR, DOC-TEMPLATE-LEFTOVER, the text-versus-table rules), right
// under it, each with the quoted words and a button that selects them in the field.

interface Props {
  /** Fields point at the list with aria-describedby. */
  id?: string;
  findings: Finding[];
  labelKey: string;
  onLocate(finding: Finding): void;
}

export function InlineFindings({ id, findings, labelKey, onLocate }: Props) {
  if (findings.length === 0) return null;
  return (
    <ul id={id} className="inline-findings" aria-label="本部分的检查提示">
      {findings.map((f, i) => (
        <li key={`${labelKey}-${i}`} className={`inline-findings__item is-${f.severity}`}>
          <span className="tag">{f.severity === "error" ? "错误" : "提示"}</span>{" "}
          {f.textSpan && f.textSpan.paragraph >= 0 ? `第${f.textSpan.paragraph + 1}段：` : ""}
          {f.message}{" "}
          {f.textSpan && (
            <button type="button" className="link-button" onClick={() => onLocate(f)}>
              选中原文
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
