import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "./env";

export type Db = PrismaClient;

export function createDb(url = env().DATABASE_URL): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
}

const g = globalThis as unknown as { nianbaoDb?: Db };

/**
 * The application's client, created on first use from env().DATABASE_URL: importing this module at
 * build time is harmless, and each integration-test file points it at its own database before the first query.
 */
export const db: Db = new Proxy({} as Db, {
  get(_target, prop) {
    g.nianbaoDb ??= createDb();
    const value = Reflect.get(g.nianbaoDb, prop, g.nianbaoDb);
    return typeof value === "function" ? value.bind(g.nianbaoDb) : value;
  },
});
