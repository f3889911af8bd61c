import { getCell } from "@/lib/domain/cells";
import { formatDateZh } from "@/lib/domain/dates";
import { SECTIONS, type SectionKey } from "@/lib/domain/format";
import type { Report } from "@/lib/domain/report-schema";
import { TABLE_LAYOUTS } from "@/lib/domain/table-layout";
import { OfficialTable } from "./official-table";

const TABLE_OF: Partial<Record<SectionKey, "t2" | "t3" | "t4">> = { proactive: "t2", requests: "t3", appeals: "t4" };

function Paragraphs({ items }: { items: string[] }) {
  return items.map((p, i) => <p key={i}>{p}</p>);
}

/** The report as the public sees it: preamble, the six sections with the official tables, 落款. */
export function ReportDocument({ report }: { report: Report }) {
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
                renderValue={(cell) => {
                  const v = getCell(tables, cell.ref);
                  return v === null ? "" : String(v);
                }}
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
