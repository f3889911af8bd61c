"use client";

import { useId, useState } from "react";

/** A freshly issued reset link, shown once: the administrator passes it on through a trusted channel. */
export function ResetLink({ path, username }: { path: string; username: string }) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  const url = `${window.location.origin}${path}`;
  async function copy() {
    await navigator.clipboard.writeText(url);
    setCopied(true);
  }
  return (
    <div className="reset-link" role="status">
      <label htmlFor={id}>{username} 的密码重置链接（24 小时内有效，只能使用一次）</label>
      <div className="reset-link__row">
        <input id={id} readOnly value={url} onFocus={(e) => e.target.select()} />
        <button type="button" className="button" onClick={copy}>
          {copied ? "已复制" : "复制链接"}
        </button>
      </div>
      <p className="field__hint">
        链接只显示这一次。请通过可信的渠道（当面、单位内部通讯）交给本人，由本人设置新密码。
      </p>
    </div>
  );
}
