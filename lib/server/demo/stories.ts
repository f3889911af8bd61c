import "server-only";
import type { BodyKind } from "@/lib/domain/orgs/body-kind";
import { deadlineEnd } from "@/lib/domain/calendar/deadline";
import type { Report } from "@/lib/domain/report-schema";
import { generateReportSeries, type GeneratorBody } from "@/lib/domain/generator/report";
import { createRng, between } from "@/lib/domain/generator/seeded-random";
import type { OrgKind } from "@/lib/generated/prisma/client";
import type { Actor } from "../auth/actor";

// The demo world's stories (docs/decisions/0018-demo-world.md): which report of which body goes through which
// part of the workflow, when, and the generated content of every year. ./tell-story.ts writes them.

export const DEMO_SEED = 2024;
export const DEMO_YEARS = [2021, 2022, 2023, 2024, 2025] as const;
/** The year being written now: a draft in review and a scheduled publication. */
export const DEMO_DRAFT_YEAR = 2026;

export type Story =
  | { kind: "published" }
  | { kind: "late"; publishAt: string }
  | { kind: "corrected"; correctAt: string }
  | { kind: "withdrawn"; withdrawAt: string; note: string }
  | { kind: "draft" }
  | { kind: "inReview"; remark: { anchor: string; body: string } }
  | { kind: "scheduled" }
  | { kind: "imported" };

/** Stories by org slug and year; a year not listed is published on time. */
export const DEMO_STORIES: Record<string, Partial<Record<number, Story>>> = {
  gangcheng: {
    2024: { kind: "imported" },
    2026: {
      kind: "inReview",
      remark: {
        anchor: "cell:t3:newReceived:natural",
        body: "本年新收自然人申请比上年明显增加，请核对是否包含同一申请人的重复申请，并在（二）依申请公开中说明。",
      },
    },
  },
  jinxiu: { 2023: { kind: "corrected", correctAt: "2024-04-18T15:00:00+08:00" } },
  bailu: { 2023: { kind: "late", publishAt: "2024-03-05T16:00:00+08:00" }, 2025: { kind: "draft" } },
  "liubei-office": {
    2022: {
      kind: "withdrawn",
      withdrawAt: "2023-03-10T11:00:00+08:00",
      note: "本报告表三部分数据统计口径有误，现撤销发布，核实后将重新发布。",
    },
    2026: { kind: "scheduled" },
  },
};

const BODY_KINDS: Record<OrgKind, BodyKind> = {
  CITY: "市政府",
  DISTRICT: "区县政府",
  SUBDISTRICT: "街道",
  TOWNSHIP: "乡镇",
  DEPARTMENT: "区县部门",
  DEV_ZONE: "开发区",
};

export interface DemoBody {
  orgId: string;
  slug: string;
  org: {
    name: string;
    shortName: string;
    kind: OrgKind;
    hasRuleMakingPower: boolean;
    deadlineMonth: number;
    deadlineDay: number;
    contactOffice: string;
    contactAddress: string;
    contactPhone: string;
    contactPostcode: string;
  };
  editor: Actor;
  /** Approves each step of the chain, in order (审核, then 签发 where the chain has it). */
  approvers: Actor[];
  supervisor: Actor;
  anchor?: Report;
}

export function generatorBodyOf(body: DemoBody): GeneratorBody {
  const { org } = body;
  return {
    name: org.name,
    shortName: org.shortName,
    kind: BODY_KINDS[org.kind],
    hasRuleMakingPower: org.hasRuleMakingPower,
    contact: {
      office: org.contactOffice,
      address: org.contactAddress,
      phone: org.contactPhone,
      postcode: org.contactPostcode,
    },
  };
}

/** The reports of every year of the body, the imported anchor in its place. */
export function demoSeries(body: DemoBody): Map<number, Report> {
  const years = [...DEMO_YEARS, DEMO_DRAFT_YEAR];
  const reports = generateReportSeries({
    seed: DEMO_SEED,
    body: generatorBodyOf(body),
    years,
    anchor: body.anchor,
  });
  return new Map(years.map((y, i) => [y, reports[i]!]));
}

export const HOUR = 3600_000;
export const DAY = 24 * HOUR;

/** A publication a few days to three weeks before the deadline, at office hours (deterministic per body-year). */
export function onTimePublication(body: DemoBody, year: number): Date {
  const rng = createRng(`${DEMO_SEED}|${body.slug}|${year}|dates`);
  const pad = (n: number) => String(n).padStart(2, "0");
  const deadline = `${year + 1}-${pad(body.org.deadlineMonth)}-${pad(body.org.deadlineDay)}`;
  return new Date(deadlineEnd(deadline).getTime() - between(rng, 3, 20) * DAY - between(rng, 8, 14) * HOUR);
}

export const STORY_LABELS: Record<Story["kind"], string> = {
  published: "发布",
  late: "逾期发布",
  corrected: "发布并更正",
  withdrawn: "发布后撤销",
  draft: "草稿（未发布）",
  inReview: "提交审核（含审核意见）",
  scheduled: "批准并定时发布",
  imported: "导入真实报告并发布",
};
