"use client";

import type { Finding } from "@/lib/domain/findings";
import { OVERVIEW_ITEMS, type CellRef } from "@/lib/domain/format";
import { defaultPreamble } from "@/lib/domain/prefill";
import type { Report, ReportMeta, Tables } from "@/lib/domain/report-schema";
import { getRun, placeKey, samePlace, setRun, type TextPlace } from "@/lib/domain/text-runs";
import { CARRIED_RULE_ID, carriedSpan, type CarriedSentence } from "@/lib/domain/carried-over";
import { ReportDocument } from "@/components/report/report-document";
import type { CarriedItem } from "./carried-sentences";
import { EditorTable, type CellMark } from "./editor-table";
import { MetaForm } from "./meta-form";
import { FeeHelper, OnRequestHelper } from "./narrative-helpers";
import { SectionField } from "./section-field";

// The report in reading order, as forms: metadata and preamble, section 一 and its five sub-items, the three
// tables (each under its section's heading), sections 五 and 六.

interface Props {
  content: Report;
  previous: Report | null;
  readOnly: boolean;
  findings: Finding[];
  carried: CarriedItem[];
  onConfirm(sentence: CarriedSentence, confirmed: boolean): void;
  /** Field errors of the last refused save. */
  fieldErrors: Record<string, string>;
  marks: ReadonlyMap<string, CellMark>;
  portalUrl: string;
  defaultTitle: string;
  onChange(change: (report: Report) => Report): void;
  onLocate(finding: Finding): void;
  onFocusCell(ref: CellRef | null): void;
}

const BLANK_CONTACT = { office: "", address: "", phone: "", postcode: "" };

export function EditorDocument(props: Props) {
  const { content, readOnly, onChange, onLocate } = props;
  const at = (place: TextPlace) =>
    props.findings.filter((f) => f.textSpan && f.textSpan.paragraph >= 0 && samePlace(f.textSpan, place));
  const field = (place: TextPlace, label: string, children?: React.ReactNode) => (
    <SectionField
      key={placeKey(place)}
      place={place}
      label={label}
      paragraphs={getRun(content, place)}
      readOnly={readOnly}
      findings={at(place)}
      carried={props.carried.filter((c) => samePlace(c.sentence.place, place))}
      onChange={(paragraphs) => onChange((r) => setRun(r, place, paragraphs))}
      onLocate={onLocate}
      onSelectSentence={(s) =>
        onLocate({
          ruleId: CARRIED_RULE_ID,
          severity: "warning",
          message: s.key,
          textSpan: carriedSpan(s),
        })
      }
      onConfirm={props.onConfirm}
    >
      {children}
    </SectionField>
  );
  const setMeta = (change: (meta: ReportMeta) => ReportMeta) =>
    onChange((r) => ({ ...r, meta: change(r.meta) }));
  const setTables = (update: (tables: Tables) => Tables) =>
    onChange((r) => ({ ...r, tables: update(r.tables) }));
  const regeneratePreamble = () =>
    setMeta((m) => ({
      ...m,
      preamble: defaultPreamble(
        { name: m.bodyName, contact: m.contact ?? BLANK_CONTACT, portalUrl: props.portalUrl },
        m.year,
      ),
    }));
  const fieldOf = (place: TextPlace) => {
    switch (place.section) {
      case "overview":
        return field(place, "开头段落（可选）");
      case "problems":
        return field(place, "存在的主要问题及改进情况");
      case "other":
        return field(
          place,
          "其他需要报告的事项",
          !readOnly && (
            <FeeHelper
              report={content}
              onWrite={(ps) => onChange((r) => setRun(r, { section: "other" }, ps))}
            />
          ),
        );
      default:
        return field(place, "表格前后的文字说明（可选）");
    }
  };
  const items = () =>
    OVERVIEW_ITEMS.map((item) =>
      field(
        { section: "overview", item: item.key },
        item.title,
        item.key === "onRequest" && !readOnly && (
          <OnRequestHelper
            report={content}
            previous={props.previous}
            onWrite={(ps) => onChange((r) => setRun(r, { section: "overview", item: "onRequest" }, ps))}
          />
        ),
      ),
    );
  const head = (
    <section className="editor-section" aria-labelledby="ed-section-meta" id="ed-meta">
      <h2 id="ed-section-meta">基本信息与导语</h2>
      <MetaForm
        meta={content.meta}
        defaultTitle={props.defaultTitle}
        readOnly={readOnly}
        findings={props.findings
          .filter(
            (f) => f.field !== undefined || (f.textSpan?.section === "meta" && f.textSpan.paragraph < 0),
          )
          .map((f) => (f.field ? f : { ...f, field: "title" }))}
        serverErrors={props.fieldErrors}
        onChange={setMeta}
      />
      {field(
        { section: "meta" },
        "导语",
        !readOnly && (
          <button type="button" className="button button--small" onClick={regeneratePreamble}>
            按标准格式重新生成导语
          </button>
        ),
      )}
    </section>
  );
  return (
    <ReportDocument
      report={content}
      as="div"
      className="editor-document"
      sectionIdPrefix="ed-"
      sectionClassName="editor-section"
      head={head}
      renderText={fieldOf}
      renderItems={items}
      renderTable={(layout) => (
        <EditorTable
          table={layout.table}
          tables={content.tables}
          previous={props.previous}
          readOnly={readOnly}
          marks={props.marks}
          onChange={setTables}
          onFocusCell={props.onFocusCell}
        />
      )}
      textAfterTable
      hasSignature={false}
    />
  );
}
