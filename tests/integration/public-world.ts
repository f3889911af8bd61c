// A small published world for the public reader, API and 汇总 tests: a district with three 街道 (one of them
// corrected once), a department, a development zone with a 街道 below it, one withdrawn publication and one body
// that has not published. Figures are non-zero and chosen so that every sum is easy to check by hand.
import type { CellRef } from "@/lib/domain/format";
import { filledReport, t2, t3, t4 } from "@/tests/builders/report-builders";
import type { OrgKind } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/server/platform/db";
import { writeEdition } from "@/lib/server/reports/editions";
import { createImportedReport } from "@/lib/server/reports/import";

export const YEAR = 2024;

type Cells = (readonly [CellRef, unknown])[];

/** Slug → [name, kind, parent slug]. */
const ORGS: Record<string, [string, OrgKind, string | null]> = {
  "pub-district": ["测试市测试区人民政府", "DISTRICT", null],
  "pub-east": ["测试区人民政府东城街道办事处", "SUBDISTRICT", "pub-district"],
  "pub-west": ["测试区人民政府西城街道办事处", "SUBDISTRICT", "pub-district"],
  "pub-north": ["测试区人民政府北城街道办事处", "SUBDISTRICT", "pub-district"],
  "pub-office": ["测试区人民政府办公室", "DEPARTMENT", "pub-district"],
  "pub-zone": ["测试区高新技术产业开发区管理委员会", "DEV_ZONE", "pub-district"],
  "pub-zone-south": ["测试区高新区南城街道办事处", "SUBDISTRICT", "pub-zone"],
  "pub-silent": ["测试区人民政府静安街道办事处", "SUBDISTRICT", "pub-district"],
};

/** The figures each body published (the current edition), totals computed from the parts. */
export const FIGURES: Record<string, Cells> = {
  "pub-east": [
    [t3("newReceived", "natural"), 3],
    [t3("newReceived", "commercial"), 1],
    [t2("fees", "amount"), "0.1"],
    [t4("review.upheld"), 1],
  ],
  "pub-west": [
    [t3("newReceived", "natural"), 4],
    [t2("fees", "amount"), "0.2"],
    [t4("direct.corrected"), 2],
  ],
  "pub-north": [
    [t3("newReceived", "natural"), 5],
    [t2("fees", "amount"), "1234.5678"],
  ],
  "pub-office": [
    [t3("newReceived", "natural"), 10],
    [t3("carriedOver", "research"), 2],
  ],
  "pub-zone-south": [
    [t3("newReceived", "natural"), 7],
    [t2("fees", "amount"), "0.0322"],
  ],
};

/** North's first edition, replaced by the correction above. */
const NORTH_FIRST_EDITION: Cells = [
  [t3("newReceived", "natural"), 50],
  [t2("fees", "amount"), "9"],
];
/** The zone's own report, withdrawn after publication: it must count nowhere. */
const ZONE_WITHDRAWN: Cells = [[t3("newReceived", "natural"), 100]];

export type PublicWorld = Awaited<ReturnType<typeof buildPublicWorld>>;

export async function buildPublicWorld(db: Db) {
  const ids: Record<string, string> = {};
  for (const [slug, [name, kind, parent]] of Object.entries(ORGS)) {
    const org = await db.organization.create({
      data: {
        slug,
        name,
        shortName: name.replace(/^测试区(人民政府|高新区)?/, ""),
        kind,
        parentId: parent ? ids[parent] : null,
      },
    });
    ids[slug] = org.id;
  }
  const publish = async (slug: string, cells: Cells, publishedAt: Date) => {
    const content = filledReport({ bodyName: ORGS[slug]![0], year: YEAR, cells, recompute: true });
    const input = {
      orgId: ids[slug]!,
      year: YEAR,
      content,
      importFindings: [],
      publish: true,
      actorId: null,
      actorName: "测试",
      source: "test",
      publishedAt,
    };
    return (await createImportedReport(db, input)).report;
  };
  for (const slug of ["pub-east", "pub-west", "pub-office", "pub-zone-south"])
    await publish(slug, FIGURES[slug]!, new Date("2025-01-20T10:00:00+08:00"));
  const north = await publish("pub-north", NORTH_FIRST_EDITION, new Date("2025-01-10T10:00:00+08:00"));
  await db.$transaction((tx) =>
    writeEdition(tx, {
      reportId: north.id,
      orgId: ids["pub-north"]!,
      year: YEAR,
      content: filledReport({
        bodyName: ORGS["pub-north"]![0],
        year: YEAR,
        cells: FIGURES["pub-north"],
        recompute: true,
      }),
      findings: [],
      publishedById: null,
      publishedAt: new Date("2025-02-05T10:00:00+08:00"),
      changeNote: "更正表三申请数量",
    }),
  );
  const zone = await publish("pub-zone", ZONE_WITHDRAWN, new Date("2025-01-25T10:00:00+08:00"));
  await db.reportEdition.updateMany({
    where: { reportId: zone.id },
    data: { withdrawnAt: new Date("2025-03-01T10:00:00+08:00"), withdrawalNote: "数据有误，重新核实后发布" },
  });
  await db.report.update({ where: { id: zone.id }, data: { status: "WITHDRAWN" } });
  return { ids };
}
