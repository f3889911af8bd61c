import "server-only";
import { randomBytes, timingSafeEqual } from "node:crypto";

// A per-process secret with which the server's own background work (the publication scheduler) calls the
// server's internal routes. It never leaves the process, so only this process can present it.

const g = globalThis as unknown as { nianbaoInternalToken?: string };

export const INTERNAL_TOKEN_HEADER = "x-nianbao-internal";

export function internalToken(): string {
  g.nianbaoInternalToken ??= randomBytes(32).toString("hex");
  return g.nianbaoInternalToken;
}

export function isInternalToken(presented: string | null): boolean {
  if (!presented || !g.nianbaoInternalToken) return false;
  const expected = Buffer.from(g.nianbaoInternalToken);
  const given = Buffer.from(presented);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
