import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BoardFilter } from "@/components/workflow/board-filter";
import { BoardTable } from "@/components/workflow/board-table";
import { boardQuerySchema, type BoardSortKey } from "@/lib/domain/board";
import { BOARD_STATUSES, BOARD_STATUS_LABELS } from "@/lib/domain/workflow/report-status";
import { ActionError } from "@/lib/server/platform/action";
import { getDeadlineBoard } from "@/lib/server/workspace/board";
import { requireActor } from "@/lib/server/auth/session";

export const metadata: Metadata = { title: "公开期限看板" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function BoardPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor("/workspace/board");
  const raw = Object.fromEntries(
    Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
  );
  const query = boardQuerySchema.parse(raw);
  const board = await getDeadlineBoard(actor, query).catch((err: unknown) => {
    if (err instanceof ActionError && err.code === "NOT_FOUND") notFound();
    throw err;
  });
  const params = (extra: Record<string, string>) =>
    new URLSearchParams(
      Object.entries({
        org: board.root.id,
        year: String(board.year),
        status: query.status ?? "",
        q: query.q ?? "",
        sort: query.sort,
        dir: query.dir,
        ...extra,
      }).filter(([, v]) => v !== ""),
    ).toString();
  const hrefFor = (sort: BoardSortKey, dir: "asc" | "desc") => `/workspace/board?${params({ sort, dir })}`;
  return (
    <>
      <div className="page-head">
        <h1>
          公开期限看板 · {board.root.name} · {board.year}年度
        </h1>
        <a className="button" href={`/workspace/board/export?${params({})}`} download>
          导出 CSV
        </a>
      </div>
      <BoardFilter
        roots={board.roots}
        rootId={board.root.id}
        year={board.year}
        status={query.status}
        q={query.q}
        sort={query.sort}
        dir={query.dir}
      />
      <ul className="board-summary" aria-label="各状态机构数">
        {BOARD_STATUSES.map((s) => (
          <li key={s} className="tag">
            {BOARD_STATUS_LABELS[s]} {board.counts[s]}
          </li>
        ))}
      </ul>
      <section className="panel" aria-labelledby="board-title">
        <h2 id="board-title" className="panel__title">
          下级机构（显示 {board.rows.length} / {board.total}）
        </h2>
        <BoardTable rows={board.rows} sort={query.sort} dir={query.dir} hrefFor={hrefFor} />
      </section>
    </>
  );
}
