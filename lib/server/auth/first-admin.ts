import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "../audit/audit";
import type { Db } from "../platform/db";
import { hashPassword } from "./password";
import { MIN_PASSWORD_LENGTH } from "@/lib/domain/forms/account";
import { usernameSchema } from "@/lib/domain/forms/user";

// The first administrator of an empty installation: from the CLI (`nianbao create-admin`) or from environment
// variables on first start. Refused once any administrator exists.

const firstAdminSchema = z.object({
  username: usernameSchema,
  password: z.string().min(MIN_PASSWORD_LENGTH, `密码至少 ${MIN_PASSWORD_LENGTH} 个字符`).max(200),
  orgName: z.string().trim().min(2, "机构名称至少 2 个字符").max(120).optional(),
});

export type FirstAdminResult =
  | { ok: true; userId: string; orgId: string; orgCreated: boolean }
  | { ok: false; code: "INVALID_INPUT" | "ADMIN_EXISTS" | "USERNAME_TAKEN"; message: string };

/**
 * For `nianbao create-admin` and NIANBAO_ADMIN_*: an ADMIN on the root organisation (created when there is
 * none). Refuses once any administrator exists, so it can never be used to take over a running installation.
 */
export async function createFirstAdmin(
  input: { username: string; password: string; orgName?: string },
  db: Db,
): Promise<FirstAdminResult> {
  const parsed = firstAdminSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      code: "INVALID_INPUT",
      message: parsed.error.issues.map((i) => i.message).join("；"),
    };
  }
  const { username, password, orgName } = parsed.data;
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx): Promise<FirstAdminResult> => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('nianbao.first-admin'))`;
    if ((await tx.membership.count({ where: { role: "ADMIN" } })) > 0) {
      return {
        ok: false,
        code: "ADMIN_EXISTS",
        message: "已存在管理员账号，不再创建首个管理员；请由现有管理员在「用户管理」中添加账号。",
      };
    }
    if (await tx.user.findUnique({ where: { username } })) {
      return { ok: false, code: "USERNAME_TAKEN", message: `用户名 ${username} 已被使用。` };
    }
    const existingRoot = await tx.organization.findFirst({
      where: { parentId: null },
      orderBy: { createdAt: "asc" },
    });
    const root = existingRoot ?? (await createRootOrg(tx, orgName ?? "本级人民政府"));
    const user = await tx.user.create({
      data: {
        username,
        displayName: "系统管理员",
        passwordHash,
        memberships: { create: { orgId: root.id, role: "ADMIN" } },
      },
    });
    await recordAudit(tx, {
      action: "admin.bootstrap",
      actorName: "系统",
      orgId: root.id,
      targetType: "user",
      targetId: user.id,
      summary: `创建首个管理员 ${username}${existingRoot ? "" : `及根机构「${root.name}」`}`,
    });
    return { ok: true, userId: user.id, orgId: root.id, orgCreated: !existingRoot };
  });
}

async function createRootOrg(tx: Prisma.TransactionClient, name: string) {
  const slugTaken = await tx.organization.findUnique({ where: { slug: "root" } });
  const slug = slugTaken ? `root-${randomBytes(3).toString("hex")}` : "root";
  return tx.organization.create({
    data: { name, shortName: name.slice(0, 60), slug, kind: "CITY", deadlineMonth: 3, deadlineDay: 31 },
  });
}

export type FirstAdminFromEnv = { status: "created" | "skipped" | "unset"; message: string };

/**
 * On first start: NIANBAO_ADMIN_USERNAME + NIANBAO_ADMIN_PASSWORD (and optional NIANBAO_ADMIN_ORG_NAME) create the
 * first administrator; ignored once an administrator exists. A half-set or invalid pair throws (stops start-up).
 */
export async function ensureFirstAdminFromEnv(
  env: Record<string, string | undefined>,
  db: Db,
): Promise<FirstAdminFromEnv> {
  const username = env.NIANBAO_ADMIN_USERNAME?.trim() ?? "";
  const password = env.NIANBAO_ADMIN_PASSWORD ?? "";
  if (!username && !password) return { status: "unset", message: "" };
  if (!username || !password) {
    throw new Error("环境变量 NIANBAO_ADMIN_USERNAME 与 NIANBAO_ADMIN_PASSWORD 须同时设置。");
  }
  const skipped = {
    status: "skipped",
    message: "已存在管理员，忽略 NIANBAO_ADMIN_USERNAME / NIANBAO_ADMIN_PASSWORD。",
  } as const;
  if ((await db.membership.count({ where: { role: "ADMIN" } })) > 0) return skipped;
  const result = await createFirstAdmin(
    {
      username,
      password,
      orgName: env.NIANBAO_ADMIN_ORG_NAME || undefined,
    },
    db,
  );
  if (result.ok) return { status: "created", message: `已创建首个管理员 ${username}。` };
  if (result.code === "ADMIN_EXISTS") return skipped;
  throw new Error(`环境变量 NIANBAO_ADMIN_USERNAME / NIANBAO_ADMIN_PASSWORD 有误：${result.message}`);
}
