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
