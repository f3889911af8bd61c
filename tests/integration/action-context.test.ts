// defineAction resolves the request context once (issue 14 item 3): the handler receives the actor, the client
// address as lib/server/platform/request.ts computes it (TRUST_PROXY) and the clock, and never reads them itself.
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { defineAction } from "@/lib/server/platform/action";

const clientIp = vi.hoisted(() => vi.fn(async () => "203.0.113.7"));
vi.mock("@/lib/server/platform/request", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/server/platform/request")>()),
  clientIp,
}));

const actor = {
  userId: "u1",
  username: "admin",
  displayName: "管理员",
  isActive: true,
  sessionId: "s1",
  memberships: [],
};
const getActor = vi.hoisted(() => vi.fn<() => Promise<unknown>>());
vi.mock("@/lib/server/auth/session", () => ({ getActor }));

const echo = defineAction(z.object({ n: z.number() }), async (who, input, ctx) => ({ who, input, ctx }));

describe("defineAction's request context", () => {
  it("hands the handler the actor, the client address read once, and the time", async () => {
    getActor.mockResolvedValue(actor);
    clientIp.mockClear();
    const before = Date.now();
    const result = await echo({ n: 1 });
    expect(result.ok && result.data).toMatchObject({
      who: actor,
      input: { n: 1 },
      ctx: { actor, ip: "203.0.113.7" },
    });
    expect(result.ok && result.data.ctx.now.getTime()).toBeGreaterThanOrEqual(before);
    expect(clientIp).toHaveBeenCalledTimes(1);
  });

  it("answers UNAUTHENTICATED without a session, and INVALID_INPUT before reading the address", async () => {
    getActor.mockResolvedValue(null);
    expect(await echo({ n: 1 })).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    getActor.mockResolvedValue(actor);
    clientIp.mockClear();
    expect(await echo({ n: "x" } as never)).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(clientIp).not.toHaveBeenCalled();
  });
});
