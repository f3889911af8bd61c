import { z } from "zod";
import { ActionError } from "@/lib/server/platform/action";
import { MAX_PDF_BYTES, MAX_PDF_MESSAGE, readUploadedPdf } from "@/lib/server/documents/pdf-import";
import { getActor } from "@/lib/server/auth/session";

// The editor's PDF import: multipart form (orgId, year, file) in, the ImportResult as JSON out. Reads only —
// nothing is stored — so a route handler (with its own size limit) rather than a server action.
export const dynamic = "force-dynamic";

// A refusal of the file itself (a scan, a damaged PDF) is an answer, as a server action's result is: 200 with
// ok: false. Requests that should not have been made get HTTP errors.
const STATUS = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, INVALID_INPUT: 200 };
const failure = (status: number, message: string) => Response.json({ ok: false, message }, { status });

const fields = z.object({
  orgId: z.string().min(1).max(60),
  year: z.coerce.number().int().min(2008).max(2100),
});

export async function POST(request: Request) {
  const actor = await getActor();
  if (!actor) return failure(401, "登录已失效，请重新登录。");
  const length = Number(request.headers.get("content-length") ?? NaN);
  if (!Number.isFinite(length) || length > MAX_PDF_BYTES + 64 * 1024) return failure(413, MAX_PDF_MESSAGE);
  const form = await request.formData().catch(() => null);
  const file = form?.get("file");
  const parsed = fields.safeParse({ orgId: form?.get("orgId"), year: form?.get("year") });
  if (!parsed.success || !(file instanceof File)) return failure(400, "请选择要导入的PDF文件。");
  try {
    const result = await readUploadedPdf(actor, {
      ...parsed.data,
      fileName: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    });
    return Response.json({ ok: true, result }, { headers: { "Cache-Control": "no-store" } });
  } catch (err) {
    if (err instanceof ActionError) return failure(STATUS[err.code], err.message);
    throw err;
  }
}
