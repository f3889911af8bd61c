// Rules comparing this year's tables with last year's report of the same body. Without last year's
// report (or with blank cells on either side) they are not assessable.
import { T2_BLOCKS, T3_COLUMNS } from "../format";
import type { Report } from "../report-schema";
import type { RuleContext, RuleHit } from "./context";
import { t2Count, t2Ref, t3Count, t3Ref } from "./table-cells";

/** X-CARRY-OVER: per column, this year's 二、上年结转 = last year's 四、结转下年度继续办理. */
export function checkCarryOver(report: Report, context: RuleContext): RuleHit[] {
  const previous = context.previous;
  if (!previous) return [];
  return T3_COLUMNS.flatMap(({ key: col, label }) => {
    const carried = t3Count(report.tables, "carriedOver", col);
    const lastForward = t3Count(previous.tables, "carriedForward", col);
    if (carried === null || lastForward === null || carried === lastForward) return [];
    return [
      {
        message:
          `表三“${label}”列：“二、上年结转政府信息公开申请数量”（${carried}）应等于` +
          `${previous.meta.year}年报告的“四、结转下年度继续办理”（${lastForward}）`,
        cells: [t3Ref("carriedOver", col)],
        expected: lastForward,
        actual: carried,
      },
    ];
  });
}

const ITEM1 = T2_BLOCKS[0];

interface InForceFigures {
  rowKey: string;
  rowLabel: string;
  issued: number;
  repealed: number;
  inForce: number;
  lastInForce: number;
}

/** The 规章 and 行政规范性文件 rows whose four inputs (three this year, one last year) are all filled. */
function inForceFigures(report: Report, previous: Report): InForceFigures[] {
  return ITEM1.rows.flatMap(({ key, label }) => {
    const issued = t2Count(report.tables, key, "issued");
    const repealed = t2Count(report.tables, key, "repealed");
    const inForce = t2Count(report.tables, key, "inForce");
    const lastInForce = t2Count(previous.tables, key, "inForce");
    if (issued === null || repealed === null || inForce === null || lastInForce === null) return [];
    return [{ rowKey: key, rowLabel: label, issued, repealed, inForce, lastInForce }];
  });
}

/**
 * X-IN-FORCE: 现行有效 = last year's 现行有效 + 本年制发 − 本年废止. Documents also lapse without being
 * repealed, so a break is a warning the author explains.
 */
export function checkInForce(report: Report, context: RuleContext): RuleHit[] {
  const previous = context.previous;
  if (!previous) return [];
  return inForceFigures(report, previous).flatMap((f) => {
    const expected = f.lastInForce + f.issued - f.repealed;
    if (f.inForce === expected) return [];
    return [
      {
        message:
          `表二“${f.rowLabel}”行：“现行有效件数”（${f.inForce}）与上年现行有效件数（${f.lastInForce}）` +
          `加本年制发件数（${f.issued}）减本年废止件数（${f.repealed}）所得（${expected}）不一致，请说明原因`,
        cells: [t2Ref(f.rowKey, "inForce"), t2Ref(f.rowKey, "issued"), t2Ref(f.rowKey, "repealed")],
        expected,
        actual: f.inForce,
      },
    ];
  });
}

/** X-REPEAL-BOUND: nothing can be repealed that was neither in force last year nor issued this year. */
export function checkRepealBound(report: Report, context: RuleContext): RuleHit[] {
  const previous = context.previous;
  if (!previous) return [];
  return inForceFigures(report, previous).flatMap((f) => {
    const bound = f.lastInForce + f.issued;
    if (f.repealed <= bound) return [];
    return [
      {
        message:
          `表二“${f.rowLabel}”行：“本年废止件数”（${f.repealed}）超过上年现行有效件数（${f.lastInForce}）` +
          `与本年制发件数（${f.issued}）之和（${bound}）`,
        cells: [t2Ref(f.rowKey, "repealed")],
        expected: bound,
        actual: f.repealed,
      },
    ];
  });
}
