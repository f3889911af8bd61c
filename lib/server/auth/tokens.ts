import "server-only";
import { createHash, randomBytes } from "node:crypto";

// Session and reset tokens are random; the database keeps only their sha256, so a leaked table grants nothing.

export const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
export const newToken = () => randomBytes(32).toString("base64url");
