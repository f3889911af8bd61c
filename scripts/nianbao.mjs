#!/usr/bin/env node
// The `nianbao` command (npm run nianbao -- …, or npx nianbao once installed). Runs the bundled CLI
// (dist/cli.mjs, built by scripts/build-cli.mjs at install) in this process when it is at least as new as
// every source it was built from; otherwise (sources edited since, or no bundle) scripts/cli.ts under tsx,
// with the react-server condition so the server-only data layer can be used by `import`.
// NIANBAO_CLI_SOURCE=1 forces the TypeScript sources; NIANBAO_CLI_TRACE=1 says on stderr which one runs.
import { spawn } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = new URL("../", import.meta.url);
const bundle = new URL("dist/cli.mjs", root);

function bundleIsFresh() {
  if (process.env.NIANBAO_CLI_SOURCE === "1") return false;
  try {
    const built = statSync(bundle).mtimeMs;
    const inputs = JSON.parse(readFileSync(new URL("dist/cli-inputs.json", root), "utf8"));
    return inputs.every((input) => statSync(new URL(input, root)).mtimeMs <= built);
  } catch {
    return false;
  }
}

const fresh = bundleIsFresh();
if (process.env.NIANBAO_CLI_TRACE === "1") console.error(`nianbao: ${fresh ? "bundle" : "sources"}`);
if (fresh) {
  await import(bundle.href);
} else {
  const cli = fileURLToPath(new URL("scripts/cli.ts", root));
  const tsx = import.meta.resolve("tsx");
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", tsx, cli, ...process.argv.slice(2)],
    { stdio: "inherit" },
  );
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
