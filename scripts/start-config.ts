// What `npm start` decides from its environment, kept pure so it can be tested without starting anything.
import { dirname, join } from "node:path";
import { z } from "zod";

export const startEnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOSTNAME: z.string().optional(),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "须为 postgresql:// 连接串" }).optional(),
  PGLITE_DIR: z.string().default(".data/pglite"),
  NIANBAO_DEMO: z.enum(["0", "1"]).optional(),
  NIANBAO_SKIP_BUILD: z.enum(["0", "1"]).default("0"),
  NIANBAO_SITE_DIR: z.string().optional(),
  /** "0" leaves every request to Next (scripts/site-fast-path.mjs; the benchmark compares both). */
  NIANBAO_FAST_PATH: z.enum(["0", "1"], { error: "须为 0 或 1" }).default("1"),
  /** The web server's JavaScript heap limit, MB (nodeFlagsOf; docs/decisions/0025). */
  NIANBAO_MAX_HEAP_MB: z.coerce
    .number({ error: "须为整数（MB）" })
    .int({ error: "须为整数（MB）" })
    .min(128, { error: "不能小于 128（MB）" })
    .max(65536, { error: "不能大于 65536（MB）" })
    .default(160),
});

export interface StartConfig extends z.output<typeof startEnvSchema> {
  HOSTNAME: string;
  embedded: boolean;
  demo: boolean;
}

/**
 * An empty variable means "not set" (e.g. DATABASE_URL= to force the embedded database). Demo mode (the default
 * on the embedded database) seeds accounts whose password is public, so it listens on 127.0.0.1 only unless
 * HOSTNAME says otherwise; a real installation listens on all interfaces (0.0.0.0) by default.
 */
export function resolveStartConfig(
  env: Record<string, string | undefined>,
): { ok: true; config: StartConfig } | { ok: false; errors: string[] } {
  const source = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== "" && v !== undefined));
  const parsed = startEnvSchema.safeParse(source);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => `环境变量 ${i.path.join(".")} 有误：${i.message}`),
    };
  }
  const embedded = !parsed.data.DATABASE_URL;
  const demo = parsed.data.NIANBAO_DEMO ? parsed.data.NIANBAO_DEMO === "1" : embedded;
  const HOSTNAME = parsed.data.HOSTNAME ?? (demo ? "127.0.0.1" : "0.0.0.0");
  return { ok: true, config: { ...parsed.data, HOSTNAME, embedded, demo } };
}

/**
 * The static site directory belongs with its database: files written for one database must never be served for
 * another (scripts/site-fast-path.mjs serves what is there). NIANBAO_SITE_DIR wins; an on-disk embedded database
 * keeps its site beside it (.data/pglite → .data/site); an in-memory one gets a fresh directory (null: the launcher
 * makes a temporary one and removes it at exit); a PostgreSQL server uses .data/site (set NIANBAO_SITE_DIR in
 * production, where nginx serves the same directory).
 */
export function siteDirOf(
  config: Pick<StartConfig, "NIANBAO_SITE_DIR" | "PGLITE_DIR" | "embedded">,
): string | null {
  if (config.NIANBAO_SITE_DIR) return config.NIANBAO_SITE_DIR;
  if (!config.embedded) return ".data/site";
  if (config.PGLITE_DIR.startsWith("memory://")) return null;
  return join(dirname(config.PGLITE_DIR), "site");
}

/**
 * The web server's V8 memory flags (docs/decisions/0025). Left alone, V8 grows the heap toward a limit sized from
 * the machine's memory (gigabytes) and collects lazily, so a server holding ~60 MB of live objects sits at
 * 400 MB resident under load. A heap limit makes it collect before growing; a small young generation (8 MB
 * semi-spaces instead of 16–32) keeps the short-lived garbage of each request small. Large installations
 * (thousands of bodies on one home page) raise NIANBAO_MAX_HEAP_MB.
 */
export function nodeFlagsOf(config: Pick<StartConfig, "NIANBAO_MAX_HEAP_MB">): string[] {
  return [`--max-old-space-size=${config.NIANBAO_MAX_HEAP_MB}`, "--max-semi-space-size=8"];
}

/** Said when a non-demo embedded start finds no administrator and cannot ask for one. */
export const NO_ADMIN_MESSAGE = [
  "尚无管理员账号，且当前不是交互式终端，无法询问。请用以下任一方式创建首个管理员后再启动：",
  "  1. 设置环境变量 NIANBAO_ADMIN_USERNAME 和 NIANBAO_ADMIN_PASSWORD（可选 NIANBAO_ADMIN_ORG_NAME）后启动；",
  "  2. 运行 nianbao create-admin --username <用户名> --password <密码>（npm run nianbao -- create-admin …）。",
  "No administrator exists and this is not an interactive terminal. Set NIANBAO_ADMIN_USERNAME and",
  "NIANBAO_ADMIN_PASSWORD, or run `nianbao create-admin --username <name> --password <password>`, then start again.",
].join("\n");
