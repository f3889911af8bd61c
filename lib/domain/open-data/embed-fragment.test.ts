import { describe, expect, it } from "vitest";
import { renderEmbedFragment, type EmbedInput } from "./embed-fragment";

const input = (over: Partial<EmbedInput> = {}): EmbedInput => ({
  origin: "https://nianbao.example.gov.cn",
  org: { slug: "jinxiu", name: "柳北区人民政府锦绣街道办事处" },
  years: [
    {
      year: 2023,
      title: "锦绣街道2023年报告",
      publishedAt: new Date("2024-01-20T02:00:00Z"),
      editionNumber: 2,
    },
    {
      year: 2024,
      title: "锦绣街道2024年报告",
      publishedAt: new Date("2025-01-18T02:00:00Z"),
      editionNumber: 1,
    },
  ],
  withdrawn: [{ year: 2022, title: "锦绣街道2022年报告", note: "数据有误" }],
  isDemo: false,
  ...over,
});

describe("the portal fragment", () => {
  it("lists every year newest first with absolute links, the correction and the withdrawal marked", () => {
    const html = renderEmbedFragment(input());
    const years = [...html.matchAll(/<li><a href="([^"]+)">/g)].map((m) => m[1]);
    expect(years).toEqual([
      "https://nianbao.example.gov.cn/reports/jinxiu/2024",
      "https://nianbao.example.gov.cn/reports/jinxiu/2023",
      "https://nianbao.example.gov.cn/reports/jinxiu/2022",
    ]);
    expect(html).toContain("（已更正，第2版）");
    expect(html).toContain("（已撤销发布：数据有误）");
    expect(html).toContain('href="https://nianbao.example.gov.cn/reports/jinxiu/feed.xml"');
    expect(html).not.toMatch(/<script|<style|style=|on\w+=/i);
    expect(html).not.toContain("示例数据");
  });

  it("escapes every text it shows", () => {
    const html = renderEmbedFragment(
      input({
        org: { slug: "jinxiu", name: '<img src=x onerror="alert(1)">' },
        withdrawn: [{ year: 2022, title: "t", note: "</section><script>alert(1)</script>" }],
      }),
    );
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("is marked 示例数据 in a demo start", () => {
    expect(renderEmbedFragment(input({ isDemo: true }))).toContain("<strong>示例数据</strong>");
  });
});
