import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { importText } from "@/lib/domain/import/text";
import { parseReport } from "@/lib/domain/report-schema";
import { createOrg } from "../setup/factories";
import { setupTestDb } from "../setup/test-db";

const run = promisify(execFile);
const SEED = "prisma/seed-data/gangcheng-2024.txt";
const work = mkdtempSync(join(tmpdir(), "nianbao-cli-"));
const t = setupTestDb();

async function cli(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, ["scripts/nianbao.mjs", ...args], {
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function variant(name: string, from: RegExp, to: string) {
  const path = join(work, name);
  const seed = readFileSync(SEED, "utf8");
  expect(seed).toMatch(from);
  writeFileSync(path, seed.replace(from, to));
  return path;
}

describe("nianbao check", () => {
  it("exits 0 with no error finding on the seed report", async () => {
    const { code, stdout } = await cli(["check", SEED]);
    expect(code).toBe(0);
    expect(stdout).toContain("柳北区人民政府钢城街道办事处 · 2024年度");
    expect(stdout).toContain("结论：未发现错误");
  });

  it("exits 1 naming the broken rules and cells when one table cell is changed", async () => {
    const file = variant("t3-changed.txt", /^(一、本年新收政府信息公开申请数量) \| 0 \|/m, "$1 | 3 |");
    const { code, stdout } = await cli(["check", file]);
    expect(code).toBe(1);
    expect(stdout).toContain(
      "[T3-BALANCE] 表三“自然人”列：第一项加第二项之和（3）应等于第三项加第四项之和（0）",
    );
    expect(stdout).toContain("[T3-ROW-TOTAL]");
    expect(stdout).toContain("表三“一、本年新收政府信息公开申请数量”行“自然人”列");
  });

  it("prints one JSON object per file with --json", async () => {
    const file = variant("t4-changed.txt", /^0 \| 0 \| 0 \| 0 \| 0 \|/m, "1 | 0 | 0 | 0 | 0 |");
    const { code, stdout } = await cli(["check", SEED, file, "--json"]);
    expect(code).toBe(1);
    const lines = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      file: SEED,
      ok: true,
      body: "柳北区人民政府钢城街道办事处",
      year: 2024,
      findings: [],
      unplaced: [],
    });
    expect(lines[1].ok).toBe(false);
    expect(lines[1].findings[0]).toMatchObject({
      ruleId: "T4-GROUP-TOTAL",
      severity: "error",
      cells: [{ table: "t4", row: "cases", col: "review.total" }],
    });
  });

  it("uses --previous for the cross-year rules and --published-at for the deadline", async () => {
    const lastYear = readFileSync(SEED, "utf8")
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
    const previous = join(work, "gangcheng-2023.txt");
    writeFileSync(previous, lastYear);
    expect((await cli(["check", previous])).code).toBe(0);
    const { code, stdout } = await cli([
      "check",
      SEED,
      "--previous",
      previous,
      "--published-at",
      "2025-03-01",
    ]);
    expect(code).toBe(1);
    expect(stdout).toContain("[X-CARRY-OVER]");
    expect(stdout).toContain("[DOC-DEADLINE]");
  });

  it("checks a correct report in every layout clean, and never passes tables it could not read", async () => {
    const fixture = (name: string) => `tests/fixtures/reports/linjiang-market-2024${name}`;
    const files = ["-web.txt", "-pdf-copy.txt", "-preamble-page.html", ".docx"].map(fixture);
    const clean = await cli(["check", ...files, "--json"]);
    expect(clean.code).toBe(0);
    const verdicts = clean.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(verdicts.map((v) => [v.ok, v.body, v.findings.length])).toEqual(
      files.map(() => [true, "临江县市场监督管理局", 0]),
    );
    const unread = await cli(["check", fixture("-tables-as-images.txt")]);
    expect(unread.code).toBe(1);
    expect(unread.stdout).toContain(
      "[IMPORT-TABLE-UNREAD] 表三（收到和处理政府信息公开申请情况）未能读取，未检查",
    );
    expect(unread.stdout).not.toContain("未发现错误");
    const sums = await cli(["check", fixture("-pdf-copy-t4-errors.txt")]);
    expect(sums.code).toBe(1);
    expect(sums.stdout.match(/\[T4-GROUP-TOTAL\]/g)).toHaveLength(2);
  });

  it("says which checks did not run when a page was cut off", async () => {
    const { code, stdout } = await cli([
      "check",
      "tests/fixtures/reports/dongmen-subdistrict-2024-truncated.txt",
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain("部分单元格未能读取，相应检查未进行");
  });

  it("exits 2 when a file cannot be read as a report", async () => {
    const junk = join(work, "junk.txt");
    writeFileSync(junk, "这是一段与年度报告无关的文字。\n");
    expect((await cli(["check", junk])).code).toBe(2);
    expect((await cli(["check", join(work, "missing.txt")])).code).toBe(2);
    expect((await cli(["check", SEED, "--body-kind", "外星"])).code).toBe(2);
  });
});

describe("nianbao render and import", () => {
  it("renders an imported report as its author wrote it: their headings, no standard sub-headings added", async () => {
    const file = "tests/fixtures/reports/linjiang-market-2024-jiangsu-headings.txt";
    const { stdout } = await cli(["render", file, "--format", "txt"]);
    expect(stdout).toContain("五、政府信息公开工作存在的主要问题及改进情况\n一是部分栏目");
    expect(stdout).toContain("（五）政府信息公开监督保障情况\n");
    expect(stdout).not.toContain("（五）监督保障\n");
    const rendered = join(work, "jiangsu-rendered.txt");
    writeFileSync(rendered, stdout);
    const [source, again] = await Promise.all([
      cli(["check", file, "--json"]),
      cli(["check", rendered, "--json"]),
    ]);
    expect(JSON.parse(again.stdout).findings).toEqual(JSON.parse(source.stdout).findings);
  });

  it("renders the canonical text, which imports back to the same report", async () => {
    const { code, stdout } = await cli(["render", SEED, "--format", "txt"]);
    expect(code).toBe(0);
    const original = importText(readFileSync(SEED, "utf8")).report;
    expect(importText(stdout).report).toEqual(original);
    const json = await cli(["render", SEED, "--format", "json"]);
    expect(parseReport(JSON.parse(json.stdout))).toEqual(original);
    const html = await cli(["render", SEED, "--format", "html"]);
    expect(html.stdout).toContain("<table");
  });

  it("imports into the database through the data layer, with an audit entry, and refuses a duplicate", async () => {
    const org = await createOrg(t.db, { name: "柳北区人民政府测试街道办事处", slug: "ceshi" });
    const env = { DATABASE_URL: t.url };
    const first = await cli(["import", SEED, "--org", "ceshi", "--year", "2024", "--publish"], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("已导入 柳北区人民政府测试街道办事处2024年度报告并发布");
    const report = await t.db.report.findUniqueOrThrow({
      where: { orgId_year: { orgId: org.id, year: 2024 } },
      include: { editions: true },
    });
    expect(report.status).toBe("PUBLISHED");
    expect(report.editions).toHaveLength(1);
    expect(await t.db.auditEvent.count({ where: { action: "report.import", targetId: report.id } })).toBe(1);
    const again = await cli(["import", SEED, "--org", "ceshi", "--year", "2024"], env);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain("已存在");
  });

  it("creates the first administrator once with create-admin", async () => {
    const env = { DATABASE_URL: t.url };
    const args = ["create-admin", "--username", "first-admin", "--password", "a long enough secret"];
    const first = await cli(args, env);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("已创建管理员 first-admin");
    const admin = await t.db.user.findUniqueOrThrow({
      where: { username: "first-admin" },
      include: { memberships: true },
    });
    expect(admin.memberships.map((m) => m.role)).toEqual(["ADMIN"]);
    expect((await cli([...args.slice(0, 2), "second-admin", ...args.slice(3)], env)).code).toBe(1);
  });
});
