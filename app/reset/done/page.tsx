import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "密码已重置", robots: { index: false, follow: false } };

export default function ResetDonePage() {
  return (
    <div className="narrow">
      <h1>密码已重置</h1>
      <div className="panel">
        <p role="status" className="notice">
          新密码已生效，其他设备上的登录已全部退出。
        </p>
        <p>
          <Link href="/login" className="button button--primary">
            使用新密码登录
          </Link>
        </p>
      </div>
    </div>
  );
}
