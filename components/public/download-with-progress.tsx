"use client";

import { useState } from "react";
import { progressFraction, type Progress } from "@/lib/domain/progress";

// A download link that shows its progress (the bulk zip of a year can be large). The server names the size in
// X-Download-Size (Next drops Content-Length on route handlers); without JavaScript the plain link still works.

const kb = (bytes: number) => `${Math.ceil(bytes / 1024)} KB`;

export function DownloadWithProgress({
  href,
  filename,
  children,
}: {
  href: string;
  filename: string;
  children: React.ReactNode;
}) {
  const [status, setStatus] = useState<{ loaded: number; total: number | null; done: boolean } | null>(null);

  async function download(event: React.MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    setStatus({ loaded: 0, total: null, done: false });
    const response = await fetch(href);
    if (!response.ok || !response.body) {
      window.location.assign(href);
      return;
    }
    const total = Number(response.headers.get("X-Download-Size")) || null;
    const reader = response.body.getReader();
    const chunks: BlobPart[] = [];
    let loaded = 0;
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      chunks.push(chunk.value);
      loaded += chunk.value.byteLength;
      setStatus({ loaded, total, done: false });
    }
    const url = URL.createObjectURL(new Blob(chunks, { type: response.headers.get("Content-Type") ?? "" }));
    const link = Object.assign(document.createElement("a"), { href: url, download: filename });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setStatus({ loaded, total: loaded, done: true });
  }

  const progress: Progress | null = status && {
    step: 1,
    total: 1,
    label: "下载",
    within: status.total ? status.loaded / status.total : null,
  };
  return (
    <>
      <a href={href} onClick={(e) => void download(e)}>
        {children}
      </a>
      {status && progress && (
        <span className="import-progress" role="status">
          <progress max={1} value={progressFraction(progress)} aria-label="下载进度" />
          {status.done
            ? `已下载（${kb(status.loaded)}）`
            : `正在下载：${kb(status.loaded)}${status.total ? ` / ${kb(status.total)}` : ""}`}
        </span>
      )}
    </>
  );
}
