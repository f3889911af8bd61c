import { layoutBarChart } from "@/lib/domain/bar-chart";
import { CHARTED_FIGURES, KEY_FIGURES, type KeyFigureValues } from "@/lib/domain/key-figures";

// 主要数据: a small server-rendered SVG bar chart of the key figures over the years, and beside it the same data
// as a table (what screen readers and copy-paste use). No client JavaScript.

export interface YearFigures {
  year: number;
  figures: KeyFigureValues;
}

const zh = new Intl.NumberFormat("zh-CN");
const show = (v: number | null | undefined) => (v === null || v === undefined ? "—" : zh.format(v));

function Chart({ years }: { years: YearFigures[] }) {
  const chart = layoutBarChart(
    years.map((y) => ({ label: `${y.year}年`, values: y.figures })),
    CHARTED_FIGURES,
  );
  const allZero = chart.groups.every((g) => g.bars.every((b) => b.value === 0));
  return (
    <figure className="key-chart">
      <svg viewBox={`0 0 ${chart.width} ${chart.height}`} role="img" aria-labelledby="key-chart-title">
        <title id="key-chart-title">主要数据柱状图（数据见旁边的表格）</title>
        {chart.ticks.map((t) => (
          <g key={t.value} className="key-chart__tick">
            <line x1={chart.plot.left} x2={chart.plot.right} y1={t.y} y2={t.y} />
            <text x={chart.plot.left - 6} y={t.y + 4} textAnchor="end">
              {zh.format(t.value)}
            </text>
          </g>
        ))}
        {chart.groups.map((g) => (
          <g key={g.label}>
            {g.bars.map((b) => (
              <rect
                key={b.series}
                className={`key-chart__bar key-chart__bar--${b.series}`}
                x={b.x}
                y={b.y}
                width={b.width}
                height={b.height}
              >
                <title>{`${g.label} ${CHARTED_FIGURES.find((f) => f.key === b.series)!.label}：${zh.format(b.value)}`}</title>
              </rect>
            ))}
            <text className="key-chart__label" x={g.x} y={chart.height - 10} textAnchor="middle">
              {g.label}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>
        {allZero && <p className="muted">各年度各项均为0。</p>}
        <ul className="key-chart__legend">
          {CHARTED_FIGURES.map((f) => (
            <li key={f.key}>
              <span className={`key-chart__swatch key-chart__bar--${f.key}`} aria-hidden="true" />
              {f.label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

export function KeyFiguresTable({ years, caption }: { years: YearFigures[]; caption: string }) {
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="data-table data-table--compact data-table--numbers">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">项目</th>
            {years.map((y) => (
              <th scope="col" key={y.year}>
                {y.year}年
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {KEY_FIGURES.map((f) => (
            <tr key={f.key}>
              <th scope="row">{f.label}</th>
              {years.map((y) => (
                <td key={y.year}>{show(y.figures[f.key])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Oldest year first, as a reader follows a trend. */
export function KeyFigures({ years }: { years: YearFigures[] }) {
  const ordered = [...years].sort((a, b) => a.year - b.year);
  return (
    <div className="key-figures">
      <Chart years={ordered} />
      <KeyFiguresTable years={ordered} caption="历年主要数据（件）" />
    </div>
  );
}
