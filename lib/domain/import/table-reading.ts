// The shared state of reading one table from a token stream: writing cells (with their CELL-VALUE notes),
// collecting what could not be placed, and remembering how far the table really reached in the source so
// lines after it go back to being prose.
import { cellRow } from "../cells";
import { FEE_CELL, cellId, type CellRef } from "../format";
import type { Tables } from "../report-schema";
import type { ImportLog } from "./import-log";
import { parseCount, parseFee } from "./labels";
import type { Token } from "./table-tokens";

export interface Fragment {
  text: string;
  reason: string;
  line: number;
}

export class TableReading {
  /** Index of the last source line that held a cell, header or label of this table. */
  lastLine = -1;
  private readonly fragments: Fragment[] = [];

  constructor(
    private readonly tables: Tables,
    readonly log: ImportLog,
    private readonly written: Set<string>,
  ) {}

  recognise(...tokens: Token[]): void {
    for (const t of tokens) this.lastLine = Math.max(this.lastLine, t.line);
  }

  /** Keeps tokens that fit nowhere; they become one line of text (cells joined by " | "). */
  unplace(tokens: Token[], reason: string): void {
    const text = tokens
      .map((t) => t.text)
      .filter((t) => t !== "")
      .join(" | ");
    if (text !== "") this.fragments.push({ text, reason, line: tokens[0]!.line });
  }

  unplaceText(text: string, line: number, reason: string): void {
    this.fragments.push({ text, reason, line });
  }

  /** Unplaced text inside the table; stray text after its last cell is prose, not part of the table. */
  unplacedFragments(): Fragment[] {
    return this.fragments.filter((f) => f.line <= this.lastLine);
  }

  isWritten(ref: CellRef): boolean {
    return this.written.has(cellId(ref));
  }

  write(ref: CellRef, token: Token): void {
    this.recognise(token);
    if (this.isWritten(ref)) {
      this.unplace([token], "同一单元格重复出现");
      return;
    }
    this.written.add(cellId(ref));
    const isFee = ref.table === FEE_CELL.table && ref.row === FEE_CELL.row;
    setCell(this.tables, ref, this.readValue(ref, token, isFee));
  }

  private readValue(ref: CellRef, token: Token, isFee: boolean): number | string | null {
    const cell = token.cell;
    if (cell === null) return null;
    if (cell.kind === "blank") {
      // A blank is zero to some authors and "not filled in" to others: never summed as 0 (docs/format.md §7).
      this.log.blankReadings.push({ ref, text: "" });
      return null;
    }
    if (cell.kind !== "number") {
      // Published copies print "/", "—" or "无" for zero; the format wants the digit 0.
      this.log.zeroReadings.push({ ref, text: token.text.trim() });
      return isFee ? "0" : 0;
    }
    const value = isFee ? parseFee(cell.text) : parseCount(cell.text);
    if (value === null) this.log.unreadable.push({ ref, text: token.text });
    return value;
  }
}

function setCell(tables: Tables, ref: CellRef, value: number | string | null): void {
  const row = cellRow(tables, ref);
  if (!row || !(ref.col in row)) throw new Error(`import: no cell ${cellId(ref)}`);
  row[ref.col] = value;
}
