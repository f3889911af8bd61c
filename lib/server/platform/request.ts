import "server-only";
import { headers } from "next/headers";
import { env } from "./env";

// The client's address and scheme (docs/decisions/0013-client-address.md). Next does not expose the socket
// address to route handlers or server actions, and it keeps a client's own X-Forwarded-For. So the launcher
// preloads scripts/trusted-headers.mjs into the Next server: it records the socket address in x-nianbao-peer
// (overwriting whatever a client sent) and, with TRUST_PROXY=0, strips the client's X-Forwarded-*/X-Real-IP.

const PEER_HEADER = "x-nianbao-peer";
/** Set by scripts/trusted-headers.mjs in this process: only then is x-nianbao-peer ours. */
const launcherMarks = () =>
  (globalThis as Record<symbol, unknown>)[Symbol.for("nianbao.peerHeader")] === PEER_HEADER;

const clean = (value: string | undefined) => value?.trim().slice(0, 64) || undefined;
/** The rightmost entry of a comma list: the hop our own proxy added. */
const rightmost = (list: string | null) => clean(list?.split(",").at(-1));

export interface AddressHeaders {
  get(name: string): string | null;
}

/**
 * The client address from request headers: with TRUST_PROXY=1 the address the proxy added (rightmost
 * X-Forwarded-For, else X-Real-IP), else the socket's own; "unknown" when the socket address is not known (a
 * server started without the launcher, e.g. `next dev`).
 */
export function addressOf(h: AddressHeaders, trustProxy: boolean, peerTrusted: boolean): string {
  const peer = peerTrusted ? clean(h.get(PEER_HEADER) ?? undefined) : undefined;
  if (trustProxy)
    return rightmost(h.get("x-forwarded-for")) ?? clean(h.get("x-real-ip") ?? undefined) ?? peer ?? "unknown";
  return peer ?? "unknown";
}

/** The client's IP for audit and rate limiting. */
export async function clientIp(): Promise<string> {
  return addressOf(await headers(), env().TRUST_PROXY === "1", launcherMarks());
}

export async function userAgent(): Promise<string> {
  return ((await headers()).get("user-agent") ?? "").slice(0, 300);
}

/** Whether the request came over HTTPS: only a trusted proxy's X-Forwarded-Proto can say so. */
export function httpsOf(h: AddressHeaders, trustProxy: boolean): boolean {
  return trustProxy && rightmost(h.get("x-forwarded-proto"))?.toLowerCase() === "https";
}

/** Whether cookies must carry Secure: served over HTTPS behind a trusted proxy, or forced by COOKIE_SECURE. */
export async function isHttps(): Promise<boolean> {
  const { COOKIE_SECURE, TRUST_PROXY } = env();
  if (COOKIE_SECURE === "1") return true;
  if (COOKIE_SECURE === "0") return false;
  return httpsOf(await headers(), TRUST_PROXY === "1");
}
