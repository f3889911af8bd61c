import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type Db = PrismaClient;

// PrismaPg connects lazily, so importing this module at build time (no DATABASE_URL) is fine.
export function createDb(url = process.env.DATABASE_URL): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
}

const g = globalThis as unknown as { nianbaoDb?: Db };
export const db: Db = g.nianbaoDb ?? createDb();
if (process.env.NODE_ENV !== "production") g.nianbaoDb = db;
