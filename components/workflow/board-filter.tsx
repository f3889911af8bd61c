import { BOARD_STATUSES, BOARD_STATUS_LABELS, type BoardStatus } from "@/lib/domain/workflow/report-status";

// The board's filters as a plain GET form: the address carries the whole view, so it can be bookmarked and shared.

interface Props {
  roots: { id: string; name: string }[];
  rootId: string;
  year: number;
  status?: BoardStatus;
  q?: string;
  sort: string;
  dir: string;
}

export function BoardFilter(props: Props) {
  return (
    <form method="get" action="/workspace/board" className="filter-bar" aria-label="筛选">
      {props.roots.length > 1 && (
        <div className="field">
          <label htmlFor="board-org">上级机构</label>
          <select id="board-org" name="org" defaultValue={props.rootId}>
            {props.roots.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {props.roots.length === 1 && <input type="hidden" name="org" value={props.rootId} />}
      <div className="field field--short">
        <label htmlFor="board-year">报告年度</label>
        <input id="board-year" name="year" type="number" min={2008} max={2100} defaultValue={props.year} />
      </div>
      <div className="field">
        <label htmlFor="board-status">状态</label>
        <select id="board-status" name="status" defaultValue={props.status ?? ""}>
          <option value="">全部</option>
          {BOARD_STATUSES.map((s) => (
            <option key={s} value={s}>
              {BOARD_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="board-q">机构名称</label>
        <input id="board-q" name="q" type="search" defaultValue={props.q ?? ""} />
      </div>
      <input type="hidden" name="sort" value={props.sort} />
      <input type="hidden" name="dir" value={props.dir} />
      <div className="filter-bar__actions">
        <button type="submit" className="button button--primary">
          筛选
        </button>
      </div>
    </form>
  );
}
