// What a rule (or an importer) says about a report. Shared by the rule engine, importers, editor, CLI.
import type { CellRef, OverviewItemKey, SectionKey } from "./format";

export type Severity = "error" | "warning";

/** Where in the prose a finding points: a paragraph of a section (or of a sub-item of section 一). */
export interface TextSpan {
  section: SectionKey | "meta";
  item?: OverviewItemKey;
  /** Index into the paragraphs array (for "meta": into meta.preamble, or -1 for the title). */
  paragraph: number;
  start: number;
  end: number;
  quote: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** Chinese, naming cells the way the format does. */
  message: string;
  cells?: CellRef[];
  textSpan?: TextSpan;
  /** A metadata field of the document it is about: "title", "contact.phone", "signatureName", "signatureDate". */
  field?: string;
  expected?: string | number;
  actual?: string | number;
}
