import { describe, expect, it } from "vitest";
import { buildOrgTree } from "./tree";
import { ACTIONS, can, type Action, type Actor, type Role } from "./permissions";

// 市 city
// ├─ districtA       ← the actor's organisation ("own")
// │  ├─ zoneA        ← "child"
// │  │  └─ zoneDeptA
// │  └─ streetA
// └─ districtB       ← "sibling"
//    └─ streetB      ← "unrelated" (a cousin)
// "parent" is city, which is also the root.
const TREE = buildOrgTree([
  { id: "city", parentId: null },
  { id: "districtA", parentId: "city" },
  { id: "zoneA", parentId: "districtA" },
  { id: "zoneDeptA", parentId: "zoneA" },
  { id: "streetA", parentId: "districtA" },
  { id: "districtB", parentId: "city" },
  { id: "streetB", parentId: "districtB" },
]);

const RELATIONS = [
  ["own", "districtA"],
  ["child", "zoneA"],
  ["sibling", "districtB"],
  ["parent", "city"],
  ["unrelated", "streetB"],
] as const;

// One row per action; one letter per relation, in the order own, child, sibling, parent, unrelated.
// Y = allowed, . = denied. Written out by hand from the product rules, not derived from the implementation.
const EXPECTED: Record<Role, Record<Action, string>> = {
  EDITOR: {
    "report.view": "Y....",
    "report.create": "Y....",
    "report.edit": "Y....",
    "report.submit": "Y....",
    "report.withdraw": "Y....",
    "report.review": ".....",
    "report.sign": ".....",
    "report.superviseReview": ".....",
    "report.publish": ".....",
    "report.forcePublish": ".....",
    "report.reopen": "Y....",
    "report.withdrawPublication": ".....",
    "report.remark": ".....",
    "report.viewAudit": "Y....",
    "org.view": "Y....",
    "org.create": ".....",
    "org.edit": ".....",
    "org.move": ".....",
    "user.view": ".....",
    "user.create": ".....",
    "user.assignRole": ".....",
    "user.deactivate": ".....",
    "user.issueReset": ".....",
    "audit.viewAll": ".....",
    "board.view": ".....",
  },
  REVIEWER: {
    "report.view": "Y....",
    "report.create": ".....",
    "report.edit": ".....",
    "report.submit": ".....",
    "report.withdraw": ".....",
    "report.review": "Y....",
    "report.sign": ".....",
    "report.superviseReview": ".....",
    "report.publish": "Y....",
    "report.forcePublish": ".....",
    "report.reopen": ".....",
    "report.withdrawPublication": ".....",
    "report.remark": "Y....",
    "report.viewAudit": "Y....",
    "org.view": "Y....",
    "org.create": ".....",
    "org.edit": ".....",
    "org.move": ".....",
    "user.view": ".....",
    "user.create": ".....",
    "user.assignRole": ".....",
    "user.deactivate": ".....",
    "user.issueReset": ".....",
    "audit.viewAll": ".....",
    "board.view": ".....",
  },
  SIGNER: {
    "report.view": "Y....",
    "report.create": ".....",
    "report.edit": ".....",
    "report.submit": ".....",
    "report.withdraw": ".....",
    "report.review": ".....",
    "report.sign": "Y....",
    "report.superviseReview": ".....",
    "report.publish": "Y....",
    "report.forcePublish": ".....",
    "report.reopen": ".....",
    "report.withdrawPublication": "Y....",
    "report.remark": "Y....",
    "report.viewAudit": "Y....",
    "org.view": "Y....",
    "org.create": ".....",
    "org.edit": ".....",
    "org.move": ".....",
    "user.view": ".....",
    "user.create": ".....",
    "user.assignRole": ".....",
    "user.deactivate": ".....",
    "user.issueReset": ".....",
    "audit.viewAll": ".....",
    "board.view": ".....",
  },
  SUPERVISOR: {
    "report.view": "YY...",
    "report.create": ".....",
    "report.edit": ".....",
    "report.submit": ".....",
    "report.withdraw": ".....",
    "report.review": ".....",
    "report.sign": ".....",
    "report.superviseReview": "YY...",
    "report.publish": "YY...",
    "report.forcePublish": "YY...",
    "report.reopen": "YY...",
    "report.withdrawPublication": "YY...",
    "report.remark": "YY...",
    "report.viewAudit": "YY...",
    "org.view": "YY...",
    "org.create": ".....",
    "org.edit": ".....",
    "org.move": ".....",
    "user.view": ".....",
    "user.create": ".....",
    "user.assignRole": ".....",
    "user.deactivate": ".....",
    "user.issueReset": ".....",
    "audit.viewAll": ".....",
    "board.view": "YY...",
  },
  ADMIN: {
    "report.view": "YY...",
    "report.create": ".....",
    "report.edit": ".....",
    "report.submit": ".....",
    "report.withdraw": ".....",
    "report.review": ".....",
    "report.sign": ".....",
    "report.superviseReview": ".....",
    "report.publish": ".....",
    "report.forcePublish": "YY...",
    "report.reopen": ".....",
    "report.withdrawPublication": ".....",
    "report.remark": ".....",
    "report.viewAudit": "YY...",
    "org.view": "YY...",
    "org.create": "YY...",
    "org.edit": "YY...",
    "org.move": ".Y...",
    "user.view": "YY...",
    "user.create": "YY...",
    "user.assignRole": "YY...",
    "user.deactivate": "YY...",
    "user.issueReset": "YY...",
    "audit.viewAll": "YY...",
    "board.view": "YY...",
  },
};

const actorWith = (role: Role): Actor => ({
  userId: "u1",
  isActive: true,
  memberships: [{ orgId: "districtA", role }],
});

describe("permission matrix: role on districtA × action × target relation", () => {
  const cases = (Object.keys(EXPECTED) as Role[]).flatMap((role) =>
    ACTIONS.flatMap((action) =>
      RELATIONS.map(([relation, orgId], i) => ({
        role,
        action,
        relation,
        orgId,
        allowed: EXPECTED[role][action][i] === "Y",
      })),
    ),
  );

  it("covers every role, action and relation exactly once", () => {
    expect(cases).toHaveLength(5 * ACTIONS.length * RELATIONS.length);
    for (const row of Object.values(EXPECTED)) expect(Object.keys(row).sort()).toEqual([...ACTIONS].sort());
  });

  it.each(cases)(
    "$role on own org → $action on $relation ($orgId): $allowed",
    ({ role, action, orgId, allowed }) => {
      expect(can(actorWith(role), action, orgId, TREE)).toBe(allowed);
    },
  );

  it.each(cases)("an inactive $role may not $action on $relation", ({ role, action, orgId }) => {
    expect(can({ ...actorWith(role), isActive: false }, action, orgId, TREE)).toBe(false);
  });
});
