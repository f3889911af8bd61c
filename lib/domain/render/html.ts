// A report as one semantic HTML fragment for the public reader and the CLI: <article>, metadata as <dl>, <h1>
// title, <h2> per section, <h3> per sub-item of 一, real tables (see html-table), the 落款 in <footer>.
// Every user string is escaped; the output contains no scripts, styles or event attributes.
import { SECTIONS, type SectionKey } from "../format";
import type { Report } from "../report-schema";
import { TABLE_KEYS, TABLE_LAYOUTS } from "../table-layout";
import { META_LABELS, formatChineseDate, printedItems, printsTable, sectionHeading } from "./cells";
import { escapeHtml } from "./html-escape";
import { renderTableHtml } from "./html-table";

export interface HtmlOptions {
  /** Prefix for every id in the fragment; needed when one page shows several reports. */
  idPrefix?: string;
}

const paragraphs = (texts: readonly string[]) => texts.map((t) => `<p>${escapeHtml(t)}</p>`);

function header(meta: Report["meta"]): string[] {
  const entries = META_LABELS.flatMap(({ field, label }) => {
    const value = meta[field];
    return value ? [`<div><dt>${label}：</dt><dd>${escapeHtml(value)}</dd></div>`] : [];
  });
  const dl = entries.length > 0 ? [`<dl class="report-meta">`, ...entries, `</dl>`] : [];
  const title = meta.title ? [`<h1>${escapeHtml(meta.title)}</h1>`] : [];
  return dl.length + title.length > 0 ? ["<header>", ...dl, ...title, "</header>"] : [];
}

function section(report: Report, key: SectionKey, idPrefix: string): string[] {
  const id = escapeHtml(`${idPrefix}section-${key}`);
  const title = sectionHeading(report, key);
  const body: string[] = [];
  if (key === "overview") {
    body.push(...paragraphs(report.sections.overview.paragraphs));
    for (const item of printedItems(report))
      body.push(`<h3>${escapeHtml(item.title)}</h3>`, ...paragraphs(item.paragraphs));
  } else {
    body.push(...paragraphs(report.sections[key].paragraphs));
    const table = TABLE_KEYS.find((t) => TABLE_LAYOUTS[t].section === key);
    if (table && printsTable(report, table))
      body.push(renderTableHtml(TABLE_LAYOUTS[table], report.tables, idPrefix, report));
  }
  // An imported report keeps its author's headings: a section printed without one has none here either.
  if (title === null) return body.length > 0 ? ["<section>", ...body, "</section>"] : [];
  return [
    `<section aria-labelledby="${id}">`,
    `<h2 id="${id}">${escapeHtml(title)}</h2>`,
    ...body,
    "</section>",
  ];
}

function footer(meta: Report["meta"]): string[] {
  const lines: string[] = [];
  if (meta.signatureName) lines.push(`<p class="signature">${escapeHtml(meta.signatureName)}</p>`);
  if (meta.signatureDate) {
    const date = escapeHtml(meta.signatureDate);
    lines.push(
      `<p class="signature-date"><time datetime="${date}">${formatChineseDate(meta.signatureDate)}</time></p>`,
    );
  }
  return lines.length > 0 ? ["<footer>", ...lines, "</footer>"] : [];
}

export function renderHtml(report: Report, options: HtmlOptions = {}): string {
  const idPrefix = options.idPrefix ?? "";
  const lines = [
    `<article class="report" lang="zh-CN">`,
    ...header(report.meta),
    ...paragraphs(report.meta.preamble),
    ...SECTIONS.flatMap((s) => section(report, s.key, idPrefix)),
    ...footer(report.meta),
    "</article>",
  ];
  return `${lines.join("\n")}\n`;
}
