// Progress of long work in counted steps (importing a file in the browser, seeding the demo in the CLI): which
// step of how many, and how far into it, as one fraction for a progress bar and one line for people.

export interface Progress {
  /** 1-based. */
  step: number;
  total: number;
  label: string;
  /** How far into this step, 0…1; null when the step cannot tell. */
  within: number | null;
}

/** The share of the whole work done, 0…1: the finished steps plus the part of this one. */
export function progressFraction(p: Progress): number {
  const done = Math.max(0, Math.min(p.total, p.step - 1 + (p.within ?? 0)));
  return p.total > 0 ? done / p.total : 0;
}

/** 「第2/4步：解析文档（45%）」 */
export function progressLine(p: Progress): string {
  const percent = p.within === null ? "" : `（${Math.floor(p.within * 100)}%）`;
  return `第${p.step}/${p.total}步：${p.label}${percent}`;
}
