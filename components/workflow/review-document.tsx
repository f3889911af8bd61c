import type { ReactNode } from "react";
import { getCell } from "@/lib/domain/cells";
import { cellId, describeCell, type CellRef, type SectionKey } from "@/lib/domain/format";
import { anchorOf, cellAnchor } from "@/lib/domain/remark-anchor";
import type { Report } from "@/lib/domain/report-schema";
import type { TextPlace } from "@/lib/domain/text-runs";
import { OfficialTable } from "@/components/report/official-table";
import { ReportDocument } from "@/components/report/report-document";

// The whole report for reviewers: the official document with cells marked by findings and open remarks, and a
// way to remark on each section, sub-item and cell (a link that preselects the place in the remark form).

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
  const { meta, tables } = props.report;
  const renderValue = (ref: CellRef): ReactNode => {
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
  const valueClass = (ref: CellRef) =>
    (props.cellMarks[cellId(ref)] ?? []).map((m) => `is-${m}`).join(" ") || undefined;
  const anchorOfPlace = (place: TextPlace) =>
    place.item
      ? anchorOf({ kind: "item", item: place.item })
      : anchorOf({ kind: "section", section: place.section as SectionKey });
  return (
    <ReportDocument
      report={props.report}
      className="report-document review-document"
      head={
        <>
          <h2 className="report-page__title">{meta.title || props.fallbackTitle}</h2>
          {meta.preamble.length > 0 && <Paragraphs items={meta.preamble} />}
        </>
      }
      renderTools={(place, title) => <PlaceTools anchor={anchorOfPlace(place)} label={title} props={props} />}
      renderText={(place, paragraphs) =>
        (place.item || MUST_HAVE_TEXT.includes(place.section as SectionKey) || paragraphs.length > 0) && (
          <Paragraphs items={paragraphs} />
        )
      }
      renderTable={(layout) => (
        <OfficialTable
          layout={layout}
          idPrefix="review-"
          renderValue={(cell) => renderValue(cell.ref)}
          valueClassName={valueClass}
        />
      )}
    />
  );
}
