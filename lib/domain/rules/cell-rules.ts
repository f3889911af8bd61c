// Rules about single cells and table 二: valid values, blank cells at submission, the 规章 row of bodies
// without rule-making power, and a fee that looks entered in 元 instead of 万元.
import type { BodyKind } from "../orgs/body-kind";
import { readCell } from "../cells";
import { compareDecimals, parseDecimal, wanYuanToYuan } from "../decimal";
import { ALL_CELLS, TABLE_TITLES, T2_BLOCKS, describeCell, type CellDef, type TableKey } from "../format";
import type { Report } from "../report-schema";
import type { RuleContext, RuleHit } from "./context";
import { feeAmount, t2Count, t2Ref } from "./table-cells";

/** CELL-VALUE: counts are integers ≥ 0, the fee a decimal ≥ 0; at submission no cell may be blank. */
export function checkCellValues(report: Report, context: RuleContext): RuleHit[] {
  const invalid = ALL_CELLS.flatMap((def) => invalidValue(def, readCell(report.tables, def)));
  return context.stage === "submit" ? [...invalid, ...blankCells(report)] : invalid;
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined;
}

function invalidValue(def: CellDef, value: unknown): RuleHit[] {
  if (isBlank(value)) return [];
  const units = typeof value === "string" ? parseDecimal(value) : null;
  const valid = def.isDecimal
    ? units !== null && units >= 0n
    : typeof value === "number" && Number.isInteger(value) && value >= 0;
  if (valid) return [];
  const wanted = def.isDecimal ? "不小于0的数（单位：万元，最多四位小数）" : "不小于0的整数";
  return [
    {
      message: `${describeCell(def)}应为${wanted}，现为“${String(value)}”`,
      cells: [def],
      actual: String(value),
    },
  ];
}

/** One finding per table rather than per cell: an untouched table would otherwise bury every other finding. */
function blankCells(report: Report): RuleHit[] {
  const tables: TableKey[] = ["t2", "t3", "t4"];
  return tables.flatMap((table) => {
    const blanks = ALL_CELLS.filter((def) => def.table === table && isBlank(readCell(report.tables, def)));
    const [first] = blanks;
    if (!first) return [];
    return [
      {
        message: `${TABLE_TITLES[table]}有${blanks.length}个单元格未填写（如${describeCell(first)}），提交前须全部填写，没有数据的填0`,
        cells: blanks.map(({ table: t, row, col }) => ({ table: t, row, col })),
        actual: blanks.length,
        expected: 0,
      },
    ];
  });
}

const RULES_ROW = T2_BLOCKS[0].rows[0];

/** T2-RULES-POWER: bodies without rule-making power report 0 in every cell of the 规章 row. */
export function checkRulesPower(report: Report, context: RuleContext): RuleHit[] {
  if (context.hasRuleMakingPower !== false) return [];
  const nonZero = T2_BLOCKS[0].columns.flatMap((col) => {
    const value = t2Count(report.tables, RULES_ROW.key, col.key);
    return value !== null && value > 0 ? [{ col, value }] : [];
  });
  if (nonZero.length === 0) return [];
  const body = context.kind ? `本机关属于${context.kind}，` : "本机关";
  const stated = nonZero.map(({ col, value }) => `“${col.label}”为${value}`).join("，");
  return [
    {
      message: `表二“${RULES_ROW.label}”行：${body}没有规章制定权，本行应均为0（现${stated}）`,
      cells: nonZero.map(({ col }) => t2Ref(RULES_ROW.key, col.key)),
      expected: 0,
      actual: nonZero.reduce((sum, { value }) => sum + value, 0),
    },
  ];
}

/**
 * Fees (万元) above which an entry in 元 is the likelier explanation. Generous on purpose: a 街道 rarely
 * charges any 行政事业性收费, while a city's departments can collect hundreds of millions of 元.
 */
const FEE_CEILING_WAN_YUAN: Record<BodyKind, string> = {
  街道: "1000",
  乡镇: "1000",
  开发区: "100000",
  区县部门: "100000",
  区县政府: "1000000",
  市级部门: "1000000",
  市政府: "10000000",
};
const FEE_CEILING_UNKNOWN_KIND = "10000000";

/** T2-FEE-UNIT: a fee implausibly large for the body, probably typed in 元 rather than 万元. */
export function checkFeeUnit(report: Report, context: RuleContext): RuleHit[] {
  const fee = feeAmount(report.tables);
  if (fee === null || parseDecimal(fee) === null) return [];
  const ceiling = context.kind ? FEE_CEILING_WAN_YUAN[context.kind] : FEE_CEILING_UNKNOWN_KIND;
  if (compareDecimals(fee, ceiling) < 0) return [];
  const body = context.kind ?? "本机关";
  return [
    {
      message:
        `表二“行政事业性收费”的“本年收费金额（单位：万元）”为${fee}万元，即${wanYuanToYuan(fee)}元，` +
        `对${body}而言明显偏大，请确认是否误按“元”填报`,
      cells: [t2Ref("fees", "amount")],
      actual: fee,
    },
  ];
}
