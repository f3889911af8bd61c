import "server-only";
import { sendBytes } from "./api-http";

/** An Atom document with the open-data API's caching (ETag, 304, a minute in shared caches). */
export function sendAtom(request: Request, xml: string): Response {
  return sendBytes(request, new TextEncoder().encode(xml), {
    contentType: "application/atom+xml; charset=utf-8",
  });
}
