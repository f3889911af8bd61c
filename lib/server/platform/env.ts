import "server-only";
import { z } from "zod";

// Environment, validated once at start-up (scripts/start.ts before anything else, and instrumentation.ts when the
// Next server starts); a bad value stops the process with a message naming it. Server code reads its
// configuration only through env(); pure parsers take an explicit source in tests. An empty variable counts as unset.
const configShape = {
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  NIANBAO_DEMO: z.enum(["0", "1"]).default("0"),
  SESSION_IDLE_HOURS: z.coerce
    .number()
    .positive("须为正数")
    .max(24 * 30)
    .default(8),
  SESSION_MAX_DAYS: z.coerce.number().positive("须为正数").max(90).default(7),
  /** "1" forces Secure cookies (behind a TLS-terminating proxy), "0" never, "auto" when the request is HTTPS. */
  COOKIE_SECURE: z.enum(["auto", "0", "1"], { error: "须为 auto、0 或 1" }).default("auto"),
  /** "1" only behind a reverse proxy that appends the client address to X-Forwarded-For. */
  TRUST_PROXY: z.enum(["0", "1"], { error: "须为 0 或 1" }).default("0"),
  /** How long a key stays locked after repeated failed sign-ins (the e2e server waits seconds). */
  NIANBAO_THROTTLE_LOCK_SECONDS: z.coerce
    .number({ error: "须为秒数" })
    .int("须为整数秒")
    .positive("须为正数")
    .max(7 * 86_400)
    .optional(),
  /** The static site directory (docs/decisions/0020); read by lib/server/site/worker.ts. */
  NIANBAO_SITE_DIR: z.string().min(1).default(".data/site"),
  NIANBAO_SITE_WRITER: z.enum(["0", "1"], { error: "须为 0 或 1" }).default("1"),
  NIANBAO_APP_URL: z.url({ protocol: /^https?$/, error: "须为 http(s):// 地址" }).optional(),
  NIANBAO_SITE_POLL_MS: z.coerce.number().int("须为整数").positive("须为正数").optional(),
  /** The port this server listens on; the scheduler and the site worker call the app back through it. */
  PORT: z.coerce.number({ error: "须为端口号" }).int("须为整数").min(1).max(65535).default(3000),
  /** How often the scheduler looks for due publications (lib/server/workflow/scheduler-loop.ts); 0 turns it off. */
  NIANBAO_SCHEDULER_INTERVAL_MS: z.coerce
    .number({ error: "须为毫秒数" })
    .int("须为整数")
    .min(0, "不能为负数")
    .default(30_000),
};
const databaseUrl = z.url({ protocol: /^postgres(ql)?$/, error: "须为 postgresql:// 连接串" });
const envSchema = z.object({ DATABASE_URL: databaseUrl, ...configShape });
/** Before the embedded database is started, DATABASE_URL may still be unset. */
const launcherSchema = z.object({ DATABASE_URL: databaseUrl.optional(), ...configShape });
export type Env = z.infer<typeof envSchema>;

const withoutBlanks = (source: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));

export function parseEnv(
  source: Record<string, string | undefined>,
  options: { requireDatabase?: boolean } = {},
): Env {
  const schema = options.requireDatabase === false ? launcherSchema : envSchema;
  const result = schema.safeParse(withoutBlanks(source));
  if (result.success) return result.data as Env;
  const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
  throw new Error(`环境变量配置有误：\n${lines.join("\n")}`);
}

/** `next build` prerenders pages (the root layout reads NIANBAO_DEMO) before any database exists. */
const isNextBuild = () => process.env.NEXT_PHASE === "phase-production-build";

let cached: Env | undefined;
/** The validated environment, parsed once per process: the only way server code reads its configuration. */
export function env(): Env {
  cached ??= parseEnv(process.env, { requireDatabase: !isNextBuild() });
  return cached;
}

export type Settings = Omit<Env, "DATABASE_URL">;
let cachedSettings: Settings | undefined;
/**
 * The configuration without the database address, for code that needs none (the static site's directory, ports):
 * it also runs where no DATABASE_URL is set — the launcher seeding the embedded database it started, the CLI.
 */
export function settings(): Settings {
  cachedSettings ??= parseEnv(process.env, { requireDatabase: false });
  return cachedSettings;
}

/** Forget the parsed environment (tests that change a variable). */
export function reloadEnv(): Env {
  cached = undefined;
  cachedSettings = undefined;
  return env();
}
