// `nianbao check`: one report in detail, or a folder (or several files) for a district office: every report
// checked in one process, a summary table (file, body, year, errors, warnings, unreadable), JSON lines with
// --json, a CSV with --csv, last year's report of the same body paired from --previous-dir. Exit 2 when any
// file is unreadable, else 1 when any report has errors, else 0.
import { readdirSync, statSync, writeFileSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { parseArgs } from "node:util";
import { BODY_KINDS, isBodyKind } from "@/lib/domain/orgs/body-kind";
import { toCsv } from "@/lib/domain/open-data/export-csv";
import type { Finding } from "@/lib/domain/findings";
import { describeCell } from "@/lib/domain/format";
import type { ImportResult } from "@/lib/domain/import/import-report";
import { labelKey } from "@/lib/domain/import/labels";
import type { Report } from "@/lib/domain/report-schema";
import { checkReport, type CheckContext } from "@/lib/domain/rules/check-report";
import { readReportFile, UnreadableError, UsageError } from "./cli-read";

const REPORT_FILE = /\.(?:txt|html?|docx|pdf)$/i;

/** Report files under `dir`, depth first, in name order (hidden entries skipped). */
export function reportFilesIn(dir: string): string[] {
  const out: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true })
    .filter((e) => !e.name.startsWith("."))
    .sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...reportFilesIn(path));
    else if (entry.isFile() && REPORT_FILE.test(entry.name)) out.push(path);
  }
  return out;
}

const isDirectory = (path: string) => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

/** Files named on the command line, folders expanded; a missing path stays (it is reported unreadable). */
function expand(paths: readonly string[]): { files: string[]; folder: boolean } {
  const files: string[] = [];
  let folder = false;
  for (const path of paths) {
    if (isDirectory(path)) {
      folder = true;
      files.push(...reportFilesIn(path));
    } else files.push(path);
  }
  return { files, folder };
}

/** The body a report belongs to, for pairing years: its name as printed, else the file name without years. */
function bodyKeyOf(report: Report, file: string): string {
  const name = report.meta.bodyName || basename(file, extname(file)).replace(/(?:19|20)\d{2}年?(?:度)?/g, "");
  return labelKey(name);
}

/** Last year's reports by body and year; unreadable files there are skipped with a note on stderr. */
async function previousIndex(dir: string): Promise<Map<string, { file: string; report: Report }>> {
  const index = new Map<string, { file: string; report: Report }>();
  for (const file of reportFilesIn(dir)) {
    try {
      const { report } = await readReportFile(file);
      index.set(`${bodyKeyOf(report, file)}#${report.meta.year}`, { file, report });
    } catch (err) {
      if (!(err instanceof UnreadableError)) throw err;
      console.error(`（上年报告无法读取，已跳过）${err.message}`);
    }
  }
  return index;
}

function where(f: Finding): string[] {
  const lines: string[] = [];
  if (f.cells?.length)
    lines.push(
      `单元格：${f.cells.slice(0, 4).map(describeCell).join("；")}${f.cells.length > 4 ? `等${f.cells.length}处` : ""}`,
    );
  if (f.textSpan?.quote) lines.push(`原文：「${f.textSpan.quote}」`);
  if (f.expected !== undefined || f.actual !== undefined)
    lines.push(`应为：${f.expected ?? "—"}；实为：${f.actual ?? "—"}`);
  return lines;
}

function printHuman(file: string, result: ImportResult, findings: Finding[]) {
  const { meta } = result.report;
  console.log(`\n${file}\n  ${meta.bodyName || "（未识别机关名称）"} · ${meta.year}年度`);
  for (const [severity, label] of [
    ["error", "错误"],
    ["warning", "警告"],
  ] as const) {
    const group = findings.filter((f) => f.severity === severity);
    if (!group.length) continue;
    console.log(`  ${label}（${group.length}）`);
    for (const f of group) {
      console.log(`    [${f.ruleId}] ${f.message}`);
      for (const line of where(f)) console.log(`        ${line}`);
    }
  }
  if (result.unplaced.length) {
    console.log(`  未能归位的文字（${result.unplaced.length}，已保留在相邻章节）`);
    for (const u of result.unplaced) console.log(`    「${u.text.slice(0, 60)}」——${u.reason}`);
  }
  const errors = findings.filter((f) => f.severity === "error").length;
  // Never a bare 「未发现错误」 over cells that were not read: the checks on them did not run.
  const unread = findings.some((f) => f.ruleId === "IMPORT-INCOMPLETE")
    ? "，部分单元格未能读取，相应检查未进行"
    : "";
  console.log(
    errors
      ? `  结论：发现 ${errors} 个错误。`
      : `  结论：未发现错误${findings.length ? `（${findings.length} 个警告${unread}）` : ""}。`,
  );
}

export interface SummaryRow {
  file: string;
  body: string;
  year: number | null;
  errors: number;
  warnings: number;
  unreadable: string | null;
  previous: string | null;
}

/** Display width: CJK and full-width characters take two columns in a terminal. */
const widthOf = (text: string) =>
  [...text].reduce(
    (w, ch) =>
      w +
      (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
        ch,
      )
        ? 2
        : 1),
    0,
  );
const pad = (text: string, width: number) => text + " ".repeat(Math.max(0, width - widthOf(text)));

