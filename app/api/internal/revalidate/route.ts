import { z } from "zod";
import { INTERNAL_TOKEN_HEADER, isInternalToken } from "@/lib/server/platform/internal-token";
import { revalidateAllPublicPages, revalidatePublicPages } from "@/lib/server/public/cache";

// Called only by this server process itself (the publication scheduler's poller and the site worker, which run
// outside any request) to drop the cached public pages of a report it published; to anyone else it does not exist.

// orgSlug and year null (a rename, a move, a rebuild): every public page.
const bodySchema = z.object({
  orgSlug: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
    .max(80)
    .nullable(),
  year: z.number().int().min(2008).max(2100).nullable(),
});

export async function POST(request: Request) {
  if (!isInternalToken(request.headers.get(INTERNAL_TOKEN_HEADER)))
    return new Response("Not Found", { status: 404 });
  const parsed = bodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ ok: false }, { status: 400 });
  const { orgSlug, year } = parsed.data;
  if (orgSlug === null || year === null) revalidateAllPublicPages();
  else revalidatePublicPages(orgSlug, year);
  return Response.json({ ok: true });
}
