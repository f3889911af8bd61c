"use client";

import { useState } from "react";
import {
  feeNarrative,
  onRequestNarrative,
  unpaidFeeApplications,
  withFeeParagraph,
} from "@/lib/domain/narrative";
import type { Report } from "@/lib/domain/report-schema";
import { parseDecimal } from "@/lib/domain/decimal";

// One click writes the standard sentences from the tables; the author sees them first and may edit them freely
// afterwards (the text rules keep checking whatever stands there).

interface OnRequestProps {
  report: Report;
  previous: Report | null;
  onWrite(paragraphs: string[]): void;
}

export function OnRequestHelper({ report, previous, onWrite }: OnRequestProps) {
  const [draft, setDraft] = useState<string[] | null>(null);
  const [reason, setReason] = useState<string | null>(null);
  const current = report.sections.overview.items.find((i) => i.key === "onRequest")?.paragraphs ?? [];
  function generate() {
    const narrative = onRequestNarrative(report, previous);
    setDraft(narrative.ok ? narrative.paragraphs : null);
    setReason(narrative.ok ? null : narrative.reason);
  }
  const write = (paragraphs: string[]) => {
    onWrite(paragraphs);
    setDraft(null);
  };
  return (
    <div className="helper">
      <button type="button" className="button button--small" onClick={generate}>
        根据表三生成标准表述
      </button>
      {reason && (
        <p className="field__error" role="alert">
          {reason}
        </p>
      )}
      {draft && (
        <div className="helper__preview" role="group" aria-label="生成的标准表述">
          {draft.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
          <div className="form__actions">
            <button
              type="button"
              className="button button--primary button--small"
              onClick={() => write(draft)}
            >
              替换本项文字
            </button>
            <button
              type="button"
              className="button button--small"
              onClick={() => write([...current, ...draft])}
            >
              添加到末尾
            </button>
            <button type="button" className="button button--small" onClick={() => setDraft(null)}>
              取消
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

interface FeeProps {
  report: Report;
  onWrite(paragraphs: string[]): void;
}

export function FeeHelper({ report, onWrite }: FeeProps) {
  const unpaid = unpaidFeeApplications(report.tables) ?? 0;
  const [open, setOpen] = useState(false);
  const [notices, setNotices] = useState(String(unpaid));
  const [amount, setAmount] = useState("0");
  const noticeCount = /^\d{1,6}$/.test(notices.trim()) ? Number(notices) : null;
  const amountOk = parseDecimal(amount) !== null && !amount.trim().startsWith("-");
  const sentence =
    noticeCount !== null && amountOk
      ? feeNarrative(report, { notices: noticeCount, amountYuan: amount.trim() })
      : null;
  if (!open) {
    return (
      <div className="helper">
        <button type="button" className="button button--small" onClick={() => setOpen(true)}>
          生成信息处理费说明
        </button>
      </div>
    );
  }
  return (
    <fieldset className="fieldset helper__preview">
      <legend>信息处理费收取情况</legend>
      <p className="field__hint">表三“（六）其他处理”第2项（逾期未缴费不再处理）为{unpaid}件。</p>
      <div className="field-row">
        <div className="field field--short">
          <label htmlFor="fee-notices">发出收费通知（件）</label>
          <input
            id="fee-notices"
            inputMode="numeric"
            value={notices}
            onChange={(e) => setNotices(e.target.value)}
          />
        </div>
        <div className="field field--short">
          <label htmlFor="fee-amount">收取金额（元）</label>
          <input
            id="fee-amount"
            inputMode="decimal"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
          />
        </div>
      </div>
      {sentence ? (
        <p className="helper__sentence">{sentence}</p>
      ) : (
        <p className="field__error">请填写件数（整数）和金额（数字）。</p>
      )}
      <div className="form__actions">
        <button
          type="button"
          className="button button--primary button--small"
          disabled={!sentence}
          onClick={() => {
            if (sentence) onWrite(withFeeParagraph(report.sections.other.paragraphs, sentence));
            setOpen(false);
          }}
        >
          写入第六部分
        </button>
        <button type="button" className="button button--small" onClick={() => setOpen(false)}>
          取消
        </button>
      </div>
    </fieldset>
  );
}
