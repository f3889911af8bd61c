// Runs deploy/nginx.conf for a probe: the file as shipped, with its three marked values (the app's address, the
// site directory, the listen address) pointed at the probe's app, inside a minimal main configuration.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, ROOT } from "./harness";

const BROTLI_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";

/** The nginx binary, or null when it is not installed (CI installs Debian's nginx-light: .ci/run). */
export function nginxBinary(): string | null {
  for (const candidate of ["nginx", "/usr/sbin/nginx"]) {
    const r = spawnSync(candidate, ["-v"], { stdio: "ignore" });
    if (r.status === 0) return candidate;
  }
  return null;
}

export interface Nginx {
  url: string;
  brotli: boolean;
  stop(): Promise<void>;
}

export async function startNginx(
  binary: string,
  options: { appPort: number; siteDir: string },
): Promise<Nginx> {
  const dir = mkdtempSync(join(tmpdir(), "nianbao-nginx-"));
  const port = await freePort();
  const brotli = existsSync(BROTLI_MODULE);
  const site = readFileSync(join(ROOT, "deploy/nginx.conf"), "utf8");
  const replaced = site
    .replace("server 127.0.0.1:3000;", `server 127.0.0.1:${options.appPort};`)
    .replace("root /srv/nianbao/site;", `root ${options.siteDir};`)
    .replace("listen 80;", `listen 127.0.0.1:${port};`);
  if (replaced === site || !replaced.includes(options.siteDir) || !replaced.includes(`:${port};`))
    throw new Error("deploy/nginx.conf no longer has the marked values this probe replaces");
  writeFileSync(join(dir, "nianbao.conf"), replaced);
  if (brotli) copyFileSync(join(ROOT, "deploy/nianbao-brotli.conf"), join(dir, "nianbao-brotli.conf"));
  for (const t of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(join(dir, t));
  writeFileSync(
    join(dir, "nginx.conf"),
    [
      process.getuid?.() === 0 ? "user root;" : "",
      brotli ? `load_module ${BROTLI_MODULE};` : "",
      "worker_processes 1;",
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/error.log warn;`,
      "events { worker_connections 256; }",
      "http {",
      "  access_log off;",
      `  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;`,
      `  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;`,
      `  include ${dir}/nianbao.conf;`,
      "}",
    ].join("\n"),
  );
  const test = spawnSync(binary, ["-p", dir, "-c", join(dir, "nginx.conf"), "-t"], { encoding: "utf8" });
  if (test.status !== 0) throw new Error(`nginx -t failed:\n${test.stderr}`);
  const child: ChildProcess = spawn(binary, ["-p", dir, "-c", join(dir, "nginx.conf"), "-g", "daemon off;"], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let log = "";
  child.stderr!.on("data", (c: Buffer) => (log += c.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      await fetch(`${url}/_nginx_probe`, { signal: AbortSignal.timeout(500) });
      break;
    } catch {
      if (i > 50 || child.exitCode !== null) throw new Error(`nginx did not start:\n${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    brotli,
    async stop() {
      if (child.exitCode === null) {
        child.kill("SIGQUIT");
        await new Promise((r) => child.once("exit", r));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
