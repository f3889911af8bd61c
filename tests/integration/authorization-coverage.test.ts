// A new server action without an authorization test fails CI: every function exported from a "use server"
// file under app/ must be named …Action and be named in some integration test (conventionally a table of
// refusal cases such as CASES in authorization.test.ts), or be listed below with the reason it cannot be.
import { readdirSync, readFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");

/** Actions with no actor: an integration test cannot call them without a request, so their lib/server side is tested. */
const WITHOUT_ACTOR: Record<string, string> = {
  signInAction: "no actor yet; signIn (throttling, rotation, audit) is tested in auth.test.ts",
  signOutAction: "ends the caller's own cookie session only; signOut is tested in auth.test.ts",
  resetPasswordAction:
    "the one-time token is the credential; resetPassword is tested in auth.test.ts and admin-users.test.ts",
};

function filesUnder(dir: string, keep: (path: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : filesUnder(path, keep);
    return keep(path) ? [path] : [];
  });
}

const isServerActionFile = (source: string) =>
  /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["']/.test(source);

/** Exported runtime names of a "use server" module (types are erased and need no test). */
function exportedNames(source: string): string[] {
  const names = [
    ...source.matchAll(/^export\s+(?:async\s+)?(?:function\s*\*?|const|let|var)\s+([A-Za-z_$][\w$]*)/gm),
  ];
  const lists = [...source.matchAll(/^export\s*\{([^}]*)\}/gm)].flatMap((m) =>
    m[1]!
      .split(",")
      .map((part) =>
        part
          .trim()
          .split(/\s+as\s+/)
          .pop()!,
      )
      .filter((n) => n && !n.startsWith("type ")),
  );
  return [...names.map((m) => m[1]!), ...lists];
}

const appFiles = filesUnder(join(ROOT, "app"), (p) => /\.(ts|tsx)$/.test(p)).map((path) => ({
  path: relative(ROOT, path),
  source: readFileSync(path, "utf8"),
}));
const actionFiles = appFiles.filter((f) => isServerActionFile(f.source));
const actions = actionFiles.flatMap((f) => exportedNames(f.source).map((name) => ({ name, file: f.path })));

const testSources = filesUnder(join(ROOT, "tests/integration"), (p) => p.endsWith(".test.ts"))
  .filter((p) => basename(p) !== basename(import.meta.filename))
  .map((p) => readFileSync(p, "utf8"));
const mentioned = (name: string) => testSources.some((source) => new RegExp(`\\b${name}\\b`).test(source));

describe("authorization coverage of server actions", () => {
  it("finds the server action files (the scan itself works)", () => {
    expect(actionFiles.map((f) => f.path)).toEqual(
      expect.arrayContaining([join("app", "login", "actions.ts")]),
    );
    expect(actions.map((a) => a.name)).toEqual(expect.arrayContaining(["signInAction", "createOrgAction"]));
  });

  it('finds no inline server action (a "use server" inside a function escapes this scan)', () => {
    const inline = appFiles.filter(
      (f) => !isServerActionFile(f.source) && /["']use server["']/.test(f.source),
    );
    expect(inline.map((f) => f.path)).toEqual([]);
  });

  it("names every exported server action …Action", () => {
    expect(actions.filter((a) => !a.name.endsWith("Action"))).toEqual([]);
  });

  it("names every server action in an integration test, or lists it here with a reason", () => {
    const untested = actions.filter((a) => !(a.name in WITHOUT_ACTOR) && !mentioned(a.name));
    expect(untested, "server actions without an authorization test").toEqual([]);
  });

  it("keeps the list of exceptions current", () => {
    const names = new Set(actions.map((a) => a.name));
    expect(Object.keys(WITHOUT_ACTOR).filter((name) => !names.has(name))).toEqual([]);
  });

  it("reads exports the way the scan needs", () => {
    const source = `"use server";\nexport async function aAction() {}\nexport const bAction = x;\nexport { c as cAction };\nexport interface S {}`;
    expect(isServerActionFile(`// note\n${source}`)).toBe(true);
    expect(isServerActionFile(`import x from "y";\n"use server";`)).toBe(false);
    expect(exportedNames(source)).toEqual(["aAction", "bAction", "cAction"]);
  });
});
