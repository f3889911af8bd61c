import type { ReactNode } from "react";
import type { CellRef } from "@/lib/domain/format";
import type { LayoutCell, LayoutValueCell, TableLayout } from "@/lib/domain/table-layout";

interface Props {
  layout: TableLayout;
  /** What goes in a value cell: the figure in the reader, an input in the editor. */
  renderValue: (cell: LayoutValueCell) => ReactNode;
  /** Prefix for header ids when one page shows the same table more than once. */
  idPrefix?: string;
  className?: string;
  valueClassName?: (ref: CellRef) => string | undefined;
}

/**
 * One of the three official tables with its merged headers as real HTML: every value cell names its row and
 * column headers (`headers`), so screen readers announce both. Shared by the reader, preview and editor.
 */
export function OfficialTable({ layout, renderValue, idPrefix = "", className, valueClassName }: Props) {
  const id = (raw: string) => `${idPrefix}${raw}`;
  const renderCell = (cell: LayoutCell, key: number) => {
    const span = {
      colSpan: cell.colSpan > 1 ? cell.colSpan : undefined,
      rowSpan: cell.rowSpan > 1 ? cell.rowSpan : undefined,
    };
    if (cell.kind === "note") {
      return (
        <td key={key} id={id(cell.id)} className="official-table__note" {...span}>
          {cell.text}
        </td>
      );
    }
    if (cell.kind === "header") {
      return (
        <th key={key} id={id(cell.id)} scope={cell.scope} {...span}>
          {cell.text}
        </th>
      );
    }
    const classes = [
      "official-table__value",
      cell.computed ? "is-computed" : "",
      valueClassName?.(cell.ref) ?? "",
    ];
    return (
      <td
        key={key}
        headers={cell.headers.map(id).join(" ")}
        className={classes.filter(Boolean).join(" ")}
        {...span}
      >
        {renderValue(cell)}
      </td>
    );
  };
  return (
    <div className="official-table__scroll" role="region" aria-label={layout.caption} tabIndex={0}>
      <table
        className={["official-table", `official-table--${layout.table}`, className].filter(Boolean).join(" ")}
      >
        <caption>{layout.caption}</caption>
        {layout.groups.map((group, g) => {
          const rows = group.rows.map((row, r) => <tr key={r}>{row.cells.map(renderCell)}</tr>);
          return group.kind === "head" ? <thead key={g}>{rows}</thead> : <tbody key={g}>{rows}</tbody>;
        })}
      </table>
    </div>
  );
}
