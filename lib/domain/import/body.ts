// Places every line after the front matter: a section heading switches section, a sub-item heading of 一
// switches item, a table's first line hands its region to the table reader, anything else is a paragraph where
// it stands. What a table reader cannot place stays as a paragraph of that section and is reported.
import { SECTION_KEYS, type OverviewItemKey, type SectionKey, type TableKey } from "../format";
import type { Tables } from "../report-schema";
import { TABLE_LAYOUTS } from "../table-layout";
import { isChrome } from "./front-matter";
import { matchOverviewItem, matchSectionHeading, type HeadingMatch, type ItemHeadingMatch } from "./headings";
import type { ImportLog, UnplacedText } from "./import-log";
import type { SourceLine } from "./source-lines";
import { readTable2 } from "./table2";
import { readTable3 } from "./table3";
import { readTable4 } from "./table4";
import { TableReading } from "./table-reading";
import { tableRegionEnd, tableStartOf, tokenize } from "./table-tokens";

export interface BodyItem {
  key: OverviewItemKey;
  printed: string;
  paragraphs: string[];
}

export interface Body {
  sections: Record<SectionKey, string[]>;
  /** Section 一's sub-items in the order printed. */
  items: BodyItem[];
  headings: HeadingMatch<SectionKey>[];
  itemHeadings: ItemHeadingMatch[];
  /** Sections entered because their table appeared without the heading. */
  implicit: SectionKey[];
  tablesRead: Set<TableKey>;
  /** Ids of the cells written from the source (a value, a placeholder or a printed blank). */
  cellsRead: Set<string>;
  unplaced: UnplacedText[];
  /** The paragraph list the last line went into: the 落款 is read from its end. */
  last: string[] | null;
}

const READERS = { t2: readTable2, t3: readTable3, t4: readTable4 };
const sectionIndex = (key: SectionKey) => SECTION_KEYS.indexOf(key);

const sectionHeadingOf = (line: SourceLine) => (line.isRow ? null : matchSectionHeading(line.text));
const itemHeadingOf = (line: SourceLine) => (line.isRow ? null : matchOverviewItem(line.text));

/** The first line that belongs to the report body: a section heading, a table, or a sub-item heading of 一. */
export function findBodyStart(lines: readonly SourceLine[]): number {
  const i = lines.findIndex((l) => sectionHeadingOf(l) || tableStartOf(l) || itemHeadingOf(l));
  return i < 0 ? lines.length : i;
}

export function readBody(lines: readonly SourceLine[], from: number, tables: Tables, log: ImportLog): Body {
  return new BodyReader(lines, tables, log).read(from);
}

class BodyReader {
  private readonly body: Body = {
    sections: Object.fromEntries(SECTION_KEYS.map((k) => [k, []])) as unknown as Record<SectionKey, string[]>,
    items: [],
    headings: [],
    itemHeadings: [],
    implicit: [],
    tablesRead: new Set(),
    cellsRead: new Set(),
    unplaced: [],
    last: null,
  };
  private section: SectionKey | null = null;
  private item: BodyItem | null = null;
  private readonly written = this.body.cellsRead;

  constructor(
    private readonly lines: readonly SourceLine[],
    private readonly tables: Tables,
    private readonly log: ImportLog,
  ) {}

  read(from: number): Body {
    let i = from;
    while (i < this.lines.length) i = this.readLine(i);
    return this.body;
  }

  private readLine(i: number): number {
    const line = this.lines[i]!;
    if (!line.isRow && isChrome(line.text)) {
      this.log.ignored.push(line.text);
      return i + 1;
    }
    const heading = this.sectionHeading(line);
    if (heading) {
      this.body.headings.push(heading);
      this.enter(heading.key);
      return i + 1;
    }
    const table = tableStartOf(line);
    if (table) return this.readTable(i, table);
    const item = (this.section ?? "overview") === "overview" ? itemHeadingOf(line) : null;
    if (item) this.enterItem(item);
    else this.place(line.text);
    return i + 1;
  }

  /** A heading found only by its number and subject counts where it can follow the current section. */
  private sectionHeading(line: SourceLine): HeadingMatch<SectionKey> | null {
    const heading = sectionHeadingOf(line);
    if (!heading?.loose) return heading;
    const current = this.section === null ? -1 : sectionIndex(this.section);
    return sectionIndex(heading.key) > current ? heading : null;
  }

  private enter(section: SectionKey): void {
    this.section = section;
    this.item = null;
  }

  private enterItem(heading: ItemHeadingMatch): void {
    if (this.section === null) this.enter("overview");
    this.body.itemHeadings.push(heading);
    const existing = this.body.items.find((it) => it.key === heading.key);
    // A repeated sub-item heading continues that item; its printed line is kept so no text is lost.
    if (existing) {
      this.item = existing;
      this.place(heading.printed);
    } else {
      this.item = { key: heading.key, printed: heading.printed, paragraphs: [] };
      this.body.items.push(this.item);
    }
    if (heading.rest) this.place(heading.rest);
  }

  private readTable(i: number, table: TableKey): number {
    const end = tableRegionEnd(this.lines, i, table, (l) => sectionHeadingOf(l) !== null);
    if (this.body.tablesRead.has(table)) {
      for (let j = i; j < end; j++) this.placeUnplaced(this.lines[j]!.text, "表格重复出现");
      return end;
    }
    const target = TABLE_LAYOUTS[table].section;
    if (this.section === null || sectionIndex(target) > sectionIndex(this.section)) {
      this.body.implicit.push(target);
      this.enter(target);
    }
    const reading = new TableReading(this.tables, this.log, this.written);
    READERS[table](tokenize(this.lines, i, end), reading);
    this.body.tablesRead.add(table);
    for (const f of reading.unplacedFragments()) this.placeUnplaced(f.text, f.reason);
    return Math.max(reading.lastLine + 1, i + 1);
  }

  private placeUnplaced(text: string, reason: string): void {
    this.body.unplaced.push({ text, reason, ...this.place(text) });
  }

  private place(text: string): Omit<UnplacedText, "text" | "reason"> {
    const section = this.section ?? "overview";
    const list = section === "overview" && this.item ? this.item.paragraphs : this.body.sections[section];
    list.push(text);
    this.body.last = list;
    const item = section === "overview" && this.item ? { item: this.item.key } : {};
    return { section, ...item, paragraph: list.length - 1 };
  }
}
