// Whether two drafts say the same thing: the server skips a save that changes nothing, the editor drops a local copy
// the server already holds. Keys are compared regardless of order (PostgreSQL's jsonb reorders object keys), and
// an explanation's author and time are the server's to stamp, so only what it says and what it is about count.
import type { DraftDoc } from "./draft-merge";

/**
 * Equality of two values as JSON stores them: object keys in any order (PostgreSQL's jsonb reorders them), a key
 * holding undefined the same as an absent one, undefined in a list the same as null.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if ((a ?? null) === (b ?? null)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = storedKeys(a);
  const kb = storedKeys(b);
  return (
    ka.length === kb.length &&
    ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

const storedKeys = (value: object) =>
  Array.isArray(value)
    ? Object.keys(value)
    : Object.keys(value).filter((k) => (value as Record<string, unknown>)[k] !== undefined);

const essence = (d: DraftDoc) => ({
  content: d.content,
  explanations: d.explanations.map(({ by: _by, at: _at, ...rest }) => rest),
});

/** The same content and the same explanations, in the same order, whoever stamped them and when. */
export function sameDraft(a: DraftDoc, b: DraftDoc): boolean {
  return sameJson(essence(a), essence(b));
}
