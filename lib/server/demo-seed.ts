import "server-only";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { importText } from "@/lib/domain/import/text";
import type { OrgKind, Role } from "@/lib/generated/prisma/client";
import type { Db } from "./db";
import { hashPassword } from "./password";
import { createImportedReport } from "./report-import";

export const DEMO_PASSWORD = "nianbao-demo";

interface DemoOrg {
  slug: string;
  name: string;
  shortName: string;
  kind: OrgKind;
  parent: string | null;
  hasRuleMakingPower?: boolean;
  deadlineMonth?: number;
  approvalChain?: string[];
  contact?: { office: string; address: string; phone: string; postcode: string };
}

export const DEMO_ORGS: DemoOrg[] = [
  {
    slug: "liuzhou",
    name: "柳州市人民政府",
    shortName: "柳州市",
    kind: "CITY",
    parent: null,
    hasRuleMakingPower: true,
    deadlineMonth: 3,
  },
  {
    slug: "liubei",
    name: "柳州市柳北区人民政府",
    shortName: "柳北区",
    kind: "DISTRICT",
    parent: "liuzhou",
    deadlineMonth: 3,
  },
  {
    slug: "liubei-office",
    name: "柳北区人民政府办公室",
    shortName: "柳北区人民政府办公室",
    kind: "DEPARTMENT",
    parent: "liubei",
  },
  {
    slug: "gangcheng",
    name: "柳北区人民政府钢城街道办事处",
    shortName: "钢城街道",
    kind: "SUBDISTRICT",
    parent: "liubei",
    approvalChain: ["REVIEW", "SIGN"],
    contact: {
      office: "钢城街道党政办公室",
      address: "柳州市柳北区钢城路",
      phone: "0772-0000000",
      postcode: "545001",
    },
  },
  {
    slug: "jinxiu",
    name: "柳北区人民政府锦绣街道办事处",
    shortName: "锦绣街道",
    kind: "SUBDISTRICT",
    parent: "liubei",
  },
  {
    slug: "bailu",
    name: "柳北区人民政府白露街道办事处",
    shortName: "白露街道",
    kind: "SUBDISTRICT",
    parent: "liubei",
  },
];

export const DEMO_USERS: { username: string; displayName: string; org: string; role: Role; note: string }[] =
  [
    { username: "admin", displayName: "系统管理员", org: "liuzhou", role: "ADMIN", note: "系统管理员" },
    {
      username: "gangcheng-editor",
      displayName: "钢城街道填报员",
      org: "gangcheng",
      role: "EDITOR",
      note: "填报员 · 钢城街道",
    },
    {
      username: "gangcheng-reviewer",
      displayName: "钢城街道审核人",
      org: "gangcheng",
      role: "REVIEWER",
      note: "审核人 · 钢城街道",
    },
    {
      username: "gangcheng-signer",
      displayName: "钢城街道签发人",
      org: "gangcheng",
      role: "SIGNER",
      note: "签发人 · 钢城街道",
    },
    {
      username: "liubei-office",
      displayName: "柳北区政务公开办",
      org: "liubei",
      role: "SUPERVISOR",
      note: "区政务公开办 · 柳北区",
    },
  ];

/** The demo organisations, accounts and the published 钢城街道 2024 report. Idempotent. */
export async function seedDemo(db: Db, seedDir = join(process.cwd(), "prisma/seed-data")) {
  const orgIds = await seedOrgs(db);
  const created = await seedUsers(db, orgIds);
  const report = await seedGangcheng2024(db, orgIds.get("gangcheng")!, seedDir);
  return { usersCreated: created, reportCreated: report };
}

async function seedOrgs(db: Db): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const o of DEMO_ORGS) {
    const data = {
      name: o.name,
      shortName: o.shortName,
      kind: o.kind,
      parentId: o.parent ? ids.get(o.parent)! : null,
      hasRuleMakingPower: o.hasRuleMakingPower ?? false,
      deadlineMonth: o.deadlineMonth ?? 1,
      deadlineDay: 31,
      approvalChain: o.approvalChain ?? ["REVIEW"],
      contactOffice: o.contact?.office ?? "",
      contactAddress: o.contact?.address ?? "",
      contactPhone: o.contact?.phone ?? "",
      contactPostcode: o.contact?.postcode ?? "",
    };
    const org = await db.organization.upsert({
      where: { slug: o.slug },
      create: { slug: o.slug, ...data },
      update: {},
    });
    ids.set(o.slug, org.id);
  }
  return ids;
}

async function seedUsers(db: Db, orgIds: Map<string, string>): Promise<number> {
  let created = 0;
  for (const u of DEMO_USERS) {
    const existing = await db.user.findUnique({ where: { username: u.username } });
    if (existing) continue;
    await db.user.create({
      data: {
        username: u.username,
        displayName: u.displayName,
        passwordHash: await hashPassword(DEMO_PASSWORD),
        memberships: { create: { orgId: orgIds.get(u.org)!, role: u.role } },
      },
    });
    created++;
  }
  return created;
}

async function seedGangcheng2024(db: Db, orgId: string, seedDir: string): Promise<boolean> {
  if (await db.report.findUnique({ where: { orgId_year: { orgId, year: 2024 } } })) return false;
  const text = await readFile(join(seedDir, "gangcheng-2024.txt"), "utf8");
  const imported = importText(text);
  await createImportedReport(db, {
    orgId,
    year: 2024,
    content: imported.report,
    importFindings: imported.findings,
    publish: true,
    actorId: null,
    actorName: "演示数据",
    source: "prisma/seed-data/gangcheng-2024.txt",
    publishedAt: new Date("2025-01-15T10:00:00+08:00"),
  });
  return true;
}
