import { describe, expect, it } from "vitest";
import { buildOrgTree, isSelfOrDescendant } from "./tree";

const TREE = buildOrgTree([
  { id: "city", parentId: null },
  { id: "district", parentId: "city" },
  { id: "street", parentId: "district" },
  { id: "orphan", parentId: "missing" },
  { id: "loopA", parentId: "loopB" },
  { id: "loopB", parentId: "loopA" },
]);

describe("org tree", () => {
  it.each([
    ["street", ["district", "city"]],
    ["district", ["city"]],
    ["city", []],
    ["orphan", []],
    ["unknown", []],
    ["loopA", ["loopB"]],
  ])("ancestors of %s are %j (nearest first, cycles cut)", (orgId, ancestors) => {
    expect(TREE.ancestorsOf(orgId)).toEqual(ancestors);
  });

  it.each([
    ["street", "district"],
    ["city", null],
    ["district", "city"],
    ["orphan", null],
  ])("parent of %s is %s", (orgId, parentId) => expect(TREE.parentOf(orgId)).toBe(parentId));

  it.each([
    ["street", "city", true],
    ["street", "street", true],
    ["city", "street", false],
    ["unknown", "unknown", false],
  ] as const)("isSelfOrDescendant(%s, %s) is %s", (orgId, ancestorId, expected) => {
    expect(isSelfOrDescendant(TREE, orgId, ancestorId)).toBe(expected);
  });
});
