import type { Metadata } from "next";
import Link from "next/link";
import { CELL_CSV_COLUMNS } from "@/lib/domain/open-data/export-csv";
import { KEY_FIGURES } from "@/lib/domain/key-figures";
import { openApiDocument } from "@/lib/domain/open-data/openapi";
import { DownloadWithProgress } from "@/components/public/download-with-progress";

// The open-data API for people: every endpoint and parameter rendered from the OpenAPI document itself (so
// this page cannot drift from /api/v1/openapi.json), the download formats, caching, and the PDF path.

export const metadata: Metadata = { title: "开放数据" };

interface Operation {
  summary: string;
  parameters?: { name: string; in: string; required: boolean; description: string; example?: string }[];
  responses: Record<string, { description: string }>;
}

const CSV_COLUMN_LABELS: Record<(typeof CELL_CSV_COLUMNS)[number], string> = {
  organisation: "机关全称",
  organisation_slug: "机关标识",
  year: "年度",
  table: "表（t2、t3、t4）",
  table_title: "表名（表二、表三、表四）",
  row_key: "行键（稳定）",
  row_label: "行名称",
  column_key: "列键（稳定）",
  column_label: "列名称",
  value: "数值（收费金额为精确小数；空表示未填写，不作为0）",
};

/** Endpoints, not pages: plain links, so that the browser downloads or shows the data. */
const EXAMPLES: [string, string][] = [
  ["/api/v1/reports/gangcheng/2024", "钢城街道2024年度报告（JSON）"],
  ["/api/v1/reports/gangcheng/2024?format=csv", "同一报告的 CSV"],
  ["/api/v1/reports/gangcheng/2024?format=docx", "同一报告的 Word 文件"],
  ["/api/v1/rollup/liubei/2024", "柳北区2024年度汇总"],
  ["/api/v1/bulk/2024", "2024年度全部报告（zip）"],
];

export default function OpenDataPage() {
  const doc = openApiDocument() as { paths: Record<string, { get: Operation }> };
  return (
    <>
      <h1>开放数据</h1>
      <section className="panel" aria-labelledby="overview">
        <h2 id="overview" className="panel__title">
          概述
        </h2>
        <p>
          本站所有已发布的政府信息公开工作年度报告都可以作为数据下载：每份报告提供
          Word（正式格式）、JSON（结构化数据）和
          CSV（每个统计表单元格一行，完整报告共200行）；另有按年度的批量下载、汇总和对比接口。接口只读，只包含已发布报告的当前版本，
          无需注册。机器可读的接口说明：<a href="/api/v1/openapi.json">/api/v1/openapi.json</a>（OpenAPI
          3.1）。
        </p>
        <ul>
          <li>
            每个响应都带 ETag 和 Cache-Control：浏览器每次用 If-None-Match 校验（未变化时返回304），代理与 CDN
            最多缓存60秒。
          </li>
          <li>
            错误以 JSON 返回：{`{"error": {"status": 404, "code": "NOT_FOUND", "message": "…"}}`}
            ；参数有误时返回400并在 issues 中逐项说明。
          </li>
          <li>允许跨域读取（Access-Control-Allow-Origin: *）。</li>
        </ul>
      </section>
      <section className="panel" aria-labelledby="endpoints">
        <h2 id="endpoints" className="panel__title">
          接口
        </h2>
        {Object.entries(doc.paths).map(([path, { get }]) => (
          <article key={path} className="endpoint">
            <h3>
              <code>GET /api/v1{path}</code>
            </h3>
            <p>{get.summary}</p>
            {get.parameters && get.parameters.length > 0 && (
              <dl className="facts">
                {get.parameters.map((p) => (
                  <div key={`${p.in}-${p.name}`} className="facts__row">
                    <dt>
                      <code>{p.name}</code>
                      {p.required ? "（必填）" : ""}
                    </dt>
                    <dd>
                      {p.description}
                      {p.example ? `，例如 ${p.example}` : ""}
                    </dd>
                  </div>
                ))}
              </dl>
            )}
            <p className="muted">
              响应：
              {Object.entries(get.responses)
                .map(([code, r]) => `${code} ${r.description}`)
                .join("；")}
            </p>
          </article>
        ))}
        <p>例如：</p>
        <ul className="open-data-examples">
          {EXAMPLES.map(([href, what]) => (
            <li key={href}>
              {href.startsWith("/api/v1/bulk/") ? (
                <DownloadWithProgress href={href} filename={`nianbao-${href.split("/").at(-1)}.zip`}>
                  <code>{href}</code>
                </DownloadWithProgress>
              ) : (
                <a href={href}>
                  <code>{href}</code>
                </a>
              )}
              ：{what}
            </li>
          ))}
        </ul>
      </section>
      <section className="panel" aria-labelledby="csv">
        <h2 id="csv" className="panel__title">
          CSV 字段
        </h2>
        <p>UTF-8 编码并带 BOM，Excel 可直接打开中文。单份报告与批量下载中的 cells-年度.csv 字段相同：</p>
        <dl className="facts">
          {CELL_CSV_COLUMNS.map((c) => (
            <div key={c} className="facts__row">
              <dt>
                <code>{c}</code>
              </dt>
              <dd>{CSV_COLUMN_LABELS[c]}</dd>
            </div>
          ))}
        </dl>
        <p>
          对比 CSV 每个机关、每个年度一行，主要数据列：
          {KEY_FIGURES.map((f) => `${f.key}（${f.label}）`).join("、")}。
        </p>
      </section>
      <section className="panel" aria-labelledby="pdf">
        <h2 id="pdf" className="panel__title">
          PDF
        </h2>
        <p>
          报告页面带有按 A4 正式格式排版的打印样式：在报告页面点“打印 / 另存为PDF”（或按 Ctrl+P /
          ⌘P），在打印窗口的目标打印机中选择“另存为 PDF”，纸张选 A4，即可得到与网页内容一致的
          PDF。需要可编辑文件时请下载 Word。
        </p>
        <p>
          <Link href="/">返回年报专栏</Link>
        </p>
      </section>
    </>
  );
}
