import { getCell } from "@/lib/domain/cells";
import { formatDateZh } from "@/lib/domain/dates";
import { SECTIONS, type CellRef, type SectionKey } from "@/lib/domain/format";
import type { Report, Tables } from "@/lib/domain/report-schema";
import { TABLE_LAYOUTS } from "@/lib/domain/table-layout";
import { OfficialTable } from "./official-table";

const TABLE_OF: Partial<Record<SectionKey, "t2" | "t3" | "t4">> = {
  proactive: "t2",
  requests: "t3",
  appeals: "t4",
};

function Paragraphs({ items }: { items: string[] }) {
  return items.map((p, i) => <p key={i}>{p}</p>);
}

interface Props {
  report: Report;
  /** Last year's published tables: each cell then also carries last year's value, shown by the page's toggle. */
  previous?: { year: number; tables: Tables } | null;
}

function CellValue({
  tables,
  previous,
  cell,
}: {
  tables: Tables;
  previous: Props["previous"];
  cell: CellRef;
}) {
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

/** The report as the public sees it: preamble, the six sections with the official tables, 落款. */
export function ReportDocument({ report, previous }: Props) {
  const { meta, sections, tables } = report;
  return (
    <article className="report-document">
      <Paragraphs items={meta.preamble} />
      {SECTIONS.map((s) => {
        const table = TABLE_OF[s.key];
        return (
          <section key={s.key} aria-labelledby={`section-${s.key}`}>
            <h2 id={`section-${s.key}`}>{s.title}</h2>
            <Paragraphs items={sections[s.key].paragraphs} />
            {s.key === "overview" &&
              sections.overview.items.map((item) => (
                <section key={item.key} aria-labelledby={`item-${item.key}`}>
                  <h3 id={`item-${item.key}`}>{item.title}</h3>
                  <Paragraphs items={item.paragraphs} />
                </section>
              ))}
            {table && (
              <OfficialTable
                layout={TABLE_LAYOUTS[table]}
                renderValue={(cell) => <CellValue tables={tables} previous={previous} cell={cell.ref} />}
              />
            )}
          </section>
        );
      })}
      <footer className="report-document__signature">
        <p>{meta.signatureName}</p>
        {meta.signatureDate && <p>{formatDateZh(meta.signatureDate)}</p>}
      </footer>
    </article>
  );
}
