import { describe, expect, it } from "vitest";
import { buildOrgTree } from "./orgs/tree";
import {
  ACTIONS,
  can,
  decide,
  decideOrgMove,
  effectiveRoles,
  orgsVisibleTo,
  type Action,
  type Actor,
  type Membership,
} from "./orgs/permissions";

// city → districtA → zoneA → zoneDeptA; districtA → streetA; city → districtB → streetB.
const TREE = buildOrgTree([
  { id: "city", parentId: null },
  { id: "districtA", parentId: "city" },
  { id: "zoneA", parentId: "districtA" },
  { id: "zoneDeptA", parentId: "zoneA" },
  { id: "streetA", parentId: "districtA" },
  { id: "districtB", parentId: "city" },
  { id: "streetB", parentId: "districtB" },
]);
const ALL_ORGS = TREE.ids;

const actor = (...memberships: Membership[]): Actor => ({ userId: "u1", isActive: true, memberships });
const ROOT_ADMIN = actor({ orgId: "city", role: "ADMIN" });

const ADMINISTRATION: Action[] = [
  "org.view",
  "org.create",
  "org.edit",
  "user.view",
  "user.create",
  "user.assignRole",
  "user.deactivate",
  "user.issueReset",
  "audit.viewAll",
  "board.view",
];
const BODY_WORK: Action[] = [
  "report.create",
  "report.edit",
  "report.submit",
  "report.withdraw",
  "report.review",
];

describe("the root administrator", () => {
  it.each(ADMINISTRATION.flatMap((action) => ALL_ORGS.map((orgId) => ({ action, orgId }))))(
    "may $action on $orgId",
    ({ action, orgId }) => expect(can(ROOT_ADMIN, action, orgId, TREE)).toBe(true),
  );
  it.each(ALL_ORGS.filter((id) => id !== "city"))("may move %s", (orgId) => {
    expect(can(ROOT_ADMIN, "org.move", orgId, TREE)).toBe(true);
  });
  it("may not move the root itself", () => {
    expect(decide(ROOT_ADMIN, "org.move", "city", TREE)).toEqual({
      allowed: false,
      reason: "根机构不能移动",
    });
  });
  it.each(BODY_WORK)("does not do a body's own work (%s) without a body role", (action) => {
    expect(can(ROOT_ADMIN, action, "streetA", TREE)).toBe(false);
  });
  it("can do nothing once deactivated", () => {
    const inactive = { ...ROOT_ADMIN, isActive: false };
    for (const action of ACTIONS) expect(can(inactive, action, "streetA", TREE)).toBe(false);
    expect(decide(inactive, "org.view", "city", TREE).reason).toBe("账号已停用");
    expect(orgsVisibleTo(inactive, TREE)).toEqual([]);
  });
});

describe("multiple memberships", () => {
  const cases: { name: string; who: Actor; action: Action; orgId: string; allowed: boolean }[] = [
    ...[
      ["streetA", true],
      ["districtA", false],
      ["streetB", false],
    ].map(([orgId, allowed]) => ({
      name: "填报员 on streetA + 政务公开办 on districtB: edit",
      who: actor({ orgId: "streetA", role: "EDITOR" }, { orgId: "districtB", role: "SUPERVISOR" }),
      action: "report.edit" as const,
      orgId: orgId as string,
      allowed: allowed as boolean,
    })),
    ...[
      ["streetB", true],
      ["districtB", true],
      ["streetA", false],
    ].map(([orgId, allowed]) => ({
      name: "填报员 on streetA + 政务公开办 on districtB: supervise",
      who: actor({ orgId: "streetA", role: "EDITOR" }, { orgId: "districtB", role: "SUPERVISOR" }),
      action: "report.superviseReview" as const,
      orgId: orgId as string,
      allowed: allowed as boolean,
    })),
    {
      name: "政务公开办 on city + 填报员 on districtA: the body role does not reach zoneA",
      who: actor({ orgId: "city", role: "SUPERVISOR" }, { orgId: "districtA", role: "EDITOR" }),
      action: "report.edit",
      orgId: "zoneA",
      allowed: false,
    },
    {
      name: "政务公开办 on city + 填报员 on districtA: the supervisory role reaches a grandchild",
      who: actor({ orgId: "city", role: "SUPERVISOR" }, { orgId: "districtA", role: "EDITOR" }),
      action: "report.superviseReview",
      orgId: "zoneDeptA",
      allowed: true,
    },
    {
      name: "填报员 and 审核人 on the same body hold both powers there",
      who: actor({ orgId: "streetA", role: "EDITOR" }, { orgId: "streetA", role: "REVIEWER" }),
      action: "report.review",
      orgId: "streetA",
      allowed: true,
    },
    {
      name: "a membership on an organisation missing from the tree is ignored",
      who: actor({ orgId: "ghost", role: "ADMIN" }),
      action: "org.view",
      orgId: "streetA",
      allowed: false,
    },
  ];
  it.each(cases)("$name → $orgId: $allowed", ({ who, action, orgId, allowed }) => {
    expect(can(who, action, orgId, TREE)).toBe(allowed);
  });
});

