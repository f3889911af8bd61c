import type { Metadata } from "next";
import Link from "next/link";
import { CareModeToggle } from "@/components/public/care-mode";
import { CARE_MODE_SCRIPT } from "@/lib/domain/care-mode";
import { DemoNotice } from "@/components/public/demo-notice";
import { env } from "@/lib/server/platform/env";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "年报 · 政府信息公开工作年度报告", template: "%s · 年报" },
  description: "政府信息公开工作年度报告的填报、审核、发布与公开查阅",
  alternates: {
    types: { "application/atom+xml": [{ url: "/feed.xml", title: "年度报告发布、更正与撤销（Atom）" }] },
  },
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    // The 关怀版 script sets data-care on <html> before hydration; the layout stays static (no cookies).
    <html lang="zh-CN" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: CARE_MODE_SCRIPT }} />
      </head>
      <body>
        <a className="skip-link" href="#main">
          跳到正文
        </a>
        <header className="site-header">
          <div className="site-header__inner">
            <Link href="/" className="site-header__brand">
              年报 · 政府信息公开工作年度报告
            </Link>
            <nav aria-label="主导航">
              <ul>
                <li>
                  <Link href="/">年报专栏</Link>
                </li>
                <li>
                  <Link href="/compare">数据对比</Link>
                </li>
                <li>
                  <Link href="/open-data">开放数据</Link>
                </li>
                {/* data-care-slot: where the static site's inline script puts the switch (lib/server/site/files.ts) */}
                <li data-care-slot="">
                  <CareModeToggle />
                </li>
              </ul>
            </nav>
          </div>
        </header>
        <DemoNotice isDemo={env().NIANBAO_DEMO === "1"} />
        <main id="main" className="site-main">
          {children}
        </main>
        <footer className="site-footer">
          <div className="site-footer__inner">
            依据《中华人民共和国政府信息公开条例》及国办公开办函〔2021〕30号格式编制
          </div>
        </footer>
      </body>
    </html>
  );
}
