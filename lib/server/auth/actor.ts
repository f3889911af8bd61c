import type { Role } from "@/lib/generated/prisma/client";

/** Who is acting: the signed-in account with its memberships, read from the database for this request. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  isActive: boolean;
  sessionId: string;
  memberships: { orgId: string; role: Role }[];
}
