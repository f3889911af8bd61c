import "server-only";
import type { OrgKind, Role } from "@/lib/generated/prisma/client";

// The demo world's cast (docs/decisions/0018-demo-world.md): its organisations, its accounts (one shared
// password, shown on the sign-in page of a demo server) and who works on each body's reports.

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
    contact: {
      office: "柳北区人民政府办公室政务公开股",
      address: "柳州市柳北区胜利路",
      phone: "0772-0000003",
      postcode: "545001",
    },
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
    contact: {
      office: "锦绣街道党政办公室",
      address: "柳州市柳北区锦绣路",
      phone: "0772-0000001",
      postcode: "545002",
    },
  },
  {
    slug: "bailu",
    name: "柳北区人民政府白露街道办事处",
    shortName: "白露街道",
    kind: "SUBDISTRICT",
    parent: "liubei",
    contact: {
      office: "白露街道党政办公室",
      address: "柳州市柳北区白露大道",
      phone: "0772-0000002",
      postcode: "545003",
    },
  },
];

type DemoUser = { username: string; displayName: string; org: string; role: Role; note: string };

const staff = (username: string, org: string, shortName: string, role: Role): DemoUser => {
  const label = {
    EDITOR: "填报员",
    REVIEWER: "审核人",
    SIGNER: "签发人",
    SUPERVISOR: "政务公开办",
    ADMIN: "",
  }[role];
  return { username, displayName: `${shortName}${label}`, org, role, note: `${label} · ${shortName}` };
};

export const DEMO_USERS: DemoUser[] = [
  { username: "admin", displayName: "系统管理员", org: "liuzhou", role: "ADMIN", note: "系统管理员" },
  staff("gangcheng-editor", "gangcheng", "钢城街道", "EDITOR"),
  staff("gangcheng-reviewer", "gangcheng", "钢城街道", "REVIEWER"),
  staff("gangcheng-signer", "gangcheng", "钢城街道", "SIGNER"),
  {
    ...staff("liubei-office", "liubei", "柳北区", "SUPERVISOR"),
    displayName: "柳北区政务公开办",
    note: "区政务公开办 · 柳北区",
  },
  staff("jinxiu-editor", "jinxiu", "锦绣街道", "EDITOR"),
  staff("jinxiu-reviewer", "jinxiu", "锦绣街道", "REVIEWER"),
  staff("bailu-editor", "bailu", "白露街道", "EDITOR"),
  staff("bailu-reviewer", "bailu", "白露街道", "REVIEWER"),
  staff("bangongshi-editor", "liubei-office", "区政府办公室", "EDITOR"),
  staff("bangongshi-reviewer", "liubei-office", "区政府办公室", "REVIEWER"),
  staff("liubei-editor", "liubei", "柳北区人民政府", "EDITOR"),
  staff("liubei-reviewer", "liubei", "柳北区人民政府", "REVIEWER"),
  staff("liuzhou-editor", "liuzhou", "柳州市人民政府", "EDITOR"),
  staff("liuzhou-reviewer", "liuzhou", "柳州市人民政府", "REVIEWER"),
];

/** Who writes, approves and supervises each body's reports in the stories. */
export const BODY_STAFF: Record<string, { editor: string; approvers: string[] }> = {
  gangcheng: { editor: "gangcheng-editor", approvers: ["gangcheng-reviewer", "gangcheng-signer"] },
  jinxiu: { editor: "jinxiu-editor", approvers: ["jinxiu-reviewer"] },
  bailu: { editor: "bailu-editor", approvers: ["bailu-reviewer"] },
  "liubei-office": { editor: "bangongshi-editor", approvers: ["bangongshi-reviewer"] },
  liubei: { editor: "liubei-editor", approvers: ["liubei-reviewer"] },
  liuzhou: { editor: "liuzhou-editor", approvers: ["liuzhou-reviewer"] },
};
