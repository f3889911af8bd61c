// A seedable generator of plausible, rule-consistent annual reports: the demo world and the benchmark's data.
// Pure and fast (no I/O, no Date.now, no Math.random): the same seed and body always give the same reports.
// A series chains across years exactly as the cross-year rules want (上年结转 = last year's 结转下年度继续办理,
// 现行有效件数 = last year's + 本年制发 − 本年废止), and its prose states the tables' own figures, so every report
// passes checkReport with no finding. A real report can anchor the series (its neighbours chain to it).
import { orgKindOf, type BodyKind } from "../orgs/body-kind";
import { defaultDeadline } from "../calendar/deadline";
import { T3_PART_COLUMNS, T3_ROWS, T4_GROUPS, type T3ColKey } from "../format";
import { feeNarrative, onRequestNarrative } from "../narrative";
import { reportFromTemplate, type BodyDetails } from "../prefill";
import type { Report, Table2, Tables } from "../report-schema";
import { computeTotals } from "../totals";
import { generatedTexts, type TextFacts } from "./texts";
import { between, createRng, pick, type Rng } from "./seeded-random";

export { createRng } from "./seeded-random";

export interface GeneratorBody {
  /** 机关全称, e.g. 柳北区人民政府锦绣街道办事处. */
  name: string;
  /** How the prose names the body, e.g. 锦绣街道; defaults to 本机关. */
  shortName?: string;
  kind: BodyKind;
  /** Only bodies with rule-making power fill the 规章 row. */
  hasRuleMakingPower?: boolean;
  contact?: BodyDetails["contact"];
  portalUrl?: string;
}

export interface SeriesOptions {
  seed: number | string;
  body: GeneratorBody;
  /** Consecutive years, ascending. */
  years: readonly number[];
  /** A given report of one of the years (e.g. an imported real one): the other years chain to it. */
  anchor?: Report;
}

// ---- The body's scale: how much a body of this kind publishes, decides and is asked -------------------------

interface Scale {
  items: [number, number];
  applications: [number, number];
  licensing: [number, number];
  punishment: [number, number];
  enforcement: [number, number];
  normativeIssued: [number, number];
  rulesIssued: [number, number];
  /** Chance of a 行政复议 case in a year; litigation is rarer still. */
  reviewChance: number;
  /** Fee in 万元 (hundredths): [min, max]; 0 for bodies that charge none. */
  feeCents: [number, number];
}

const SCALES: Record<BodyKind, Scale> = {
  街道: s([60, 320], [1, 9], [0, 40], [0, 30], [0, 3], [0, 2], [0, 0], 0.15, [0, 0]),
  乡镇: s([50, 260], [0, 6], [0, 60], [0, 40], [0, 4], [0, 2], [0, 0], 0.1, [0, 0]),
  开发区: s([150, 700], [2, 20], [20, 400], [0, 60], [0, 10], [0, 4], [0, 0], 0.2, [0, 3000]),
  区县部门: s([200, 1500], [4, 40], [50, 3200], [10, 300], [0, 30], [0, 5], [0, 0], 0.3, [0, 6000]),
  市级部门: s([400, 2500], [10, 90], [100, 6000], [20, 900], [0, 60], [1, 8], [0, 0], 0.5, [0, 20000]),
  区县政府: s([1200, 5200], [20, 120], [0, 200], [0, 80], [0, 20], [3, 12], [0, 0], 0.6, [0, 0]),
  市政府: s([3000, 9000], [60, 300], [0, 300], [0, 120], [0, 30], [5, 20], [0, 3], 0.8, [0, 0]),
};

function s(
  items: [number, number],
  applications: [number, number],
  licensing: [number, number],
  punishment: [number, number],
  enforcement: [number, number],
  normativeIssued: [number, number],
  rulesIssued: [number, number],
  reviewChance: number,
  feeCents: [number, number],
): Scale {
  return {
    items,
    applications,
    licensing,
    punishment,
    enforcement,
    normativeIssued,
    rulesIssued,
    reviewChance,
    feeCents,
  };
}

