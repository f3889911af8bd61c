import { describe, expect, it } from "vitest";
import { NO_ADMIN_MESSAGE, nodeFlagsOf, resolveStartConfig, siteDirOf } from "./start-config";

const cfg = (env: Record<string, string>) => {
  const r = resolveStartConfig(env);
  if (!r.ok) throw new Error(r.errors.join("\n"));
  return r.config;
};

describe("npm start's configuration", () => {
  it("demo mode (the embedded default) listens on 127.0.0.1 unless HOSTNAME is set", () => {
    expect(cfg({})).toMatchObject({ embedded: true, demo: true, HOSTNAME: "127.0.0.1" });
    expect(cfg({ HOSTNAME: "" })).toMatchObject({ demo: true, HOSTNAME: "127.0.0.1" });
    expect(cfg({ HOSTNAME: "0.0.0.0" })).toMatchObject({ demo: true, HOSTNAME: "0.0.0.0" });
    expect(cfg({ DATABASE_URL: "postgresql://x@db/n", NIANBAO_DEMO: "1" })).toMatchObject({
      embedded: false,
      demo: true,
      HOSTNAME: "127.0.0.1",
    });
  });

  it("a real installation listens on all interfaces by default", () => {
    expect(cfg({ NIANBAO_DEMO: "0" })).toMatchObject({ embedded: true, demo: false, HOSTNAME: "0.0.0.0" });
    expect(cfg({ DATABASE_URL: "postgresql://x@db/n" })).toMatchObject({ demo: false, HOSTNAME: "0.0.0.0" });
  });

  it("names each bad variable", () => {
    const r = resolveStartConfig({ PORT: "70000", DATABASE_URL: "mysql://x" });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.join("\n")).toMatch(/PORT[\s\S]*DATABASE_URL/);
  });

  it("bounds the web server's heap (160 MB unless NIANBAO_MAX_HEAP_MB says otherwise) and refuses a bad value", () => {
    expect(nodeFlagsOf(cfg({}))).toEqual(["--max-old-space-size=160", "--max-semi-space-size=8"]);
    expect(nodeFlagsOf(cfg({ NIANBAO_MAX_HEAP_MB: "1024" }))).toContain("--max-old-space-size=1024");
    for (const bad of ["64", "lots", "1.5"]) {
      const r = resolveStartConfig({ NIANBAO_MAX_HEAP_MB: bad });
      expect(!r.ok && r.errors.join("\n"), bad).toMatch(/NIANBAO_MAX_HEAP_MB.*(MB|整数)/);
    }
  });

  it("the refusal without an administrator names both ways out, in Chinese and English", () => {
    for (const s of ["NIANBAO_ADMIN_USERNAME", "NIANBAO_ADMIN_PASSWORD", "nianbao create-admin", "管理员"]) {
      expect(NO_ADMIN_MESSAGE).toContain(s);
    }
  });

  it("keeps the static site beside its database, never one database's pages for another", () => {
    expect(siteDirOf(cfg({}))).toBe(".data/site");
    expect(siteDirOf(cfg({ PGLITE_DIR: "/tmp/x/pglite" }))).toBe("/tmp/x/site");
    expect(siteDirOf(cfg({ PGLITE_DIR: "memory://" }))).toBeNull();
    expect(siteDirOf(cfg({ DATABASE_URL: "postgresql://h/db" }))).toBe(".data/site");
    expect(siteDirOf(cfg({ DATABASE_URL: "postgresql://h/db", NIANBAO_SITE_DIR: "/srv/site" }))).toBe(
      "/srv/site",
    );
    expect(cfg({}).NIANBAO_FAST_PATH).toBe("1");
    expect(resolveStartConfig({ NIANBAO_FAST_PATH: "yes" }).ok).toBe(false);
  });
});
