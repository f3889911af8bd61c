#!/usr/bin/env node
// Bundles the CLI (scripts/cli.ts and what it imports) into dist/cli.mjs with esbuild (tsx's own dependency,
// so always installed with the app): plain JavaScript starts in well under the ~1 s that compiling TypeScript
// under tsx costs. Code only some commands need (the database, pdf.js) stays in lazy chunks or in
// node_modules. dist/ sits one level below the root, like scripts/, so paths taken from import.meta.url
// resolve the same in the bundle. dist/cli-inputs.json lists the sources, for scripts/nianbao.mjs to tell
// whether the bundle is fresh. Run by `npm install`/`npm ci` (postinstall) and by scripts/test.ts.
import { renameSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const target = `${root}dist`;
// Built beside, then swapped in: a CLI run during the build sees the old bundle or the new, never half of one.
const outdir = `${root}dist.tmp-${process.pid}`;

let esbuild;
try {
  esbuild = await import("esbuild");
} catch {
  console.warn("build-cli: esbuild is not installed; the nianbao command will run the TypeScript sources.");
  process.exit(0);
}

rmSync(outdir, { recursive: true, force: true });
const result = await esbuild.build({
  absWorkingDir: root,
  entryPoints: { cli: "scripts/cli.ts" },
  outdir,
  outExtension: { ".js": ".mjs" },
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // `server-only` resolves to its empty module, as under Next's server build.
  conditions: ["react-server"],
  // Loaded from node_modules when a command needs them: native, WebAssembly or large packages.
  external: [
    "pdfjs-dist",
    "pg",
    "@prisma/*",
    "@electric-sql/*",
    "@node-rs/*",
    "next",
    "next/*",
    "react",
    "react-dom",
  ],
  banner: {
    js: 'import { createRequire as __nianbaoCreateRequire } from "node:module"; const require = __nianbaoCreateRequire(import.meta.url);',
  },
  metafile: true,
  logLevel: "warning",
});
const inputs = Object.keys(result.metafile.inputs).filter((p) => !p.includes("node_modules/"));
writeFileSync(`${outdir}/cli-inputs.json`, `${JSON.stringify(inputs, null, 1)}\n`);
const old = `${root}dist.old-${process.pid}`;
try {
  renameSync(target, old);
} catch {
  // no previous bundle
}
renameSync(outdir, target);
rmSync(old, { recursive: true, force: true });
