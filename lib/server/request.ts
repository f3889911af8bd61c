import "server-only";
import { headers } from "next/headers";

/** The client's IP for audit and rate limiting; proxy headers are trusted only with TRUST_PROXY=1. */
export async function clientIp(): Promise<string> {
  const h = await headers();
  if (process.env.TRUST_PROXY === "1") {
    const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded.slice(0, 64);
    const real = h.get("x-real-ip");
    if (real) return real.slice(0, 64);
  }
  return "本机";
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
