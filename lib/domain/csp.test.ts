import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, STAFF_PATH } from "./csp";

describe("contentSecurityPolicy", () => {
  it("staff pages: only this response's nonce and the listed hashes run scripts, strict-dynamic, no eval", () => {
    const policy = contentSecurityPolicy({ nonce: "abc", scriptHashes: ["'sha256-xyz'"] });
    expect(policy).toContain("script-src 'self' 'nonce-abc' 'sha256-xyz' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it("cached pages: no nonce, no eval; never framed, no plugins, forms and <base> only to this origin", () => {
    const policy = contentSecurityPolicy();
    for (const directive of [
      "frame-ancestors 'none'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "default-src 'self'",
    ]) {
      expect(policy).toContain(directive);
    }
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).not.toContain("nonce-");
  });

  it("static pages: only the hashed inline scripts and this origin, never 'unsafe-inline'", () => {
    const policy = contentSecurityPolicy({ scriptHashes: ["'sha256-abc='"] });
    expect(policy).toContain("script-src 'self' 'sha256-abc='");
    expect(policy.split("; ").find((d) => d.startsWith("script-src"))).not.toContain("unsafe");
    expect(policy).toContain("frame-ancestors 'none'");
  });

  it("allows eval only for next dev", () => {
    expect(contentSecurityPolicy({ dev: true })).toContain("'unsafe-eval'");
  });
});

describe("STAFF_PATH", () => {
  it.each([
    ["/workspace", true],
    ["/workspace/reports/1", true],
    ["/login", true],
    ["/reset/abc", true],
    ["/", false],
    ["/reports/gangcheng/2024", false],
    ["/loginx", false],
  ])("%s → %s", (path, staff) => {
    expect(STAFF_PATH.test(path)).toBe(staff);
  });
});
