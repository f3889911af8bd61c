import { sendAtom } from "@/lib/server/open-data/feed-http";
import { atomFeedOf } from "@/lib/server/public/feed";

// GET /feed.xml: Atom feed of every publication, correction and withdrawal (docs/embedding.md).
export async function GET(request: Request) {
  return sendAtom(request, (await atomFeedOf(new URL(request.url).origin, null))!);
}
