// Which client address and scheme a request has (issue 10 item 3; docs/decisions/0013-client-address.md).
import { describe, expect, it } from "vitest";
import { addressOf, httpsOf } from "@/lib/server/platform/request";

const headers = (h: Record<string, string>) => new Headers(h);

describe("addressOf", () => {
  const forged = { "x-forwarded-for": "6.6.6.6", "x-real-ip": "7.7.7.7", "x-nianbao-peer": "192.0.2.10" };

  it("with TRUST_PROXY=0 takes the socket address the launcher recorded, never a client's header", () => {
    expect(addressOf(headers(forged), false, true)).toBe("192.0.2.10");
  });

  it("does not believe x-nianbao-peer unless the launcher's preload set it", () => {
    expect(addressOf(headers(forged), false, false)).toBe("unknown");
  });

  it("with TRUST_PROXY=1 takes the hop the proxy added: the rightmost X-Forwarded-For entry", () => {
    const h = headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.5", "x-nianbao-peer": "127.0.0.1" });
    expect(addressOf(h, true, true)).toBe("203.0.113.5");
    expect(
      addressOf(headers({ "x-real-ip": "203.0.113.9", "x-nianbao-peer": "127.0.0.1" }), true, true),
    ).toBe("203.0.113.9");
    expect(addressOf(headers({ "x-nianbao-peer": "127.0.0.1" }), true, true)).toBe("127.0.0.1");
  });
});

describe("httpsOf", () => {
  it("believes X-Forwarded-Proto only from a trusted proxy", () => {
    expect(httpsOf(headers({ "x-forwarded-proto": "https" }), true)).toBe(true);
    expect(httpsOf(headers({ "x-forwarded-proto": "https" }), false)).toBe(false);
    expect(httpsOf(headers({ "x-forwarded-proto": "http" }), true)).toBe(false);
  });
});
