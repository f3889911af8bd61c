import { describe, expect, it } from "vitest";
import { safeNext } from "./safe-next";

describe("safeNext", () => {
  it.each([
    "/\\evil.example",
    "//evil.example",
    "/%2f%2fevil.example",
    "/%2F%2Fevil.example",
    "/%5cevil.example",
    "/\t/evil.example",
    "\t//evil.example",
    "/\\/evil.example",
    "/\n/evil.example",
    "https:evil.example",
    "https://evil.example",
    "http:/evil.example",
    "javascript:alert(1)",
    "evil.example",
    "  //evil.example",
    "/\u0000/evil.example",
    "/%09/evil.example",
    "",
    undefined,
    null,
    `/${"a".repeat(600)}`,
  ])("refuses %j", (next) => {
    expect(safeNext(next)).toBe("/workspace");
  });

  it.each([
    ["/workspace/reports/abc", "/workspace/reports/abc"],
    ["/workspace?tab=todo#x", "/workspace?tab=todo#x"],
    ["/reports/gangcheng/2024", "/reports/gangcheng/2024"],
    ["/workspace/../admin", "/admin"],
    ["/workspace/%E5%B9%B4%E6%8A%A5", "/workspace/%E5%B9%B4%E6%8A%A5"],
  ])("keeps the same-site path %j", (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });
});