describe("decide gives a Chinese reason", () => {
  const editor = actor({ orgId: "streetA", role: "EDITOR" });
  it.each([
    [editor, "report.edit", "streetA", true, "允许"],
    [editor, "report.edit", "nowhere", false, "机构不存在"],
    [editor, "report.view", "streetB", false, "您在该机构及其上级机构均无角色"],
    [editor, "report.review", "streetA", false, "该操作需要本机构的审核人角色"],
    [
      editor,
      "report.publish",
      "streetA",
      false,
      "该操作需要本机构的审核人、签发人角色，或本级及上级机构的政务公开办角色",
    ],
    [editor, "board.view", "streetA", false, "该操作需要本级及上级机构的政务公开办、管理员角色"],
    [
      actor({ orgId: "streetA", role: "ADMIN" }),
      "org.move",
      "streetA",
      false,
      "移动机构需要其上级机构或更上级机构的管理员角色",
    ],
  ] as const)("%#: %s %s on %s → %s %s", (who, action, orgId, allowed, reason) => {
    expect(decide(who, action, orgId, TREE)).toEqual({ allowed, reason });
  });
});

describe("effectiveRoles", () => {
  const who = actor(
    { orgId: "city", role: "SUPERVISOR" },
    { orgId: "districtA", role: "REVIEWER" },
    { orgId: "districtA", role: "ADMIN" },
    { orgId: "zoneA", role: "EDITOR" },
  );
  it.each([
    ["city", ["SUPERVISOR"]],
    ["districtA", ["REVIEWER", "SUPERVISOR", "ADMIN"]],
    ["zoneA", ["EDITOR", "SUPERVISOR", "ADMIN"]],
    ["zoneDeptA", ["SUPERVISOR", "ADMIN"]],
    ["streetB", ["SUPERVISOR"]],
    ["nowhere", []],
  ])("on %s: %j", (orgId, roles) => expect(effectiveRoles(who, orgId, TREE)).toEqual(roles));
});

describe("orgsVisibleTo", () => {
  it.each([
    ["a 填报员 of a street sees only it", actor({ orgId: "streetA", role: "EDITOR" }), ["streetA"]],
    [
      "a district's 政务公开办 sees its subtree",
      actor({ orgId: "districtA", role: "SUPERVISOR" }),
      ["districtA", "zoneA", "zoneDeptA", "streetA"],
    ],
    ["the root administrator sees everything", ROOT_ADMIN, ALL_ORGS],
    [
      "memberships add up without duplicates",
      actor(
        { orgId: "zoneA", role: "ADMIN" },
        { orgId: "zoneDeptA", role: "EDITOR" },
        { orgId: "streetB", role: "SIGNER" },
      ),
      ["zoneA", "zoneDeptA", "streetB"],
    ],
    ["nobody without memberships sees anything", actor(), []],
  ] as const)("%s", (_name, who, orgIds) => expect(orgsVisibleTo(who, TREE)).toEqual(orgIds));
});

describe("decideOrgMove", () => {
  const districtAdmin = actor({ orgId: "districtA", role: "ADMIN" });
  it.each([
    ["within the admin's subtree", districtAdmin, "zoneA", "streetA", true, "允许"],
    [
      "the admin's own org (its parent is out of reach)",
      districtAdmin,
      "districtA",
      "zoneA",
      false,
      "移动机构需要其上级机构或更上级机构的管理员角色",
    ],
    ["out of the admin's subtree", districtAdmin, "streetA", "districtB", false, "您无权管理目标上级机构"],
    ["under itself", ROOT_ADMIN, "districtA", "districtA", false, "不能把机构移到它自身或其下级机构之下"],
    [
      "under its own descendant",
      ROOT_ADMIN,
      "districtA",
      "zoneDeptA",
      false,
      "不能把机构移到它自身或其下级机构之下",
    ],
    ["to a missing parent", ROOT_ADMIN, "zoneA", "nowhere", false, "目标上级机构不存在"],
    ["across districts by the root administrator", ROOT_ADMIN, "zoneA", "districtB", true, "允许"],
  ] as const)("%s", (_name, who, orgId, newParentId, allowed, reason) => {
    expect(decideOrgMove(who, orgId, newParentId, TREE)).toEqual({ allowed, reason });
  });
});
