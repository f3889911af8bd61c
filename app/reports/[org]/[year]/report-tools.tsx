import Link from "next/link";
import { PrintButton } from "@/components/public/print-button";

// Downloads (Word, JSON, CSV), print / PDF, and the 「与上年对比」 switch: a checkbox whose state the stylesheet
// reads (`:has(#show-previous:checked)`), so it works without JavaScript and the page stays cacheable.

interface Props {
  orgSlug: string;
  year: number;
  previousYear: number | null;
}

export function ReportTools({ orgSlug, year, previousYear }: Props) {
  const api = `/api/v1/reports/${orgSlug}/${year}`;
  return (
    <section className="report-tools no-print" aria-labelledby="report-tools-title">
      <h2 id="report-tools-title" className="visually-hidden">
        下载与阅读工具
      </h2>
      <ul className="report-tools__downloads">
        <li>
          <a className="button" href={`${api}?format=docx`} download>
            下载 Word<span className="visually-hidden">（.docx，正式格式）</span>
          </a>
        </li>
        <li>
          <a className="button" href={api} download={`${orgSlug}-${year}.json`}>
            下载 JSON<span className="visually-hidden">（结构化数据）</span>
          </a>
        </li>
        <li>
          <a className="button" href={`${api}?format=csv`} download>
            下载 CSV<span className="visually-hidden">（每个单元格一行，Excel 可打开）</span>
          </a>
        </li>
        <li>
          <PrintButton />
        </li>
      </ul>
      <p className="report-tools__hint muted">
        PDF：点“打印 / 另存为PDF”（或按 Ctrl+P），在打印窗口的“目标打印机”中选择“另存为 PDF”，纸张
        A4。数据说明见
        <Link href="/open-data">开放数据</Link>。
      </p>
      {previousYear !== null ? (
        <p className="compare-toggle">
          <input type="checkbox" id="show-previous" />
          <label htmlFor="show-previous">在表格每个数值旁显示{previousYear}年度的数值</label>
        </p>
      ) : (
        <p className="muted">本机关没有已发布的{year - 1}年度报告，无法与上年对比。</p>
      )}
    </section>
  );
}
