// What every server action answers (docs/style.md rule 5): the data, or one of the closed failure codes with a
// Chinese message and field errors keyed by the form path. Isomorphic: defineAction builds it on the server, the
// components that receive actions as props read it in the browser.

export const ACTION_CODES = [
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "INVALID_INPUT",
] as const;
export type ActionCode = (typeof ACTION_CODES)[number];

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; code: ActionCode; message: string; fieldErrors?: Record<string, string> };