// ---- Table 三: applications per applicant column, their outcomes, and the carry-over between years ----------

/** Where an application ends, with weights like real reports (most are disclosed or not held). */
const OUTCOME_WEIGHTS: readonly [string, number][] = [
  ["disclosed", 44],
  ["partial", 9],
  ["withheld.thirdParty", 3],
  ["withheld.internal", 2],
  ["withheld.process", 3],
  ["withheld.queryMatter", 2],
  ["withheld.enforcementFile", 1],
  ["unable.notHeld", 20],
  ["unable.needsCreation", 4],
  ["unable.unclear", 2],
  ["notProcessed.petition", 4],
  ["notProcessed.repeated", 2],
  ["notProcessed.publication", 1],
  ["notProcessed.confirm", 1],
  ["otherHandling.noCorrection", 2],
];
const OUTCOME_TOTAL = OUTCOME_WEIGHTS.reduce((sum, [, w]) => sum + w, 0);

function drawOutcome(rng: Rng): string {
  let r = rng() * OUTCOME_TOTAL;
  for (const [row, weight] of OUTCOME_WEIGHTS) {
    r -= weight;
    if (r < 0) return row;
  }
  return "disclosed";
}

/** Applications per applicant column (自然人 most, then 商业企业, now and then another kind). */
function splitApplicants(rng: Rng, total: number): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(T3_PART_COLUMNS.map((c) => [c, 0]));
  for (let i = 0; i < total; i++) {
    const r = rng();
    const col =
      r < 0.8
        ? "natural"
        : r < 0.93
          ? "commercial"
          : r < 0.96
            ? "legalService"
            : r < 0.98
              ? "otherOrg"
              : r < 0.99
                ? "publicWelfare"
                : "research";
    counts[col]!++;
  }
  return counts;
}

type Carry = Record<string, number>;
const zeroCarry = (): Carry => Object.fromEntries(T3_PART_COLUMNS.map((c) => [c, 0]));

interface T3Plan {
  carriedOver: Carry;
  newReceived: Carry;
  carriedForward: Carry;
}

/** Carried forward: now and then an application received in December is still open (never half the year's). */
function drawForward(rng: Rng, handled: Carry): Carry {
  const forward = zeroCarry();
  for (const col of T3_PART_COLUMNS) {
    const cap = Math.floor(handled[col]! * 0.3);
    if (cap > 0 && rng() < 0.5) forward[col] = between(rng, 1, cap);
  }
  return forward;
}

const add = (a: Carry, b: Carry): Carry => Object.fromEntries(T3_PART_COLUMNS.map((c) => [c, a[c]! + b[c]!]));
const sumCarry = (c: Carry) => T3_PART_COLUMNS.reduce((sum, col) => sum + c[col]!, 0);

/** Enough new applications that the fixed carry-forward is possible and at most half of the year's. */
function ensureRoomFor(plan: T3Plan): void {
  for (const col of T3_PART_COLUMNS) {
    const short = plan.carriedForward[col]! - plan.carriedOver[col]! - plan.newReceived[col]!;
    if (short > 0) plan.newReceived[col]! += short;
  }
  const handled = sumCarry(plan.newReceived) + sumCarry(plan.carriedOver);
  const excess = 2 * sumCarry(plan.carriedForward) - handled;
  if (excess > 0) plan.newReceived.natural! += excess;
}

