import { ActionError } from "@/lib/server/platform/action";
import { reportHistoryCsv } from "@/lib/server/reports/history";
import { getActor } from "@/lib/server/auth/session";

// CSV of one report's audit trail. Read-only (GET); the permission is checked by reportHistoryCsv.
export const dynamic = "force-dynamic";

const text = (body: string, status: number) =>
  new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  if (!actor) return text("登录已失效，请重新登录。", 401);
  try {
    const { filename, csv } = await reportHistoryCsv(actor, (await params).id);
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (err) {
    if (err instanceof ActionError) return text("未找到。", 404);
    throw err;
  }
}
