// Test data builders over the real database.
import { randomUUID } from "node:crypto";
import type { OrgKind, Role } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/server/platform/db";
import { hashPassword } from "@/lib/server/auth/password";

export const TEST_PASSWORD = "correct horse battery";

let cachedHash: Promise<string> | undefined;

export async function createOrg(
  db: Db,
  props: { name: string; kind?: OrgKind; parentId?: string | null; slug?: string },
) {
  return db.organization.create({
    data: {
      slug: props.slug ?? `org-${randomUUID().slice(0, 8)}`,
      name: props.name,
      shortName: props.name,
      kind: props.kind ?? "SUBDISTRICT",
      parentId: props.parentId ?? null,
    },
  });
}

export async function createUser(
  db: Db,
  props: { username?: string; roles?: { orgId: string; role: Role }[]; isActive?: boolean },
) {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  return db.user.create({
    data: {
      username: props.username ?? `user-${randomUUID().slice(0, 8)}`,
      displayName: props.username ?? "测试用户",
      passwordHash: await cachedHash,
      isActive: props.isActive ?? true,
      memberships: { create: props.roles ?? [] },
    },
    include: { memberships: true },
  });
}
