import type { ReactNode } from "react";
import { getCell } from "@/lib/domain/cells";
import { formatDateZh } from "@/lib/domain/dates";
import { SECTIONS, type CellRef, type SectionKey } from "@/lib/domain/format";
import type { OverviewItem, Report, Tables } from "@/lib/domain/report-schema";
import { layoutOfSection, type TableLayout } from "@/lib/domain/table-layout";
import type { TextPlace } from "@/lib/domain/text-runs";
import { OfficialTable } from "./official-table";

// The report in the order of the official document — preamble, the six sections with their tables (from
// table-layout), 落款 — shared by the public reader, the editor and the review screen. By default it is the
// document as the public sees it; the editor and the review screen fill its slots with inputs, remark links and
// marks, so the outline of sections and tables exists once.

function Paragraphs({ items }: { items: string[] }) {
  return items.map((p, i) => <p key={i}>{p}</p>);
}

type Previous = { year: number; tables: Tables } | null | undefined;

function CellValue({ tables, previous, cell }: { tables: Tables; previous: Previous; cell: CellRef }) {
  const v = getCell(tables, cell);
  if (!previous) return v === null ? "" : String(v);
  const p = getCell(previous.tables, cell);
  return (
    <>
      {v === null ? "" : String(v)}
      <span className="prev-value">
        <span className="visually-hidden">，</span>上年 {p === null ? "空" : String(p)}
      </span>
    </>
  );
}

interface Props {
  report: Report;
  /** Last year's published tables: each cell then also carries last year's value, shown by the page's toggle. */
  previous?: Previous;
  /** The wrapper: the editor's forms are a plain container, the documents an article. */
  as?: "article" | "div";
  className?: string;
  /** The editor's sections are jump targets (`ed-overview`) headed by `ed-section-overview`. */
  sectionIdPrefix?: string;
  sectionClassName?: string;
  /** What opens the document; the preamble by default. */
  head?: ReactNode;
  /** A place's text (a section's own paragraphs, or a sub-item's); its paragraphs by default. */
  renderText?: (place: TextPlace, paragraphs: string[]) => ReactNode;
  /** Section 一's sub-items; by default each a sub-section with its heading, tools and text. */
  renderItems?: (items: OverviewItem[]) => ReactNode;
  /** A section's table; by default the official table of figures. */
  renderTable?: (layout: TableLayout) => ReactNode;
  /** Shown under a section's or sub-item's heading (the review screen's remark links). */
  renderTools?: (place: TextPlace, title: string) => ReactNode;
  /** The editor puts a table section's text field after the table; the document prints it before. */
  textAfterTable?: boolean;
  /** The 落款 at the end; the editor edits it in the metadata form instead. */
  hasSignature?: boolean;
}

/** The report as the public sees it (preamble, the six sections with the official tables, 落款), with slots. */
export function ReportDocument(props: Props) {
  const { report, sectionIdPrefix = "" } = props;
  const { meta, sections, tables } = report;
  const renderText =
    props.renderText ?? ((_: TextPlace, paragraphs: string[]) => <Paragraphs items={paragraphs} />);
  const renderTable =
    props.renderTable ??
    ((layout: TableLayout) => (
      <OfficialTable
        layout={layout}
        renderValue={(cell) => <CellValue tables={tables} previous={props.previous} cell={cell.ref} />}
      />
    ));
  const renderItems =
    props.renderItems ??
    ((items: OverviewItem[]) =>
      items.map((item) => (
        <section key={item.key} aria-labelledby={`item-${item.key}`}>
          <h3 id={`item-${item.key}`}>{item.title}</h3>
          {props.renderTools?.({ section: "overview", item: item.key }, item.title)}
          {renderText({ section: "overview", item: item.key }, item.paragraphs)}
        </section>
      )));
  const Wrapper = props.as ?? "article";
  const headingId = (key: SectionKey) => `${sectionIdPrefix}section-${key}`;
  return (
    <Wrapper className={props.className ?? "report-document"}>
      {props.head ?? <Paragraphs items={meta.preamble} />}
      {SECTIONS.map((s) => {
        const layout = layoutOfSection(s.key);
        const text = renderText({ section: s.key }, sections[s.key].paragraphs);
        return (
          <section
            key={s.key}
            className={props.sectionClassName}
            aria-labelledby={headingId(s.key)}
            id={sectionIdPrefix ? `${sectionIdPrefix}${s.key}` : undefined}
          >
            <h2 id={headingId(s.key)}>{s.title}</h2>
            {props.renderTools?.({ section: s.key }, s.title)}
            {!(layout && props.textAfterTable) && text}
            {s.key === "overview" && renderItems(sections.overview.items)}
            {layout && renderTable(layout)}
            {layout && props.textAfterTable && text}
          </section>
        );
      })}
      {props.hasSignature !== false && (
        <footer className="report-document__signature">
          <p>{meta.signatureName}</p>
          {meta.signatureDate && <p>{formatDateZh(meta.signatureDate)}</p>}
        </footer>
      )}
    </Wrapper>
  );
}
