// Geometry of the body page's small grouped bar chart (years × key figures), computed here so that the SVG
// component only draws. Integer ticks on a "nice" scale; a blank figure gets no bar (never a bar of 0).

export interface ChartSeries {
  key: string;
  label: string;
}

export interface ChartGroup {
  label: string;
  values: Record<string, number | null>;
}

export interface ChartBar {
  series: string;
  x: number;
  y: number;
  width: number;
  height: number;
  value: number;
}

export interface ChartLayout {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  ticks: { value: number; y: number }[];
  groups: { label: string; x: number; bars: ChartBar[] }[];
}

/** The smallest 1-2-5 step whose ticks (at most `maxTicks` intervals) cover `max`. */
export function niceScale(max: number, maxTicks = 4): { top: number; step: number } {
  if (max <= 0) return { top: 4, step: 1 };
  const rough = max / maxTicks;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(
    1,
    [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough)!,
  );
  return { top: Math.ceil(max / step) * step, step };
}

export function layoutBarChart(
  groups: readonly ChartGroup[],
  series: readonly ChartSeries[],
  width = 640,
  height = 260,
): ChartLayout {
  const plot = { left: 48, top: 12, right: width - 8, bottom: height - 32 };
  const values = groups.flatMap((g) => series.map((s) => g.values[s.key] ?? 0));
  const { top, step } = niceScale(Math.max(0, ...values));
  const yOf = (v: number) => plot.bottom - ((plot.bottom - plot.top) * v) / top;
  const ticks = Array.from({ length: top / step + 1 }, (_, i) => ({ value: i * step, y: yOf(i * step) }));
  const groupWidth = (plot.right - plot.left) / Math.max(1, groups.length);
  const barWidth = Math.min(28, (groupWidth * 0.8) / Math.max(1, series.length));
  return {
    width,
    height,
    plot,
    ticks,
    groups: groups.map((g, i) => {
      const center = plot.left + groupWidth * (i + 0.5);
      const start = center - (barWidth * series.length) / 2;
      const bars = series.flatMap((s, j) => {
        const value = g.values[s.key];
        if (value === null || value === undefined) return [];
        const y = yOf(value);
        return [
          { series: s.key, x: start + j * barWidth, y, width: barWidth - 2, height: plot.bottom - y, value },
        ];
      });
      return { label: g.label, x: center, bars };
    }),
  };
}
