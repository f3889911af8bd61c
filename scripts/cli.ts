// nianbao CLI: check, render and import annual reports. `check` exits 0 with no error finding, 1 when there
// are error findings, 2 when a file cannot be read as a report.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { BODY_KINDS, isBodyKind } from "@/lib/domain/body-kind";
import { describeCell } from "@/lib/domain/format";
import type { Finding } from "@/lib/domain/findings";
import { importReport, ImportFormatError, type ImportResult } from "@/lib/domain/import/import-report";
import { renderHtml } from "@/lib/domain/render/html";
import { renderText } from "@/lib/domain/render/text";
import { checkReport, type CheckContext } from "@/lib/domain/rules";

const USAGE = `用法：
  nianbao check <文件…> [--previous <上年文件>] [--body-kind ${BODY_KINDS.join("|")}] [--published-at YYYY-MM-DD] [--json]
  nianbao render <文件> --format txt|html|json
  nianbao import <文件> --org <机关名称> --year <年度> [--publish]
  nianbao create-admin --username <用户名> --password <密码> [--org-name <根机构名称>]
  nianbao backup <备份文件>            nianbao restore <备份文件> [--force]
  nianbao site rebuild [--app-url <应用地址>] [--site-dir <站点目录>]
文件可为 .txt（网页复制的文本）、.html（发布页面）或 .docx（Word），文本可为 UTF-8 或 GB18030 编码。`;

class UsageError extends Error {}
class UnreadableError extends Error {}

/** Reads a file as a report (by extension or content); UnreadableError when it is not one. */
export async function readReportFile(path: string): Promise<ImportResult> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(path));
  } catch (err) {
    throw new UnreadableError(
      `无法读取文件 ${path}：${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
  try {
    const result = await importReport({ docx: bytes, fileName: basename(path) });
    if (!result.recognised)
      throw new UnreadableError(`${path} 不是可识别的年度报告：未找到任何章节标题或统计表。`);
    return result;
  } catch (err) {
    if (err instanceof ImportFormatError) throw new UnreadableError(`${path}：${err.message}`);
    throw err;
  }
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

async function check(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      previous: { type: "string" },
      "body-kind": { type: "string" },
      "published-at": { type: "string" },
      json: { type: "boolean" },
    },
  });
  if (!positionals.length) throw new UsageError("check 需要至少一个文件。");
  const kind = values["body-kind"];
  if (kind && !isBodyKind(kind)) throw new UsageError(`--body-kind 须为 ${BODY_KINDS.join("、")} 之一。`);
  const publishedAt = values["published-at"];
  if (publishedAt && !/^\d{4}-\d{2}-\d{2}$/.test(publishedAt))
    throw new UsageError("--published-at 须为 YYYY-MM-DD。");
  const previous = values.previous ? (await readReportFile(values.previous)).report : null;
  let exit = 0;
  for (const file of positionals) {
    try {
      const result = await readReportFile(file);
      const context: CheckContext = {
        previous,
        importFindings: result.findings,
        publishedAt: publishedAt ?? null,
      };
      if (kind && isBodyKind(kind)) context.profile = { kind };
      const findings = checkReport(result.report, context);
      const ok = !findings.some((f) => f.severity === "error");
      if (!ok) exit = Math.max(exit, 1);
      if (values.json) {
        const { bodyName, year } = result.report.meta;
        const out = findings.map(({ ruleId, severity, message, cells, expected, actual }) => ({
          ruleId,
          severity,
          message,
          cells,
          expected,
          actual,
        }));
        console.log(
          JSON.stringify({ file, ok, body: bodyName, year, findings: out, unplaced: result.unplaced }),
        );
      } else printHuman(file, result, findings);
    } catch (err) {
      if (!(err instanceof UnreadableError)) throw err;
      exit = 2;
      if (values.json) console.log(JSON.stringify({ file, ok: false, error: err.message }));
      else console.error(`\n${err.message}`);
    }
  }
  return exit;
}

async function render(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: "string", default: "txt" } },
  });
  const [file] = positionals;
  if (!file) throw new UsageError("render 需要一个文件。");
  const { report } = await readReportFile(file);
  const formats: Record<string, () => string> = {
    txt: () => renderText(report),
    html: () => renderHtml(report),
    json: () => JSON.stringify(report, null, 2),
  };
  const output = formats[values.format ?? "txt"];
  if (!output) throw new UsageError("--format 须为 txt、html 或 json。");
  process.stdout.write(`${output()}\n`);
  return 0;
}

async function importIntoDb(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { org: { type: "string" }, year: { type: "string" }, publish: { type: "boolean" } },
  });
  const [file] = positionals;
  if (!file || !values.org || !values.year || !/^\d{4}$/.test(values.year))
    throw new UsageError("import 需要文件、--org 和 --year。");
  const result = await readReportFile(file);
  const { importReportFromCli } = await import("@/lib/server/report-import");
  const outcome = await importReportFromCli({
    orgName: values.org,
    year: Number(values.year),
    result,
    publish: !!values.publish,
    fileName: basename(file),
  });
  console.log(outcome.message);
  return outcome.ok ? 0 : 1;
}

/** The first administrator (refused once one exists); the database comes from DATABASE_URL. */
async function createAdmin(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { username: { type: "string" }, password: { type: "string" }, "org-name": { type: "string" } },
  });
  if (!values.username || !values.password)
    throw new UsageError("create-admin 需要 --username 和 --password。");
  if (!process.env.DATABASE_URL)
    throw new UsageError(
      "create-admin 需要设置 DATABASE_URL（内嵌数据库请改用环境变量 NIANBAO_ADMIN_USERNAME / NIANBAO_ADMIN_PASSWORD 启动）。",
    );
  const { db } = await import("@/lib/server/db");
  const { createFirstAdmin } = await import("@/lib/server/first-admin");
  try {
    const result = await createFirstAdmin(db, {
      username: values.username,
      password: values.password,
      orgName: values["org-name"],
    });
    console.log(result.ok ? `已创建管理员 ${values.username}。` : result.message);
    return result.ok ? 0 : 1;
  } finally {
    await db.$disconnect();
  }
}

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  check,
  render,
  import: importIntoDb,
  "create-admin": createAdmin,
  backup: async (args) => (await import("./backup")).backupCommand(args),
  restore: async (args) => (await import("./backup")).restoreCommand(args),
  site: async (args) => (await import("./site-cli")).siteCommand(args),
};

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const run = command ? COMMANDS[command] : undefined;
  if (!run) {
    console.log(USAGE);
    return command && command !== "help" && command !== "--help" ? 2 : 0;
  }
  return run(rest);
}

main().then(
  (code) => process.exit(code),
  (err) => {
    if (err instanceof UsageError || err instanceof UnreadableError) {
      console.error(`${err.message}\n\n${USAGE}`);
      process.exit(2);
    }
    console.error(err instanceof Error ? err.stack : err);
    process.exit(2);
  },
);
