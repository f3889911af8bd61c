import { describe, expect, it } from "vitest";
import { ancestorsOf, childrenByParent, descendantsOf, inOutlineOrder } from "./outline";

const ORGS = [
  { id: "city", parentId: null, name: "柳州市人民政府" },
  { id: "district", parentId: "city", name: "柳北区人民政府" },
  { id: "jinxiu", parentId: "district", name: "锦绣街道办事处" },
  { id: "gangcheng", parentId: "district", name: "钢城街道办事处" },
  { id: "office", parentId: "district", name: "柳北区人民政府办公室" },
  { id: "orphan", parentId: "missing", name: "孤立机关" },
];

describe("org outline", () => {
  it("lists children by name; a body whose parent is unknown is a root", () => {
    const children = childrenByParent(ORGS);
    expect(
      children
        .get(null)!
        .map((o) => o.id)
        .sort(),
    ).toEqual(["city", "orphan"]);
    expect(children.get("district")).toHaveLength(3);
  });

  it("finds every descendant at any depth, and none for a leaf", () => {
    expect(
      descendantsOf(ORGS, "city")
        .map((o) => o.id)
        .sort(),
    ).toEqual(["district", "gangcheng", "jinxiu", "office"]);
    expect(descendantsOf(ORGS, "gangcheng")).toEqual([]);
  });

  it("lists the whole tree in outline order, children by name, each with its depth", () => {
    expect(inOutlineOrder(ORGS).map(({ org, depth }) => [org.id, depth])).toEqual([
      ["orphan", 0],
      ["city", 0],
      ["district", 1],
      ["gangcheng", 2],
      ["jinxiu", 2],
      ["office", 2],
    ]);
  });

  it("walks up to the root for breadcrumbs, root first", () => {
    expect(ancestorsOf(ORGS, "gangcheng").map((o) => o.id)).toEqual(["city", "district"]);
    expect(ancestorsOf(ORGS, "city")).toEqual([]);
  });

  it("stops at a cycle instead of looping", () => {
    const cyclic = [
      { id: "a", parentId: "b", name: "甲" },
      { id: "b", parentId: "a", name: "乙" },
    ];
    expect(ancestorsOf(cyclic, "a").map((o) => o.id)).toEqual(["b"]);
    expect(descendantsOf(cyclic, "a").map((o) => o.id)).toEqual(["b"]);
    expect(
      inOutlineOrder([...cyclic, { id: "c", parentId: null, name: "丙" }]).map(({ org }) => org.id),
    ).toEqual(["c"]);
  });
});
