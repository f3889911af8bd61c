"use client";

import { formatDateTimeZh } from "@/lib/domain/dates";
import type { LocalCopy } from "./draft-state";

// Edits this browser holds that never reached the server (closed tab, lost connection, refused save).

interface Props {
  copy: LocalCopy;
  version: number;
  onRestore(): void;
  onDiscard(): void;
}

export function RestoreOffer({ copy, version, onRestore, onDiscard }: Props) {
  const newer = version > copy.baseVersion;
  return (
    <section className="callout callout--warning" aria-labelledby="restore-title" role="region">
      <h2 id="restore-title" className="callout__title">
        本机有未保存的修改
      </h2>
      <p>
        本浏览器保存了您于{formatDateTimeZh(new Date(copy.savedAt))}所做、尚未保存到服务器的修改（基于第
        {copy.baseVersion}版）。
        {newer ? `此后报告已更新为第${version}版，恢复后保存时将请您逐项对比。` : ""}
      </p>
      <div className="form__actions">
        <button type="button" className="button button--primary" onClick={onRestore}>
          恢复这些修改
        </button>
        <button type="button" className="button" onClick={onDiscard}>
          放弃
        </button>
      </div>
    </section>
  );
}
