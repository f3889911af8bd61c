import { boardQuerySchema } from "@/lib/domain/board";
import { ActionError } from "@/lib/server/platform/action";
import { boardCsv, getDeadlineBoard } from "@/lib/server/workspace/board";
import { getActor } from "@/lib/server/auth/session";

// CSV of the deadline board as filtered and sorted on screen. Read-only (GET); getDeadlineBoard checks permission.
export const dynamic = "force-dynamic";

const text = (body: string, status: number) =>
  new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor) return text("登录已失效，请重新登录。", 401);
  const query = boardQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  try {
    const board = await getDeadlineBoard(actor, query);
    return new Response(boardCsv(board.rows), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="deadline-board-${board.year}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (err) {
    if (err instanceof ActionError) return text("未找到。", 404);
    throw err;
  }
}
