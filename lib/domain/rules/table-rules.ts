// Arithmetic of tables 三 and 四 (勾稽关系). Each check compares the totals as stored (typed in or imported)
// with the sums of their parts; a check with any blank input is not assessable and says nothing.
import { T3_COLUMNS, T3_PART_COLUMNS, T3_RESULT_ROWS, T3_ROWS, T4_GROUPS } from "../format";
import type { Report } from "../report-schema";
import { sumOrNull, t4GroupParts } from "../totals";
import type { RuleHit } from "./context";
import { t3Count, t3Ref, t3RowLabel, t4Count, t4GroupLabel, t4Ref } from "./table-cells";

const BALANCE_ROWS = ["newReceived", "carriedOver", "resultTotal", "carriedForward"] as const;

/** T3-BALANCE: per column, 一 + 二 = （七）总计 + 四, the relation printed in the table's corner. */
export function checkT3Balance(report: Report): RuleHit[] {
  const { tables } = report;
  return T3_COLUMNS.flatMap(({ key: col, label }) => {
    const [received, carried, results, forward] = BALANCE_ROWS.map((row) => t3Count(tables, row, col));
    const left = sumOrNull([received, carried]);
    const right = sumOrNull([results, forward]);
    if (left === null || right === null || left === right) return [];
    return [
      {
        message: `表三“${label}”列：第一项加第二项之和（${left}）应等于第三项加第四项之和（${right}）`,
        cells: BALANCE_ROWS.map((row) => t3Ref(row, col)),
        expected: left,
        actual: right,
      },
    ];
  });
}

/** T3-RESULT-TOTAL: per column, （七）总计 = the sum of the 22 result rows （一）…（六）3. */
export function checkT3ResultTotal(report: Report): RuleHit[] {
  const { tables } = report;
  return T3_COLUMNS.flatMap(({ key: col, label }) => {
    const stated = t3Count(tables, "resultTotal", col);
    const sum = sumOrNull(T3_RESULT_ROWS.map((row) => t3Count(tables, row, col)));
    if (stated === null || sum === null || stated === sum) return [];
    return [
      {
        message: `表三“${label}”列：“（七）总计”（${stated}）应等于（一）至（六）各项办理结果之和（${sum}）`,
        cells: [t3Ref("resultTotal", col)],
        expected: sum,
        actual: stated,
      },
    ];
  });
}

/** T3-ROW-TOTAL: per row, 总计 = 自然人 + the five 法人或其他组织 columns. */
export function checkT3RowTotal(report: Report): RuleHit[] {
  const { tables } = report;
  return T3_ROWS.flatMap(({ key: row }) => {
    const stated = t3Count(tables, row, "total");
    const sum = sumOrNull(T3_PART_COLUMNS.map((col) => t3Count(tables, row, col)));
    if (stated === null || sum === null || stated === sum) return [];
    return [
      {
        message: `表三“${t3RowLabel(row)}”行：“总计”（${stated}）应等于自然人与各类法人或其他组织之和（${sum}）`,
        cells: [t3Ref(row, "total")],
        expected: sum,
        actual: stated,
      },
    ];
  });
}

/** T4-GROUP-TOTAL: per group, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结. */
export function checkT4GroupTotal(report: Report): RuleHit[] {
  const { tables } = report;
  return T4_GROUPS.flatMap(({ key: group }) => {
    const stated = t4Count(tables, `${group}.total`);
    const sum = sumOrNull(t4GroupParts(group).map((col) => t4Count(tables, col)));
    if (stated === null || sum === null || stated === sum) return [];
    return [
      {
        message: `表四“${t4GroupLabel(group)}”：“总计”（${stated}）应等于结果维持、结果纠正、其他结果、尚未审结之和（${sum}）`,
        cells: [t4Ref(`${group}.total`)],
        expected: sum,
        actual: stated,
      },
    ];
  });
}

/**
 * T3-CARRY-SHARE: carrying more than half of the year's applications into next year is unusual (an answer
 * is due within 20 working days, 40 with extension). Judged on the 总计 column only, to warn once.
 */
export function checkT3CarryShare(report: Report): RuleHit[] {
  const { tables } = report;
  const forward = t3Count(tables, "carriedForward", "total");
  const handled = sumOrNull([
    t3Count(tables, "newReceived", "total"),
    t3Count(tables, "carriedOver", "total"),
  ]);
  if (forward === null || handled === null || handled === 0 || forward * 2 <= handled) return [];
  return [
    {
      message:
        `表三“总计”列：“四、结转下年度继续办理”（${forward}）超过本年新收与上年结转之和（${handled}）的一半，` +
        `请核实是否存在超期未办结的申请，或说明原因`,
      cells: [t3Ref("carriedForward", "total"), t3Ref("newReceived", "total"), t3Ref("carriedOver", "total")],
      actual: forward,
    },
  ];
}
