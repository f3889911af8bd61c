import { describe, expect, it } from "vitest";
import { checkAtomFeed, parseXml } from "./atom-check";
import { entryIdOf, renderAtomFeed, type FeedEvent } from "./atom-feed";

const event = (over: Partial<FeedEvent> = {}): FeedEvent => ({
  kind: "publication",
  orgSlug: "jinxiu",
  orgName: "柳北区人民政府锦绣街道办事处",
  year: 2023,
  title: "柳北区人民政府锦绣街道办事处2023年政府信息公开工作年度报告",
  editionNumber: 1,
  at: new Date("2024-01-20T02:00:00Z"),
  note: null,
  ...over,
});

const feedOf = (events: FeedEvent[]) =>
  renderAtomFeed({
    origin: "https://nianbao.example.gov.cn",
    selfPath: "/reports/jinxiu/feed.xml",
    pagePath: "/reports/jinxiu",
    title: "锦绣街道 政府信息公开工作年度报告",
    events,
  });

describe("the Atom feed", () => {
  it("is well-formed Atom with the required elements and RFC 3339 dates", () => {
    const xml = feedOf([
      event(),
      event({
        kind: "correction",
        editionNumber: 2,
        at: new Date("2024-04-18T07:00:00Z"),
        note: "表二“行政强制”误填为12件，应为2件 <已核实> & 更正",
      }),
      event({ kind: "withdrawal", editionNumber: 2, at: new Date("2024-05-01T03:00:00Z"), note: "撤销" }),
    ]);
    expect(checkAtomFeed(xml)).toEqual([]);
    const feed = parseXml(xml);
    const entries = feed.children.filter((c) => c.name === "entry");
    expect(entries.map((e) => e.children.find((c) => c.name === "category")?.attrs.term)).toEqual([
      "withdrawal",
      "correction",
      "publication",
    ]);
    const correction = entries[1]!.children.find((c) => c.name === "summary")!.text;
    expect(correction).toContain("更正说明：表二“行政强制”误填为12件，应为2件 <已核实> & 更正");
    expect(feed.children.find((c) => c.name === "updated")?.text).toBe("2024-05-01T03:00:00Z");
  });

  it("gives each event a stable tag: id that does not depend on the host", () => {
    expect(entryIdOf(event())).toBe("tag:nianbao,2026:reports/jinxiu/2023/editions/1");
    expect(entryIdOf(event({ kind: "withdrawal", editionNumber: 2 }))).toBe(
      "tag:nianbao,2026:reports/jinxiu/2023/editions/2/withdrawal",
    );
  });

  it("is valid with no entry at all", () => {
    expect(checkAtomFeed(feedOf([]))).toEqual([]);
  });

  it.each([
    ["an unclosed element", "<feed xmlns='http://www.w3.org/2005/Atom'><id>x</feed>", /不是格式良好的 XML/],
    ["a bare ampersand", "<feed xmlns='http://www.w3.org/2005/Atom'>a & b</feed>", /无效的实体引用/],
    ["an unquoted attribute", "<feed xmlns=http://www.w3.org/2005/Atom></feed>", /属性无效/],
    ["two roots", "<feed xmlns='http://www.w3.org/2005/Atom'></feed><feed/>", /根元素之后/],
  ])("rejects %s", (_, xml, message) => {
    expect(checkAtomFeed(xml).join("\n")).toMatch(message);
  });

  it("rejects a feed missing required elements or with a date that is not RFC 3339", () => {
    const xml = feedOf([event()])
      .replace(/<updated>2024-01-20T02:00:00Z<\/updated>/g, "<updated>2024年1月20日</updated>")
      .replace(/<id>tag:nianbao,2026:reports\/jinxiu\/feed<\/id>/, "");
    expect(checkAtomFeed(xml)).toEqual([
      "<feed>须有且仅有一个<id>（现有0个）",
      "<feed>的<updated>“2024年1月20日”不是 RFC 3339 时间",
      "第1个<entry>的<updated>“2024年1月20日”不是 RFC 3339 时间",
    ]);
  });
});
