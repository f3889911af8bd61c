"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ImportPanel } from "./import-panel";
import type { CreateAction, CreateInput } from "./types";

// The three ways to start a year's report: from last year's published report, by importing a file (with a
// confirmation screen first), or empty from the format's template.

interface Props {
  orgId: string;
  orgName: string;
  year: number;
  /** Last year's published report: what 二、上年结转 will be prefilled with, per column. */
  previous: { year: number; carried: { label: string; value: string }[] } | null;
  create: CreateAction;
}

export function NewReportChooser({ orgId, orgName, year, previous, create }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const run = (input: CreateInput) =>
    startTransition(async () => {
      const result = await create(input);
      if (result.ok) router.push(`/workspace/reports/${result.data.id}`);
      else setError(result.message);
    });
  return (
    <div className="new-report">
      {error && (
        <p className="form__alert" role="alert">
          {error}
        </p>
      )}
      <section className="choice" aria-labelledby="choice-last-year">
        <h2 id="choice-last-year">从上年报告开始</h2>
        {previous ? (
          <>
            <p>
              以{orgName}
              {previous.year}
              年度已发布的报告为基础：沿用各部分文字，年份自动更新并标记为待核对；表三“二、上年结转政府信息公开申请数量”按上年“四、结转下年度继续办理”逐列预填；表二旁显示上年现行有效件数。
            </p>
            <p className="muted">
              预填的上年结转：{previous.carried.map((c) => `${c.label}${c.value}`).join("，")}
            </p>
            <button
              type="button"
              className="button button--primary"
              disabled={pending}
              onClick={() => run({ source: "lastYear", orgId, year })}
            >
              以{previous.year}年度报告为基础新建
            </button>
          </>
        ) : (
          <p className="muted">未找到{year - 1}年度已发布的报告，不能使用此方式。</p>
        )}
      </section>
      <section className="choice" aria-labelledby="choice-import">
        <h2 id="choice-import">导入文件</h2>
        <p>
          导入已有的Word（.docx）、PDF（.pdf）、网页（.html）或文本（.txt）文件。保存前会列出识别结果、未能识别的内容和检查发现的问题，确认后才创建。
        </p>
        <ImportPanel orgId={orgId} orgName={orgName} year={year} pending={pending} onConfirm={run} />
      </section>
      <section className="choice" aria-labelledby="choice-template">
        <h2 id="choice-template">使用空白模板</h2>
        <p>
          按国家年报格式创建：第一部分五个子项已列好，三张表格均为空白，导语和联系方式按本机关信息预先填写。
        </p>
        <button
          type="button"
          className="button"
          disabled={pending}
          onClick={() => run({ source: "template", orgId, year })}
        >
          使用空白模板新建
        </button>
      </section>
    </div>
  );
}
