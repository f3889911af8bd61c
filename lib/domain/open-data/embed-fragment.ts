// The 年报专栏 of one body as a plain HTML fragment for a government portal to include (server-side include, CMS
// "外部内容" block, or an iframe): every year's report with its date and 更正/撤销 marks, linking to the
// authoritative pages here. No script, no style sheet, every text escaped; class names prefixed "nianbao-" so a
// portal can style it. See docs/embedding.md.
import { formatDateZh } from "../dates";
import { escapeHtml as x } from "../render/html-escape";

export interface EmbedYear {
  year: number;
  title: string;
  /** Date of the current edition. */
  publishedAt: Date;
  editionNumber: number;
}

export interface EmbedInput {
  origin: string;
  org: { slug: string; name: string };
  years: readonly EmbedYear[];
  withdrawn: readonly { year: number; title: string; note: string }[];
  /** Marks the fragment 「示例数据」 in a demo start. */
  isDemo: boolean;
}

function yearItem(origin: string, slug: string, y: EmbedYear): string {
  const href = `${origin}/reports/${slug}/${y.year}`;
  const corrected =
    y.editionNumber > 1 ? `<span class="nianbao-mark">（已更正，第${y.editionNumber}版）</span>` : "";
  return (
    `<li><a href="${x(href)}">${x(y.title)}</a> ` +
    `<time datetime="${y.publishedAt.toISOString()}">${x(formatDateZh(y.publishedAt))}</time>${corrected}</li>`
  );
}

export function renderEmbedFragment(input: EmbedInput): string {
  const { origin, org } = input;
  const entries = [
    ...input.years.map((y) => ({ year: y.year, html: yearItem(origin, org.slug, y) })),
    ...input.withdrawn.map((w) => ({
      year: w.year,
      html:
        `<li><a href="${x(`${origin}/reports/${org.slug}/${w.year}`)}">${x(w.title)}</a> ` +
        `<span class="nianbao-mark">（已撤销发布：${x(w.note)}）</span></li>`,
    })),
  ].sort((a, b) => b.year - a.year);
  const list = entries.length
    ? `<ul class="nianbao-years">\n${entries.map((e) => `  ${e.html}`).join("\n")}\n</ul>`
    : `<p>暂无已发布的年度报告。</p>`;
  const demo = input.isDemo
    ? `<p class="nianbao-demo"><strong>示例数据</strong>：演示环境，非真实报告。</p>\n`
    : "";
  return [
    `<section class="nianbao-embed" lang="zh-CN" aria-label="${x(org.name)}政府信息公开工作年度报告">`,
    `<h2 class="nianbao-title">${x(org.name)} · 政府信息公开工作年度报告</h2>`,
    `${demo}${list}`,
    `<p class="nianbao-more"><a href="${x(`${origin}/reports/${org.slug}`)}">查看历年年报与关键数据</a> · ` +
      `<a href="${x(`${origin}/reports/${org.slug}/feed.xml`)}" type="application/atom+xml">订阅更新（Atom）</a></p>`,
    `</section>`,
    "",
  ].join("\n");
}
