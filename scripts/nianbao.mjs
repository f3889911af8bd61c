#!/usr/bin/env node
// The `nianbao` command (npm run nianbao -- …, or npx nianbao once installed): runs scripts/cli.ts under
// tsx, with the react-server condition so the server-only data layer can be used by `import`.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const cli = fileURLToPath(new URL("./cli.ts", import.meta.url));
const tsx = import.meta.resolve("tsx");
const child = spawn(
  process.execPath,
  ["--conditions=react-server", "--import", tsx, cli, ...process.argv.slice(2)],
  {
    stdio: "inherit",
  },
);
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