export function summaryTable(rows: readonly SummaryRow[]): string {
  const header = ["文件", "机关", "年度", "错误", "警告", "无法读取"];
  const cells = rows.map((r) => [
    r.file,
    r.body || "—",
    r.year === null ? "—" : String(r.year),
    r.unreadable ? "—" : String(r.errors),
    r.unreadable ? "—" : String(r.warnings),
    r.unreadable ? "是" : "",
  ]);
  const widths = header.map((h, j) => Math.max(widthOf(h), ...cells.map((c) => widthOf(c[j]!))));
  const line = (c: string[]) =>
    c
      .map((t, j) => pad(t, widths[j]!))
      .join("  ")
      .trimEnd();
  const withErrors = rows.filter((r) => !r.unreadable && r.errors > 0).length;
  const unreadable = rows.filter((r) => r.unreadable).length;
  return [
    line(header),
    line(widths.map((w) => "-".repeat(w))),
    ...cells.map(line),
    "",
    `共 ${rows.length} 份：${withErrors} 份有错误，${rows.length - withErrors - unreadable} 份未发现错误，${unreadable} 份无法读取。`,
  ].join("\n");
}

export function summaryCsv(rows: readonly SummaryRow[]): string {
  return toCsv(
    ["文件", "机关", "年度", "错误", "警告", "无法读取", "上年报告", "说明"],
    rows.map((r) => [
      r.file,
      r.body,
      r.year,
      r.unreadable ? null : r.errors,
      r.unreadable ? null : r.warnings,
      r.unreadable ? "是" : "否",
      r.previous,
      r.unreadable,
    ]),
  );
}

/** Progress on stderr for long runs: a line every 100 files (rewritten in place on a terminal). */
function progress(total: number) {
  if (total < 50) return () => {};
  const tty = process.stderr.isTTY;
  return (done: number) => {
    if (done !== total && done % (tty ? 10 : 100) !== 0) return;
    process.stderr.write(`${tty ? "\r" : ""}已检查 ${done}/${total} 份${tty && done !== total ? "" : "\n"}`);
  };
}

export async function check(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      previous: { type: "string" },
      "previous-dir": { type: "string" },
      "body-kind": { type: "string" },
      "published-at": { type: "string" },
      json: { type: "boolean" },
      csv: { type: "string" },
      details: { type: "boolean" },
    },
  });
  if (!positionals.length) throw new UsageError("check 需要至少一个文件或文件夹。");
  const kind = values["body-kind"];
  if (kind && !isBodyKind(kind)) throw new UsageError(`--body-kind 须为 ${BODY_KINDS.join("、")} 之一。`);
  const publishedAt = values["published-at"];
  if (publishedAt && !/^\d{4}-\d{2}-\d{2}$/.test(publishedAt))
    throw new UsageError("--published-at 须为 YYYY-MM-DD。");
  if (values.previous && values["previous-dir"])
    throw new UsageError("--previous 与 --previous-dir 只能选用一个。");
  const previousDir = values["previous-dir"];
  if (previousDir && !isDirectory(previousDir))
    throw new UsageError(`--previous-dir 不是文件夹：${previousDir}`);

  const { files, folder } = expand(positionals);
  const batch = folder || files.length > 1;
  if (!files.length) throw new UsageError(`文件夹中没有可检查的报告（.txt、.html、.docx、.pdf）。`);
  const single = values.previous ? await readReportFile(values.previous) : null;
  const previousOf = previousDir ? await previousIndex(previousDir) : null;
  const tick = progress(files.length);
  const rows: SummaryRow[] = [];
  let exit = 0;
  for (const file of files) {
    try {
      const result = await readReportFile(file);
      const { report } = result;
      const paired = previousOf?.get(`${bodyKeyOf(report, file)}#${report.meta.year - 1}`) ?? null;
      const previousFile = paired?.file ?? values.previous ?? null;
      const context: CheckContext = {
        previous: paired?.report ?? single?.report ?? null,
        importFindings: result.findings,
        publishedAt: publishedAt ?? null,
      };
      if (kind && isBodyKind(kind)) context.profile = { kind };
      const findings = checkReport(report, context);
      const errors = findings.filter((f) => f.severity === "error").length;
      if (errors) exit = Math.max(exit, 1);
      const { bodyName, year } = report.meta;
      rows.push({
        file,
        body: bodyName,
        year,
        errors,
        warnings: findings.length - errors,
        unreadable: null,
        previous: previousFile,
      });
      if (values.json) {
        const out = findings.map(({ ruleId, severity, message, cells, expected, actual }) => ({
          ruleId,
          severity,
          message,
          cells,
          expected,
          actual,
        }));
        const extra = { errors, warnings: findings.length - errors, previous: previousFile };
        console.log(
          JSON.stringify({
            file,
            ok: errors === 0,
            body: bodyName,
            year,
            findings: out,
            unplaced: result.unplaced,
            ...extra,
          }),
        );
      } else if (!batch || values.details) printHuman(file, result, findings);
    } catch (err) {
      if (!(err instanceof UnreadableError)) throw err;
      exit = 2;
      rows.push({
        file,
        body: "",
        year: null,
        errors: 0,
        warnings: 0,
        unreadable: err.message,
        previous: null,
      });
      if (values.json) console.log(JSON.stringify({ file, ok: false, error: err.message }));
      else if (!batch || values.details) console.error(`\n${err.message}`);
    }
    tick(rows.length);
  }
  if (batch && !values.json) console.log(`${values.details ? "\n" : ""}${summaryTable(rows)}`);
  if (values.csv) writeFileSync(values.csv, summaryCsv(rows));
  return exit;
}
