// Taking the author to what a finding is about: its first cell, or the quoted words in their text field.
import type { Finding } from "@/lib/domain/findings";
import { spanInText } from "@/lib/domain/text-runs";
import { cellInputId, metaFieldId, textAreaId, TITLE_INPUT_ID } from "./dom-ids";

function focusCentered(el: HTMLElement) {
  el.scrollIntoView({ block: "center" });
  el.focus({ preventScroll: true });
}

export function locateFinding(finding: Finding): void {
  if (finding.field) {
    const input = document.getElementById(metaFieldId(finding.field));
    if (input) focusCentered(input);
    return;
  }
  const [cell] = finding.cells ?? [];
  if (cell) {
    const input = document.getElementById(cellInputId(cell));
    if (input) focusCentered(input);
    return;
  }
  const span = finding.textSpan;
  if (!span) return;
  if (span.section === "meta" && span.paragraph < 0) {
    const title = document.getElementById(TITLE_INPUT_ID);
    if (title) focusCentered(title);
    return;
  }
  const area = document.getElementById(textAreaId({ section: span.section, item: span.item }));
  if (!(area instanceof HTMLTextAreaElement)) return;
  focusCentered(area);
  const at = spanInText(area.value, span.paragraph, span.start, span.end);
  if (at) area.setSelectionRange(at.start, at.end);
}
