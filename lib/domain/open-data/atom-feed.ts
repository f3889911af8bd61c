// Atom (RFC 4287) feeds of publications, corrections and withdrawals, for portals and feed readers. Ids are tag:
// URIs (RFC 4151) built from the report's stable address and the edition number, so an entry keeps its id for
// ever, whatever host serves it. Pure: the server passes the events and the site's origin.
import { escapeHtml } from "../render/html-escape";

export type FeedEventKind = "publication" | "correction" | "withdrawal";

export const FEED_EVENT_LABELS: Record<FeedEventKind, string> = {
  publication: "发布",
  correction: "更正",
  withdrawal: "撤销发布",
};

export interface FeedEvent {
  kind: FeedEventKind;
  orgSlug: string;
  orgName: string;
  year: number;
  title: string;
  editionNumber: number;
  at: Date;
  /** 更正说明 of a correction, or the public notice of a withdrawal. */
  note: string | null;
}

export interface FeedInput {
  /** Absolute origin of the site, e.g. https://nianbao.example.gov.cn */
  origin: string;
  /** The feed's own path, e.g. /feed.xml or /reports/gangcheng/feed.xml */
  selfPath: string;
  /** The page the feed belongs to, e.g. / or /reports/gangcheng */
  pagePath: string;
  title: string;
  events: readonly FeedEvent[];
}

const TAG_AUTHORITY = "tag:nianbao,2026:";

export const feedIdOf = (pagePath: string) =>
  `${TAG_AUTHORITY}${pagePath.replace(/^\/+/, "") || "home"}/feed`;

export function entryIdOf(e: Pick<FeedEvent, "kind" | "orgSlug" | "year" | "editionNumber">): string {
  const base = `${TAG_AUTHORITY}reports/${e.orgSlug}/${e.year}/editions/${e.editionNumber}`;
  return e.kind === "withdrawal" ? `${base}/withdrawal` : base;
}

/** The page an entry links to: the edition as published, or the report's address (its withdrawal notice). */
export function entryPathOf(e: FeedEvent): string {
  const report = `/reports/${e.orgSlug}/${e.year}`;
  return e.kind === "withdrawal" ? report : `${report}/editions/${e.editionNumber}`;
}

/** RFC 3339 in UTC, without milliseconds. */
export const rfc3339 = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");

function entryTitle(e: FeedEvent): string {
  if (e.kind === "publication") return `${e.title}`;
  if (e.kind === "correction") return `【更正】${e.title}（第${e.editionNumber}版）`;
  return `【撤销发布】${e.title}`;
}

function entrySummary(e: FeedEvent): string {
  if (e.kind === "publication") return `${e.orgName}发布${e.year}年政府信息公开工作年度报告。`;
  if (e.kind === "correction")
    return `${e.orgName}更正${e.year}年度报告（第${e.editionNumber}版）。更正说明：${e.note ?? ""}`;
  return `${e.orgName}撤销发布${e.year}年度报告。说明：${e.note ?? ""}`;
}

/** Characters XML 1.0 does not allow are dropped, then the text is escaped for content and attributes alike. */
const x = (text: string) =>
  escapeHtml(text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, ""));

function entryXml(origin: string, e: FeedEvent): string {
  const at = rfc3339(e.at);
  return [
    "  <entry>",
    `    <id>${x(entryIdOf(e))}</id>`,
    `    <title>${x(entryTitle(e))}</title>`,
    `    <link rel="alternate" type="text/html" href="${x(origin + entryPathOf(e))}"/>`,
    `    <published>${at}</published>`,
    `    <updated>${at}</updated>`,
    `    <author><name>${x(e.orgName)}</name></author>`,
    `    <category term="${e.kind}" label="${FEED_EVENT_LABELS[e.kind]}"/>`,
    `    <summary type="text">${x(entrySummary(e))}</summary>`,
    "  </entry>",
  ].join("\n");
}

/** Newest first; a feed with no entry is dated at the epoch so that it is still valid Atom. */
export function renderAtomFeed(input: FeedInput): string {
  const events = [...input.events].sort((a, b) => b.at.getTime() - a.at.getTime());
  const updated = rfc3339(events[0]?.at ?? new Date(0));
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <id>${x(feedIdOf(input.pagePath))}</id>`,
    `  <title>${x(input.title)}</title>`,
    `  <updated>${updated}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${x(input.origin + input.selfPath)}"/>`,
    `  <link rel="alternate" type="text/html" href="${x(input.origin + input.pagePath)}"/>`,
    "  <author><name>年报 · 政府信息公开工作年度报告</name></author>",
    "  <generator>Nianbao</generator>",
    ...events.map((e) => entryXml(input.origin, e)),
    "</feed>",
    "",
  ].join("\n");
}
