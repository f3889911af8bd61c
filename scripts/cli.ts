// nianbao CLI: check, render and import annual reports. `check` exits 0 with no error finding, 1 when there
// are error findings, 2 when a file cannot be read as a report. Shipped bundled (scripts/build-cli.mjs →
// dist/cli.mjs); scripts/nianbao.mjs runs the bundle when it is fresh, else this file under tsx.
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { BODY_KINDS } from "@/lib/domain/orgs/body-kind";
import { renderHtml } from "@/lib/domain/render/html";
import { renderText } from "@/lib/domain/render/text";
import { check } from "./cli-check";
import { readReportFile, UnreadableError, UsageError } from "./cli-read";

const USAGE = `用法：
  nianbao check <文件或文件夹…> [--previous <上年文件> | --previous-dir <上年文件夹>] [--body-kind ${BODY_KINDS.join("|")}]
                [--published-at YYYY-MM-DD] [--json] [--csv <汇总.csv>] [--details]
  nianbao render <文件> --format txt|html|json
  nianbao import <文件> --org <机关名称> --year <年度> [--publish]
  nianbao create-admin --username <用户名> --password <密码> [--org-name <根机构名称>]
  nianbao site rebuild [--app-url <应用地址>] [--site-dir <站点目录>]
  nianbao backup <备份文件>            nianbao restore <备份文件> [--force]
文件可为 .txt（网页复制的文本）、.html（发布页面）、.docx（Word）或 .pdf（带文字层的PDF；扫描件无法检查），
文本可为 UTF-8 或 GB18030 编码。检查文件夹或多个文件时输出汇总表（--details 另列每份报告的问题）。`;

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
  const { importReportFromCli } = await import("@/lib/server/reports/import");
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
  const { db } = await import("@/lib/server/platform/db");
  const { createFirstAdmin } = await import("@/lib/server/auth/first-admin");
  try {
    const result = await createFirstAdmin(
      {
        username: values.username,
        password: values.password,
        orgName: values["org-name"],
      },
      db,
    );
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
  site: async (args) => (await import("./site-cli")).siteCommand(args),
  backup: async (args) => (await import("./backup")).backupCommand(args),
  restore: async (args) => (await import("./backup")).restoreCommand(args),
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
