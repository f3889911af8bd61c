// The queries behind the 汇总, the publication calendar and the body list, timed in-process against the bench
// database through the app's own read functions, with every SQL statement they send captured from Prisma's
// query log and EXPLAINed: a sequential scan of a large table is reported (an index is missing).
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { listPublicationCalendar } from "@/lib/server/public/calendar";
import { listPublicOrgs } from "@/lib/server/public/orgs";
import { getRollup } from "@/lib/server/public/rollup";

export interface QueryTiming {
  name: string;
  /** Median of the runs after a warm-up, ms. */
  ms: number;
  statements: number;
  /** Tables read by a sequential scan (small tables under SMALL_ROWS are fine). */
  seqScans: string[];
  plans: string[];
}

const BIG_TABLES = ["Report", "ReportEdition", "ReportFigure", "Organization"];

/** Postgres' Prisma query strings use $1..$n placeholders; EXPLAIN them with the logged params inlined. */
function inline(query: string, params: unknown[]): string {
  return query.replace(/\$(\d+)/g, (_, n: string) => {
    const v = params[Number(n) - 1];
    if (v === null || v === undefined) return "NULL";
    if (typeof v === "number" || typeof v === "boolean") return String(v);
    if (Array.isArray(v))
      return `ARRAY[${v.map((x) => `'${String(x).replaceAll("'", "''")}'`).join(",")}]::text[]`;
    return `'${String(v).replaceAll("'", "''")}'`;
  });
}

export async function measureQueries(
  databaseUrl: string,
  scope: { citySlug: string; districtSlug: string; year: number },
  runs = 5,
): Promise<QueryTiming[]> {
  const captured: { query: string; params: unknown[] }[] = [];
  let capturing = false;
  const prisma = new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl, max: 10 }),
    log: [{ emit: "event", level: "query" }],
  });
  prisma.$on("query", (e) => {
    if (capturing) captured.push({ query: e.query, params: JSON.parse(e.params) as unknown[] });
  });
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const jobs: [string, () => Promise<unknown>][] = [
    [
      `汇总 of the city (${scope.citySlug}, ${scope.year})`,
      () => getRollup(scope.citySlug, scope.year, {}, prisma),
    ],
    [
      `汇总 of a district (${scope.districtSlug})`,
      () => getRollup(scope.districtSlug, scope.year, {}, prisma),
    ],
    [`publication calendar ${scope.year + 1}`, () => listPublicationCalendar(scope.year, new Date(), prisma)],
    ["body list (all organisations)", () => listPublicOrgs(prisma)],
  ];
  const out: QueryTiming[] = [];
  try {
    for (const [name, job] of jobs) {
      await job(); // warm-up
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        await job();
        times.push(performance.now() - t);
      }
      captured.length = 0;
      capturing = true;
      await job();
      capturing = false;
      const seqScans = new Set<string>();
      const plans: string[] = [];
      // The settings a read applies to its own transaction (SELECT set_config(…, true)) apply to the plans after it.
      await client.query("BEGIN");
      for (const q of captured) {
        if (/^\s*SELECT set_config\(/i.test(q.query)) {
          await client.query(inline(q.query, q.params));
          continue;
        }
        if (!/^\s*SELECT/i.test(q.query)) continue;
        const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN ${inline(q.query, q.params)}`);
        const plan = rows.map((r) => r["QUERY PLAN"]).join("\n");
        const short = plan
          .split("\n")
          .map((l) => (l.length > 240 ? `${l.slice(0, 237)}…` : l))
          .join("\n");
        plans.push(`${q.query.slice(0, 160).replace(/\s+/g, " ")}…\n${short}`);
        for (const m of plan.matchAll(/Seq Scan on "?(\w+)"?/g))
          if (BIG_TABLES.includes(m[1]!)) seqScans.add(m[1]!);
      }
      await client.query("ROLLBACK");
      times.sort((a, b) => a - b);
      out.push({
        name,
        ms: times[Math.floor(times.length / 2)]!,
        statements: captured.length,
        seqScans: [...seqScans],
        plans,
      });
    }
  } finally {
    await client.end();
    await prisma.$disconnect();
  }
  return out;
}
