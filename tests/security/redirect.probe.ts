// Issue 10, finding 5: after signing in, `next=` may only lead to a path of this site. Each payload below is
// submitted through the real /login form (no JavaScript, as a browser without it posts) to the running app; the
// redirect it answers with must stay on the app's origin, and a plain same-site path must still be honoured.
// The unit test (lib/domain/safe-next.test.ts) covers the function; this covers its wiring into the sign-in.
import { beforeAll, expect, test } from "vitest";
import { DEMO, DEMO_PASSWORD, describeEachDb, sharedApp, trySignIn, type App } from "./harness";

const PAYLOADS = [
  "/\\evil.example",
  "/\\/evil.example",
  "//evil.example",
  "///evil.example",
  "/%2F%2Fevil.example",
  "/%5Cevil.example",
  "/%5C%5Cevil.example",
  "\\\\evil.example",
  "https://evil.example/",
  "https:evil.example",
  "javascript:alert(1)",
  "/\t/evil.example",
  "/\n/evil.example",
  " //evil.example",
  "/\u0000//evil.example",
];

describeEachDb("open redirect after sign-in", (dbKind) => {
  let app: App;
  beforeAll(async () => {
    app = await sharedApp(dbKind);
  });

  test("every off-site next= lands on the app's own origin", async () => {
    const origin = new URL(app.url).origin;
    for (const next of PAYLOADS) {
      const attempt = await trySignIn(app.url, DEMO.reviewer, DEMO_PASSWORD, { next });
      expect(attempt.cookie, JSON.stringify(next)).not.toBeNull();
      expect([303, 307, 302], JSON.stringify(next)).toContain(attempt.status);
      const location = attempt.location ?? "";
      expect(new URL(location, app.url).origin, `${JSON.stringify(next)} → ${location}`).toBe(origin);
      // What a browser does with the header: Chromium reads "/\host" as "//host"; a backslash must not survive.
      expect(location, JSON.stringify(next)).not.toMatch(/\\|^\/\/|%2f|%5c/i);
    }
  });

  test("a same-site next= is honoured", async () => {
    const attempt = await trySignIn(app.url, DEMO.reviewer, DEMO_PASSWORD, {
      next: "/workspace/todo?from=mail",
    });
    expect(attempt.cookie).not.toBeNull();
    const landed = new URL(attempt.location ?? "", app.url);
    expect(landed.origin).toBe(new URL(app.url).origin);
    expect(`${landed.pathname}${landed.search}`).toBe("/workspace/todo?from=mail");
  });
});
