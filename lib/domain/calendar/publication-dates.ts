// The dates a published edition carries in its metadata, as imported reports carry those their web page printed:
// 成文日期 is the 落款's date unless the document says otherwise, and 发布日期 is the day the report was first
// published (a correction keeps it). Filled at publication; what the document already holds is kept.
import { toIsoDateInChina } from "../dates";
import type { Report } from "../report-schema";

export function withPublicationDates(content: Report, firstPublishedAt: Date): Report {
  const { meta } = content;
  return {
    ...content,
    meta: {
      ...meta,
      writtenDate: meta.writtenDate ?? meta.signatureDate,
      publishedDate: meta.publishedDate ?? toIsoDateInChina(firstPublishedAt),
    },
  };
}
