import { db } from "@/lib/server/platform/db";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for the launcher, tests and load balancers. */
export async function GET() {
  try {
    await db.$queryRaw`SELECT 1`;
    return Response.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json({ ok: false }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
