// Decides whether the production build is missing or stale: a hash of every input of `next build`.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

const INPUTS = ["app", "components", "lib", "public", "next.config.js", "package-lock.json", "tsconfig.json"];
const SKIP = /(^|\/)(node_modules|\.next[^/]*|\.data)(\/|$)|\.test\.tsx?$/;

function* walk(path: string): Generator<string> {
  if (!existsSync(path)) return;
  const entries = readdirSync(path, { withFileTypes: true });
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = join(path, e.name);
    if (SKIP.test(full)) continue;
    if (e.isDirectory()) yield* walk(full);
    else yield full;
  }
}

export function sourceHash(root: string): string {
  const hash = createHash("sha256");
  for (const input of INPUTS) {
    const full = join(root, input);
    const files = existsSync(full) && !full.endsWith(".js") && !full.endsWith(".json") ? walk(full) : [full];
    for (const file of files) {
      if (!existsSync(file)) continue;
      hash.update(relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
    }
  }
  return hash.digest("hex");
}

const distDir = (root: string) => join(root, process.env.NEXT_DIST_DIR || ".next");
const stampFile = (root: string) => join(distDir(root), "nianbao-build-stamp");

export function isBuildFresh(root: string): boolean {
  const file = stampFile(root);
  if (!existsSync(join(distDir(root), "BUILD_ID")) || !existsSync(file)) return false;
  return readFileSync(file, "utf8") === sourceHash(root);
}

export function writeBuildStamp(root: string): void {
  writeFileSync(stampFile(root), sourceHash(root));
}