function fillTable3(rng: Rng, plan: T3Plan): Tables["t3"] {
  const t3: Record<string, Record<string, number | null>> = Object.fromEntries(
    T3_ROWS.map((r) => [r.key, { ...Object.fromEntries(T3_PART_COLUMNS.map((c) => [c, 0])), total: 0 }]),
  );
  const row = (key: string) => t3[key]!;
  for (const col of T3_PART_COLUMNS) {
    row("newReceived")[col] = plan.newReceived[col]!;
    row("carriedOver")[col] = plan.carriedOver[col]!;
    row("carriedForward")[col] = plan.carriedForward[col]!;
    const handled = plan.newReceived[col]! + plan.carriedOver[col]! - plan.carriedForward[col]!;
    for (let i = 0; i < handled; i++) row(drawOutcome(rng))[col]!++;
  }
  return t3 as unknown as Tables["t3"];
}

// ---- One year -----------------------------------------------------------------------------------------------

/** What one year hands to the next: the applications still open and the documents in force. */
export interface YearState {
  carry: Carry;
  normativeInForce: number;
  rulesInForce: number;
}

interface YearPlan {
  start: YearState;
  end: YearState;
  t2: Omit<Table2, "fees"> & { fees: { amount: string } };
  t3: T3Plan;
}

const rulesPower = (body: GeneratorBody) => body.hasRuleMakingPower === true;

function drawTable2Counts(rng: Rng, scale: Scale) {
  return {
    licensing: between(rng, ...scale.licensing),
    punishment: between(rng, ...scale.punishment),
    enforcement: between(rng, ...scale.enforcement),
    fee: feeOf(between(rng, ...scale.feeCents)),
  };
}

