// CLI and importer speed, for docs/performance.md (a benchmark, not a test: figures depend on the machine and
// its load, which are printed with them). `npm run bench:cli` — builds the CLI bundle first.
//   - `nianbao check` of one text report: bundled CLI vs the TypeScript sources under tsx (wall time, process
//     start included), beside a bare `node -e 0`;
//   - `nianbao check <folder>` of 1,000 text reports in one process: reports per second;
//   - .docx import per file: the document.xml reader vs mammoth (in process, warm);
//   - PDF import per file (in process): the first one (pdf.js loading) and warm.
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import mammoth from "mammoth";
import { importDocx } from "@/lib/domain/import/docx";
import { importHtml } from "@/lib/domain/import/html";
import { importReport } from "@/lib/domain/import/import-report";
import { importText } from "@/lib/domain/import/text";
import { renderReportDocx } from "@/lib/server/documents/docx-export";
import { readPdfPages } from "@/lib/server/documents/pdf-text";

const TEXT_REPORTS = [
  "prisma/seed-data/gangcheng-2024.txt",
  "tests/fixtures/reports/baisha-town-2023.txt",
  "tests/fixtures/reports/jiangbei-office-2021-tabs.txt",
  "tests/fixtures/reports/qingshan-market-bureau-2022.txt",
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;

/** Wall and CPU (user + sys, from GNU time when installed: load-independent) medians of a Node process. */
function timed(
  args: string[],
  env: Record<string, string> = {},
  runs = 7,
): { wall: number; cpu: number | null } {
  const walls: number[] = [];
  const cpus: number[] = [];
  const gnuTime = existsSync("/usr/bin/time");
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const child = gnuTime
      ? spawnSync("/usr/bin/time", ["-f", "%U %S", process.execPath, ...args], {
          env: { ...process.env, ...env },
          stdio: ["ignore", "ignore", "pipe"],
          encoding: "utf8",
        })
      : spawnSync(process.execPath, args, { env: { ...process.env, ...env }, stdio: "ignore" });
    walls.push(performance.now() - start);
    const last =
      String(child.stderr ?? "")
        .trim()
        .split("\n")
        .pop() ?? "";
    const [user, sys] = last.split(" ").map(Number);
    if (gnuTime && Number.isFinite(user) && Number.isFinite(sys)) cpus.push((user! + sys!) * 1000);
  }
  return { wall: median(walls), cpu: cpus.length ? median(cpus) : null };
}

/** Per call, warm: wall and this process's CPU time. */
async function perFile(
  fn: () => Promise<unknown> | unknown,
  runs: number,
): Promise<{ wall: number; cpu: number }> {
  for (let i = 0; i < 3; i++) await fn();
  const start = performance.now();
  const cpu = process.cpuUsage();
  for (let i = 0; i < runs; i++) await fn();
  const used = process.cpuUsage(cpu);
  return { wall: (performance.now() - start) / runs, cpu: (used.user + used.system) / 1000 / runs };
}

const both = (t: { wall: number; cpu: number | null }): [string, string] => [
  ms(t.wall),
  t.cpu === null ? "—" : ms(t.cpu),
];

async function main() {
  execFileSync(process.execPath, ["scripts/build-cli.mjs"], { stdio: "inherit" });
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ");
  const rows: [string, string, string][] = [];

  const seed = TEXT_REPORTS[0]!;
  rows.push(["`node -e 0` (Node start-up alone)", ...both(timed(["-e", "0"]))]);
  rows.push([
    "`nianbao check` one text report, bundled CLI",
    ...both(timed(["scripts/nianbao.mjs", "check", seed])),
  ]);
  rows.push([
    "`nianbao check` one text report, TypeScript sources under tsx",
    ...both(timed(["scripts/nianbao.mjs", "check", seed], { NIANBAO_CLI_SOURCE: "1" }, 3)),
  ]);

  const dir = mkdtempSync(join(tmpdir(), "nianbao-bench-"));
  try {
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < 1000; i++)
      copyFileSync(TEXT_REPORTS[i % TEXT_REPORTS.length]!, join(dir, `r${i}.txt`));
    const t = timed(["scripts/nianbao.mjs", "check", dir, "--json"], {}, 3);
    const rate = (x: number) => `${(x / 1000).toFixed(2)} s = ${(1_000_000 / x).toFixed(0)} reports/s`;
    rows.push([
      "`nianbao check <folder>` of 1,000 text reports, one process",
      rate(t.wall),
      t.cpu === null ? "—" : rate(t.cpu),
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const report = importText(readFileSync(TEXT_REPORTS[2]!, "utf8")).report;
  const docx = new Uint8Array(await renderReportDocx(report, "年度报告"));
  const fast = await perFile(() => importDocx(docx), 50);
  const old = await perFile(
    async () => importHtml((await mammoth.convertToHtml({ buffer: Buffer.from(docx) })).value),
    20,
  );
  rows.push([
    ".docx import per file, document.xml reader (fflate + htmlparser2)",
    ms(fast.wall),
    ms(fast.cpu),
  ]);
  rows.push([".docx import per file, mammoth (before)", ms(old.wall), ms(old.cpu)]);

  const pdf = new Uint8Array(readFileSync("tests/fixtures/reports/jiangbei-office-2021.pdf"));
  const readPdf = () => importReport({ docx: pdf, fileName: "r.pdf", readPdf: readPdfPages });
  const coldStart = performance.now();
  const coldCpu = process.cpuUsage();
  await readPdf();
  const coldUsed = process.cpuUsage(coldCpu);
  rows.push([
    "PDF import, 4-page fixture, first in the process (loads pdf.js)",
    ms(performance.now() - coldStart),
    ms((coldUsed.user + coldUsed.system) / 1000),
  ]);
  const warm = await perFile(readPdf, 5);
  rows.push(["PDF import, 4-page fixture, warm", ms(warm.wall), ms(warm.cpu)]);

  console.log(`Node ${process.version}, ${cpus().length} CPUs, load average at start ${load}\n`);
  console.log("| measurement | wall (median) | CPU, user + sys (median) |\n| --- | --- | --- |");
  for (const [name, wallTime, cpuTime] of rows) console.log(`| ${name} | ${wallTime} | ${cpuTime} |`);
}

await main();
