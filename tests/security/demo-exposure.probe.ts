// Issue 10, finding 8: the one-command demo seeds accounts whose password is public, so in demo mode the app
// listens on 127.0.0.1 only (unless HOSTNAME says otherwise) and its banner says the accounts are public; a
// non-demo embedded start (NIANBAO_DEMO=0) asks for the first administrator on a terminal and otherwise refuses
// to start, naming the ways to create one.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { networkInterfaces, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  DEMO_PASSWORD,
  describeEachDb,
  freePort,
  ROOT,
  sharedApp,
  signIn,
  startApp,
  trySignIn,
  type App,
} from "./harness";

const externalIp = Object.values(networkInterfaces())
  .flat()
  .find((i) => i && !i.internal && i.family === "IPv4")?.address;

describeEachDb("demo mode", (dbKind) => {
  let app: App;
  beforeAll(async () => {
    app = await sharedApp(dbKind);
  });

  test("listens on 127.0.0.1 only when HOSTNAME is not set", async () => {
    expect((await fetch(`${app.url}/api/health`)).status).toBe(200);
    expect(externalIp, "this machine has a non-loopback IPv4 address to try").toBeTruthy();
    await expect(
      fetch(`http://${externalIp}:${app.port}/api/health`, { signal: AbortSignal.timeout(3000) }),
    ).rejects.toThrow();
  });

  test("the start-up banner says the demo accounts and their password are public", () => {
    expect(app.output()).toContain(`密码均为 ${DEMO_PASSWORD}`);
    expect(app.output()).toMatch(/演示模式：以上账号和密码是公开的/);
    expect(app.output()).toMatch(/PUBLIC/);
    expect(app.output()).toContain("仅本机可访问");
  });
});

describe("the README quick start: npm start on a new embedded database", () => {
  let app: App;
  beforeAll(async () => {
    // No template: the launcher migrates and seeds the demo itself, publishing and withdrawing through the
    // workflow inside the launcher process (which must know the database it started).
    app = await startApp({ db: "pglite", fresh: true });
  }, 300_000);
  afterAll(async () => {
    await app?.dispose();
  });

  test("comes up with the demo world and serves the published demo report", async () => {
    expect(app.output()).toMatch(/新写入年度报告 [1-9]\d* 份/);
    const res = await fetch(`${app.url}/reports/gangcheng/2024`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("钢城街道");
  });
});

describe("a non-demo start on a new embedded database", () => {
  const dir = mkdtempSync(join(tmpdir(), "nianbao-nodemo-"));
  let port: number;
  beforeAll(async () => {
    port = await freePort();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** `answers`: [prompt text, what to type] in order, each typed once its prompt appears (null: no input). */
  const launch = (answers: [string, string][] | null, viaTerminal: boolean) => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NIANBAO_DEMO: "0",
      NIANBAO_SKIP_BUILD: "1",
      NIANBAO_SCHEDULER_INTERVAL_MS: "0",
      DATABASE_URL: "",
      TEST_DATABASE_URL: "",
      PGLITE_DIR: join(dir, "pglite"),
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      NEXT_TELEMETRY_DISABLED: "1",
    };
    delete env.NODE_OPTIONS;
    delete env.NIANBAO_ADMIN_USERNAME;
    delete env.NIANBAO_ADMIN_PASSWORD;
    const cmd = [
      process.execPath,
      resolve(ROOT, "node_modules/tsx/dist/cli.mjs"),
      "--conditions=react-server",
      "scripts/start.ts",
    ];
    // `script` gives the launcher a terminal (a pty) whose input is what we write to script's stdin.
    const [file, args] = viaTerminal
      ? ["script", ["-qefc", cmd.map((c) => `'${c}'`).join(" "), "/dev/null"]]
      : [cmd[0]!, cmd.slice(1)];
    const child = spawn(file, args as string[], {
      cwd: ROOT,
      env,
      stdio: ["pipe", "pipe", "pipe"],
      detached: true,
    });
    let out = "";
    let typed = 0;
    const onOutput = (c: Buffer) => {
      out += c.toString();
      // Answer only once the question is on screen, as a person would (the terminal is in no-echo mode by then).
      const next = answers?.[typed];
      if (next && out.lastIndexOf(next[0]) > out.lastIndexOf("\u0000")) {
        typed++;
        child.stdin.write(`${next[1]}\r`);
        out += "\u0000";
      }
    };
    child.stdout.on("data", onOutput);
    child.stderr.on("data", onOutput);
    if (answers === null) child.stdin.end();
    return { child, output: () => out };
  };

  test("without a terminal it refuses to start and names NIANBAO_ADMIN_USERNAME/PASSWORD and create-admin", async () => {
    const { child, output } = launch(null, false);
    const code = await new Promise<number | null>((done) => child.on("exit", (c) => done(c)));
    expect(code, output()).toBe(2);
    for (const s of ["NIANBAO_ADMIN_USERNAME", "NIANBAO_ADMIN_PASSWORD", "nianbao create-admin"]) {
      expect(output()).toContain(s);
    }
    expect((await fetch(`http://127.0.0.1:${port}/`).catch(() => null))?.status).toBeUndefined();
  });

  test("on a terminal it asks for the administrator, creates it, and that account signs in", async () => {
    const password = "first-admin-secret";
    const { child, output } = launch(
      [
        ["管理员用户名", "root-admin"],
        ["输入时不显示", password],
        ["再次输入密码", password],
        ["根机构名称", "某市人民政府"],
      ],
      true,
    );
    try {
      const url = `http://127.0.0.1:${port}`;
      const until = Date.now() + 150_000;
      let up = false;
      while (!up && Date.now() < until && child.exitCode === null) {
        up = await fetch(`${url}/api/health`).then(
          (r) => r.ok,
          () => false,
        );
        if (!up) await new Promise((r) => setTimeout(r, 500));
      }
      expect(up, output()).toBe(true);
      expect(output()).toContain("管理员用户名");
      expect(output().replaceAll("\u0000", "")).toContain("已创建管理员");
      expect(output()).toContain("已创建管理员 root-admin");
      expect(output()).not.toContain(password);
      expect(output()).not.toContain("演示账号");
      await signIn(url, "root-admin", password);
      expect((await trySignIn(url, "admin", DEMO_PASSWORD)).cookie).toBeNull();
    } finally {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        // gone
      }
      await new Promise((r) => child.once("exit", r));
    }
  });
});
