// `nianbao check` on a folder, as a district office checks all its bodies' reports at once, run through the
// bundled CLI (dist/cli.mjs, built here as `npm ci`/`npm test` build it).
import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "@/lib/domain/open-data/export-csv";

const run = promisify(execFile);
const SEED = "prisma/seed-data/gangcheng-2024.txt";
const FIXTURES = "tests/fixtures/reports";

async function cli(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, ["scripts/nianbao.mjs", ...args], {
      env: { ...process.env, NIANBAO_CLI_TRACE: "1", ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const seed = readFileSync(SEED, "utf8");
/** The seed with one table-四 cell changed: a T4 sum error. */
const broken = seed.replace(/^0 \| 0 \| 0 \| 0 \| 0 \|/m, "1 | 0 | 0 | 0 | 0 |");
/** Last year's seed whose carry-forward (2) does not match this year's carry-over (0). */
const lastYear = seed
  .replaceAll("2025年", "2024年")
  .replaceAll("2024", "2023")
  .replace(
    /^(四、结转下年度继续办理) \| 0 \| 0 \| 0 \| 0 \| 0 \| 0 \| 0 \|/m,
    "$1 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |",
  )
  .replace(
    /^(一、本年新收政府信息公开申请数量) \| 0 \| 0 \| 0 \| 0 \| 0 \| 0 \| 0 \|/m,
    "$1 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |",
  );

const work = mkdtempSync(join(tmpdir(), "nianbao-batch-"));
const folder = (name: string, files: Record<string, string | { copy: string }>) => {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(join(dir, file, ".."), { recursive: true });
    if (typeof content === "string") writeFileSync(join(dir, file), content);
    else copyFileSync(content.copy, join(dir, file));
  }
  return dir;
};

beforeAll(async () => {
  await run(process.execPath, ["scripts/build-cli.mjs"]);
}, 120_000);

describe("nianbao check <folder>", { timeout: 120_000 }, () => {
  it("runs the bundled CLI when it is fresh", async () => {
    const { code, stderr, stdout } = await cli(["check", SEED]);
    expect(code).toBe(0);
    expect(stderr).toContain("nianbao: bundle");
    expect(stdout).toContain("结论：未发现错误");
  });

  it("checks every report under a folder (PDF included) and prints the summary; exit 2 for an unreadable one", async () => {
    const dir = folder("all", {
      "钢城街道2024.txt": seed,
      "sub/错误示例.txt": broken,
      "江北区政府办公室.pdf": { copy: `${FIXTURES}/jiangbei-office-2021.pdf` },
      "扫描件.pdf": { copy: `${FIXTURES}/jiangbei-office-2021-scan.pdf` },
      "notes.md": "not a report file type: skipped",
    });
    const csv = join(work, "summary.csv");
    const { code, stdout } = await cli(["check", dir, "--csv", csv]);
    expect(code).toBe(2);
    const row = (file: string) =>
      stdout
        .split("\n")
        .find((l) => l.startsWith(join(dir, file)))
        ?.split(/\s{2,}/);
    expect(row("钢城街道2024.txt")).toEqual([
      join(dir, "钢城街道2024.txt"),
      "柳北区人民政府钢城街道办事处",
      "2024",
      "0",
      "0",
    ]);
    expect(row("sub/错误示例.txt")?.slice(3)).toEqual(["1", "0"]);
    expect(row("江北区政府办公室.pdf")?.slice(1, 4)).toEqual(["江北区人民政府办公室", "2021", "0"]);
    expect(row("扫描件.pdf")?.slice(1)).toEqual(["—", "—", "—", "—", "是"]);
    expect(stdout).not.toContain("notes.md");
    expect(stdout).toContain("共 4 份：1 份有错误，2 份未发现错误，1 份无法读取。");
    const rows = parseCsv(readFileSync(csv, "utf8").replace(/^\uFEFF/, ""));
    expect(rows[0]).toEqual(["文件", "机关", "年度", "错误", "警告", "无法读取", "上年报告", "说明"]);
    const scan = rows.find((r) => r[0]!.endsWith("扫描件.pdf"))!;
    expect(scan[5]).toBe("是");
    expect(scan[7]).toContain("此PDF没有文字层（扫描件），无法检查");
    expect(rows).toHaveLength(5);
  });

  it("exits 1 when some report has errors and none is unreadable; --json gives one line per file with counts", async () => {
    const dir = folder("errors", { "a.txt": seed, "b.txt": broken });
    const { code, stdout } = await cli(["check", dir, "--json"]);
    expect(code).toBe(1);
    const lines = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.file, l.ok, l.errors])).toEqual([
      [join(dir, "a.txt"), true, 0],
      [join(dir, "b.txt"), false, 1],
    ]);
  });

  it("pairs each report with last year's of the same body from --previous-dir", async () => {
    const dir = folder("2024", { "钢城.txt": seed });
    const previous = folder("2023", {
      "钢城街道2023年报.txt": lastYear,
      "other.txt": broken.replaceAll("钢城", "锦绣"),
    });
    const { code, stdout } = await cli(["check", dir, "--previous-dir", previous, "--json"]);
    expect(code).toBe(1);
    const [line] = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(line.previous).toBe(join(previous, "钢城街道2023年报.txt"));
    expect(line.findings.map((f: { ruleId: string }) => f.ruleId)).toContain("X-CARRY-OVER");
  });

  it("keeps a single file's detailed output, and shows progress on stderr for long runs", async () => {
    const files = Object.fromEntries(
      Array.from({ length: 120 }, (_, i) => [`r${String(i).padStart(3, "0")}.txt`, seed]),
    );
    const dir = folder("many", files);
    const { code, stdout, stderr } = await cli(["check", dir]);
    expect(code).toBe(0);
    expect(stderr).toContain("已检查 100/120 份");
    expect(stderr).toContain("已检查 120/120 份");
    expect(stdout).toContain("共 120 份：0 份有错误，120 份未发现错误，0 份无法读取。");
    expect(stdout).not.toContain("结论：");
  });
});
