import "server-only";
import { z } from "zod";

// Environment, validated once at start-up; a bad value stops the process with a message naming it.
const envSchema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "须为 postgresql:// 连接串" }),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  NIANBAO_DEMO: z.enum(["0", "1"]).default("0"),
  SESSION_IDLE_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(8),
  SESSION_MAX_DAYS: z.coerce.number().positive().max(90).default(7),
  /** Set to "1" only behind a TLS-terminating proxy that forwards plain HTTP. */
  COOKIE_SECURE: z.enum(["auto", "0", "1"]).default("auto"),
  TRUST_PROXY: z.enum(["0", "1"]).default("0"),
  /** The static site directory (docs/decisions/0020); read by lib/server/site-worker.ts. */
  NIANBAO_SITE_DIR: z.string().min(1).default(".data/site"),
  NIANBAO_SITE_WRITER: z.enum(["0", "1"]).default("1"),
  NIANBAO_APP_URL: z.url({ protocol: /^https?$/, error: "须为 http(s):// 地址" }).optional(),
  NIANBAO_SITE_POLL_MS: z.coerce.number().int().positive().optional(),
});
export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
  throw new Error(`环境变量配置有误：\n${lines.join("\n")}`);
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
