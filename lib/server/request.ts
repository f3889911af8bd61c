import "server-only";
import { headers } from "next/headers";

/**
 * The client's IP for audit and rate limiting. Next fills X-Forwarded-For from the socket when the request
 * has none, so without a proxy this is the peer address. A client can send its own header to dodge the
 * per-IP limit (the per-account limit still holds); in production, put a reverse proxy in front that
 * overwrites X-Forwarded-For, and set TRUST_PROXY=1 to also honour X-Real-IP.
 */
export async function clientIp(): Promise<string> {
  const h = await headers();
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  if (process.env.TRUST_PROXY === "1") {
    const real = h.get("x-real-ip")?.trim();
    if (real) return real.slice(0, 64);
  }
  return (forwarded || "unknown").slice(0, 64);
}

export async function userAgent(): Promise<string> {
  return ((await headers()).get("user-agent") ?? "").slice(0, 300);
}

/** Whether cookies must carry Secure: served over HTTPS (or forced by COOKIE_SECURE). */
export async function isHttps(): Promise<boolean> {
  if (process.env.COOKIE_SECURE === "1") return true;
  if (process.env.COOKIE_SECURE === "0") return false;
  const h = await headers();
  return h.get("x-forwarded-proto") === "https" && process.env.TRUST_PROXY === "1";
}
