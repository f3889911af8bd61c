// What an import reports besides the report itself: findings about the source, text it could not place, and
// site chrome it recognised and left out. Nothing read from the source disappears without a trace here.
import type { Finding } from "../findings";
import { describeCell, type CellRef, type OverviewItemKey, type SectionKey, type TableKey } from "../format";
import type { Report } from "../report-schema";

/** Rule ids of findings only an importer can make (the source's layout, not the report's content). */
export const IMPORT_RULE = {
  /** Text that fits nowhere in the format (an unknown table row, a stray cell); kept in the nearest section. */
  unplaced: "IMPORT-UNPLACED",
  /** A row placed by its position or a similar label because its printed label was not recognised. */
  guess: "IMPORT-GUESS",
  /** Cells or tables the source does not contain (a page cut off early); they stay blank. */
  incomplete: "IMPORT-INCOMPLETE",
} as const;

export interface UnplacedText {
  text: string;
  /** Where the text was kept: the section (or the preamble, "meta") it was found in. */
  section: SectionKey | "meta";
  item?: OverviewItemKey;
  paragraph: number;
  reason: string;
}

export interface ImportResult {
  report: Report;
  /** Whether the source looked like a report at all: a section heading or a table was recognised. */
  recognised: boolean;
  findings: Finding[];
  unplaced: UnplacedText[];
  /** Site chrome recognised and left out (breadcrumbs, 「打印本页」, a repeated title): listed, not dropped. */
  ignored: string[];
  /** Every 「键：值」 of the page's metadata, also those the report has no field for (公开方式, 文号). */
  pageMetadata: Record<string, string>;
}

interface CellNote {
  ref: CellRef;
  text: string;
}

export class ImportLog {
  readonly findings: Finding[] = [];
  readonly ignored: string[] = [];
  readonly zeroReadings: CellNote[] = [];
  /** Cells printed blank: left blank (null), reported once per table, kept out of every sum rule. */
  readonly blankReadings: CellNote[] = [];
  readonly unreadable: CellNote[] = [];
  /** Signs of the 2019 trial template (DOC-STALE-FORMAT): table 二 column headers, and other signs. */
  readonly staleColumns = new Set<string>();
  readonly staleSigns = new Set<string>();

  warn(ruleId: string, message: string, extra: Omit<Finding, "ruleId" | "severity" | "message"> = {}): void {
    this.findings.push({ ruleId, severity: "warning", message, ...extra });
  }

  /** Folds the per-cell notes into one finding per table and kind, so "/" everywhere is one message. */
  cellFindings(): Finding[] {
    const out: Finding[] = [];
    for (const table of ["t2", "t3", "t4"] as TableKey[]) {
      const zeros = this.zeroReadings.filter((n) => n.ref.table === table);
      if (zeros.length > 0) out.push(zeroFinding(zeros));
      const blanks = this.blankReadings.filter((n) => n.ref.table === table);
      if (blanks.length > 0) out.push(blankFinding(blanks));
      for (const n of this.unreadable.filter((u) => u.ref.table === table)) {
        const message = `${describeCell(n.ref)}填写为“${n.text}”，不是不小于0的${n.ref.table === "t2" && n.ref.row === "fees" ? "数字" : "整数"}，导入时留空，请核对原文后填写。`;
        out.push({ ruleId: "CELL-VALUE", severity: "warning", message, cells: [n.ref], actual: n.text });
      }
    }
    return out;
  }
}

function blankFinding(blanks: CellNote[]): Finding {
  const first = describeCell(blanks[0]!.ref);
  const where = blanks.length === 1 ? first : `${first}等${blanks.length}个单元格`;
  return {
    ruleId: "CELL-VALUE",
    severity: "warning",
    message: `${where}原文为空白，已留空（不按0计算），涉及这些单元格的勾稽关系无法检查。格式要求填写数字，无数据的填0，请核对。`,
    cells: blanks.map((z) => z.ref),
  };
}

function zeroFinding(zeros: CellNote[]): Finding {
  const forms = [...new Set(zeros.map((z) => (z.text === "" ? "空白" : `“${z.text}”`)))].join("、");
  const first = describeCell(zeros[0]!.ref);
  const where = zeros.length === 1 ? first : `${first}等${zeros.length}个单元格`;
  return {
    ruleId: "CELL-VALUE",
    severity: "warning",
    message: `${where}原文为${forms}，已按0导入。格式要求填写数字0，请核对。`,
    cells: zeros.map((z) => z.ref),
  };
}
