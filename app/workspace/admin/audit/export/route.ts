import { ActionError } from "@/lib/server/platform/action";
import { auditCsvLines, auditFilterSchema } from "@/lib/server/audit/log";
import { toIsoDateInChina } from "@/lib/domain/dates";
import { getActor } from "@/lib/server/auth/session";

// CSV of the filtered audit log. Read-only (GET), so no Origin check is needed; the permission is checked by
// auditCsvLines before the first byte is sent.
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor)
    return new Response("登录已失效，请重新登录。", {
      status: 401,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  const filter = auditFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  let lines: AsyncGenerator<string>;
  try {
    lines = await auditCsvLines(actor, filter);
  } catch (err) {
    if (err instanceof ActionError)
      return new Response("未找到。", {
        status: 404,
        headers: { "Content-Type": "text/plain; charset=utf-8" },
      });
    throw err;
  }
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  const filename = `audit-${toIsoDateInChina(new Date())}.csv`;
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