function feeOf(cents: number): string {
  return cents === 0 ? "0" : `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
}

/** A year that starts from `start` (forward). */
function planForward(rng: Rng, body: GeneratorBody, start: YearState): YearPlan {
  const scale = SCALES[body.kind];
  const newReceived = splitApplicants(rng, between(rng, ...scale.applications));
  const forward = drawForward(rng, add(newReceived, start.carry));
  const normativeIssued = between(rng, ...scale.normativeIssued);
  const normativeRepealed = between(rng, 0, Math.min(start.normativeInForce, 2));
  const rulesIssued = rulesPower(body) ? between(rng, ...scale.rulesIssued) : 0;
  const rulesRepealed = rulesPower(body) ? between(rng, 0, Math.min(start.rulesInForce, 1)) : 0;
  const end: YearState = {
    carry: forward,
    normativeInForce: start.normativeInForce + normativeIssued - normativeRepealed,
    rulesInForce: start.rulesInForce + rulesIssued - rulesRepealed,
  };
  return assemble(rng, scale, start, end, {
    normative: [normativeIssued, normativeRepealed],
    rules: [rulesIssued, rulesRepealed],
    newReceived,
  });
}

/** A year that must end in `end` (backward, before an anchor): its start is derived. */
function planBackward(rng: Rng, body: GeneratorBody, end: YearState): YearPlan {
  const scale = SCALES[body.kind];
  const normativeRepealed = between(rng, 0, 1);
  const normativeIssued = Math.min(
    between(rng, ...scale.normativeIssued),
    end.normativeInForce + normativeRepealed,
  );
  const rulesRepealed = 0;
  const rulesIssued = rulesPower(body) ? Math.min(between(rng, ...scale.rulesIssued), end.rulesInForce) : 0;
  const startCarry = drawForward(rng, splitApplicants(rng, between(rng, ...scale.applications)));
  const start: YearState = {
    carry: startCarry,
    normativeInForce: end.normativeInForce - normativeIssued + normativeRepealed,
    rulesInForce: end.rulesInForce - rulesIssued + rulesRepealed,
  };
  const newReceived = splitApplicants(rng, between(rng, ...scale.applications));
  return assemble(rng, scale, start, end, {
    normative: [normativeIssued, normativeRepealed],
    rules: [rulesIssued, rulesRepealed],
    newReceived,
  });
}

function assemble(
  rng: Rng,
  scale: Scale,
  start: YearState,
  end: YearState,
  counts: { normative: [number, number]; rules: [number, number]; newReceived: Carry },
): YearPlan {
  const t3: T3Plan = { carriedOver: start.carry, newReceived: counts.newReceived, carriedForward: end.carry };
  ensureRoomFor(t3);
  const other = drawTable2Counts(rng, scale);
  return {
    start,
    end,
    t3,
    t2: {
      rules: { issued: counts.rules[0], repealed: counts.rules[1], inForce: end.rulesInForce },
      normativeDocs: {
        issued: counts.normative[0],
        repealed: counts.normative[1],
        inForce: end.normativeInForce,
      },
      licensing: { decisions: other.licensing },
      punishment: { decisions: other.punishment },
      enforcement: { decisions: other.enforcement },
      fees: { amount: other.fee },
    },
  };
}

function fillTable4(rng: Rng, scale: Scale): Tables["t4"] {
  const cases: Record<string, number> = {};
  for (const group of T4_GROUPS) {
    const chance = group.key === "review" ? scale.reviewChance : scale.reviewChance / 4;
    // A 街道 sees a case now and then; a body receiving dozens of applications a year may see a few.
    const most = group.key === "review" && scale.applications[1] >= 20 ? 3 : 1;
    const n = rng() < chance ? between(rng, 1, most) : 0;
    const parts = { upheld: 0, corrected: 0, other: 0, pending: 0 };
    for (let i = 0; i < n; i++) {
      const r = rng();
      parts[r < 0.65 ? "upheld" : r < 0.8 ? "corrected" : r < 0.9 ? "other" : "pending"]++;
    }
    for (const [outcome, value] of Object.entries(parts)) cases[`${group.key}.${outcome}`] = value;
    cases[`${group.key}.total`] = 0;
  }
  return { cases } as unknown as Tables["t4"];
}

function bodyDetails(body: GeneratorBody): BodyDetails {
  return {
    name: body.name,
    contact: body.contact && Object.values(body.contact).every((v) => v) ? body.contact : contactOf(body),
    portalUrl: body.portalUrl ?? "",
  };
}

/** The report of one planned year: tables from the plan, texts stating the tables' figures. */
function reportOf(
  rng: Rng,
  body: GeneratorBody,
  year: number,
  plan: YearPlan,
  previous: Report | null,
): Report {
  const template = reportFromTemplate(bodyDetails(body), year);
  const tables = computeTotals({
    t2: plan.t2 as Table2,
    t3: fillTable3(rng, plan.t3),
    t4: fillTable4(rng, SCALES[body.kind]),
  });
  const signDay = between(rng, 8, 25);
  const month = defaultDeadline(orgKindOf(body.kind), year).slice(5, 7);
  const report: Report = {
    ...template,
    meta: { ...template.meta, signatureDate: `${year + 1}-${month}-${String(signDay).padStart(2, "0")}` },
    tables,
  };
  const facts: TextFacts = {
    who: body.shortName || "本机关",
    kind: body.kind,
    items: between(rng, ...SCALES[body.kind].items),
    onRequest: narrativeOrThrow(report, previous),
    fee: feeNarrative(report, { notices: 0, amountYuan: "0" }),
  };
  return { ...report, sections: generatedTexts(rng, report, facts) };
}

function narrativeOrThrow(report: Report, previous: Report | null): string[] {
  const narrative = onRequestNarrative(report, previous);
  if (!narrative.ok) throw new Error(narrative.reason);
  return narrative.paragraphs;
}

/** A body without a configured contact still prints one (DOC-CONTACT): its office at its seat. */
function contactOf(body: GeneratorBody): BodyDetails["contact"] {
  const who = body.shortName || body.name;
  return { office: `${who}办公室`, address: `${who}机关驻地`, phone: "0772-0000000", postcode: "545000" };
}

// ---- Series --------------------------------------------------------------------------------------------------

function startStateOf(rng: Rng, body: GeneratorBody): YearState {
  const scale = SCALES[body.kind];
  return {
    carry: drawForward(rng, splitApplicants(rng, between(rng, ...scale.applications))),
    normativeInForce: between(rng, scale.normativeIssued[1], scale.normativeIssued[1] * 4),
    rulesInForce: rulesPower(body) ? between(rng, 10, 40) : 0,
  };
}

/** The state an anchor report starts from and ends in, read from its tables (blank cells count as 0). */
function statesOf(anchor: Report): { start: YearState; end: YearState } {
  const { t2, t3 } = anchor.tables;
  const n = (v: number | null | undefined) => v ?? 0;
  const carryOf = (row: "carriedOver" | "carriedForward") =>
    Object.fromEntries(T3_PART_COLUMNS.map((c: T3ColKey) => [c, n(t3[row]?.[c])]));
  const inForce = (row: "rules" | "normativeDocs") => n(t2[row].inForce);
  const change = (row: "rules" | "normativeDocs") => n(t2[row].issued) - n(t2[row].repealed);
  return {
    start: {
      carry: carryOf("carriedOver"),
      normativeInForce: inForce("normativeDocs") - change("normativeDocs"),
      rulesInForce: inForce("rules") - change("rules"),
    },
    end: {
      carry: carryOf("carriedForward"),
      normativeInForce: inForce("normativeDocs"),
      rulesInForce: inForce("rules"),
    },
  };
}

/**
 * Reports of one body for consecutive years, each consistent with the one before (and with the anchor, which is
 * returned unchanged in its place). Deterministic in (seed, body name, years).
 */
export function generateReportSeries(options: SeriesOptions): Report[] {
  const { body, years, anchor } = options;
  const rng = createRng(`${options.seed}|${body.name}`);
  const anchorIndex = anchor ? years.indexOf(anchor.meta.year) : -1;
  if (anchor && anchorIndex < 0) throw new Error(`锚定报告的年度${anchor.meta.year}不在所列年度中`);
  const plans: (YearPlan | null)[] = years.map(() => null);
  if (anchor) {
    let end = statesOf(anchor).start;
    for (let i = anchorIndex - 1; i >= 0; i--) {
      plans[i] = planBackward(rng, body, end);
      end = plans[i]!.start;
    }
  }
  let state = anchor ? statesOf(anchor).end : startStateOf(rng, body);
  for (let i = anchorIndex + 1; i < years.length; i++) {
    plans[i] = planForward(rng, body, state);
    state = plans[i]!.end;
  }
  const reports: Report[] = [];
  for (let i = 0; i < years.length; i++) {
    const plan = plans[i];
    const previous = reports[i - 1] ?? null;
    reports.push(plan ? reportOf(rng, body, years[i]!, plan, previous) : anchor!);
  }
  return reports;
}

export interface BulkOptions {
  seed: number | string;
  bodies: Iterable<GeneratorBody>;
  years: readonly number[];
}

/** The bulk path (benchmarks): every body's series, one body at a time, without holding them all. */
export function* generateReports(
  options: BulkOptions,
): Generator<{ body: GeneratorBody; reports: Report[] }> {
  for (const body of options.bodies) {
    yield { body, reports: generateReportSeries({ seed: options.seed, body, years: options.years }) };
  }
}

/** A province-like tree of bodies for benchmarks: `count` bodies named after their district and kind. */
export function* generateBodies(count: number, seed: number | string = 1): Generator<GeneratorBody> {
  const rng = createRng(`bodies|${seed}`);
  const kinds: BodyKind[] = ["街道", "街道", "乡镇", "区县部门", "区县部门", "开发区"];
  for (let i = 0; i < count; i++) {
    const district = `第${Math.floor(i / 100) + 1}区`;
    const kind = pick(rng, kinds);
    const n = i + 1;
    const name =
      kind === "街道"
        ? `${district}人民政府第${n}街道办事处`
        : kind === "乡镇"
          ? `${district}第${n}镇人民政府`
          : kind === "开发区"
            ? `${district}第${n}经济开发区管理委员会`
            : `${district}第${n}局`;
    yield { name, shortName: name, kind };
  }
}
