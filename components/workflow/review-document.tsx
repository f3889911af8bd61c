import type { ReactNode } from "react";
import { getCell } from "@/lib/domain/cells";
import { formatDateZh } from "@/lib/domain/dates";
import { SECTIONS, cellId, describeCell, type SectionKey } from "@/lib/domain/format";
import { anchorOf, cellAnchor } from "@/lib/domain/remark-anchor";
import type { Report } from "@/lib/domain/report-schema";
import { TABLE_LAYOUTS } from "@/lib/domain/table-layout";
import { OfficialTable } from "@/components/report/official-table";

// The whole report for reviewers: the official document with cells marked by findings and open remarks, and a
// way to remark on each section, sub-item and cell (a link that preselects the place in the remark form).

const TABLE_OF: Partial<Record<SectionKey, "t2" | "t3" | "t4">> = {
  proactive: "t2",
  requests: "t3",
  appeals: "t4",
};

/** Sections whose text is required (the tables carry sections 二 to 四; section 一's text is in its sub-items). */
const MUST_HAVE_TEXT: readonly SectionKey[] = ["problems", "other"];

export type CellMark = "error" | "warning" | "remark";

interface Props {
  report: Report;
  /** The title to show when the document has none yet. */
  fallbackTitle: string;
  /** Marks per cell id ("t3:newReceived:natural"). */
  cellMarks: Record<string, CellMark[]>;
  /** Open remark threads per anchor. */
  openRemarks: Record<string, number>;
  /** Where the link to remark on an anchor goes; absent when the actor may not remark. */
  remarkHref?: (anchor: string) => string;
}

function Paragraphs({ items }: { items: string[] }) {
  return items.length === 0 ? (
    <p className="muted review-document__empty">（未填写）</p>
  ) : (
    items.map((p, i) => <p key={i}>{p}</p>)
  );
}

function PlaceTools({ anchor, label, props }: { anchor: string; label: string; props: Props }) {
  const count = props.openRemarks[anchor] ?? 0;
  if (!props.remarkHref && count === 0) return null;
  return (
    <p className="review-document__tools no-print">
      {count > 0 && (
        <a href={`#remarks-${anchor}`} className="tag tag--remark">
          {count} 条未解决意见
        </a>
      )}
      {props.remarkHref && (
        <a href={props.remarkHref(anchor)} className="review-document__remark-link">
          对“{label}”提意见
        </a>
      )}
    </p>
  );
}

export function ReviewDocument(props: Props) {
  const { meta, sections, tables } = props.report;
  const renderValue = (ref: Parameters<typeof cellAnchor>[0]): ReactNode => {
    const v = getCell(tables, ref);
    const text = v === null ? "" : String(v);
    const marks = props.cellMarks[cellId(ref)] ?? [];
    const marker = marks.includes("remark") ? (
      <span className="review-cell__marker" aria-hidden="true">
        ●
      </span>
    ) : null;
    if (!props.remarkHref)
      return (
        <>
          {text}
          {marker}
        </>
      );
    return (
      <a href={props.remarkHref(cellAnchor(ref))} className="review-cell__link">
        {text === "" ? "（空）" : text}
        {marker}
        <span className="visually-hidden">（对{describeCell(ref)}提意见）</span>
      </a>
    );
  };
  const valueClass = (ref: Parameters<typeof cellAnchor>[0]) =>
    (props.cellMarks[cellId(ref)] ?? []).map((m) => `is-${m}`).join(" ") || undefined;
  return (
    <article className="report-document review-document">
      <h2 className="report-page__title">{meta.title || props.fallbackTitle}</h2>
      {meta.preamble.length > 0 && <Paragraphs items={meta.preamble} />}
      {SECTIONS.map((s) => {
        const table = TABLE_OF[s.key];
        return (
          <section key={s.key} aria-labelledby={`section-${s.key}`}>
            <h2 id={`section-${s.key}`}>{s.title}</h2>
            <PlaceTools
              anchor={anchorOf({ kind: "section", section: s.key })}
              label={s.title}
              props={props}
            />
            {(MUST_HAVE_TEXT.includes(s.key) || sections[s.key].paragraphs.length > 0) && (
              <Paragraphs items={sections[s.key].paragraphs} />
            )}
            {s.key === "overview" &&
              sections.overview.items.map((item) => (
                <section key={item.key} aria-labelledby={`item-${item.key}`}>
                  <h3 id={`item-${item.key}`}>{item.title}</h3>
                  <PlaceTools
                    anchor={anchorOf({ kind: "item", item: item.key })}
                    label={item.title}
                    props={props}
                  />
                  <Paragraphs items={item.paragraphs} />
                </section>
              ))}
            {table && (
              <OfficialTable
                layout={TABLE_LAYOUTS[table]}
                idPrefix="review-"
                renderValue={(cell) => renderValue(cell.ref)}
                valueClassName={valueClass}
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
