// Text that PostgreSQL cannot store: NUL (22021 in text columns, 22P05 in jsonb) and unpaired UTF-16 surrogates
// (JSON.stringify writes them as "\ud800", which jsonb refuses). Every server action's input is passed through
// cleanDeep before its zod schema (lib/server/platform/action.ts, the sign-in and reset actions), and importers' results
// before they are stored, so such characters are dropped instead of failing the write with a 500.

const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function cleanText(text: string): string {
  return text.replace(UNSTORABLE, "");
}

const isPlainObject = (v: object): v is Record<string, unknown> => {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/** Strings cleaned; arrays, plain objects and FormData walked; everything else (numbers, Dates, Files) as is. */
export function cleanDeep<T>(value: T): T {
  if (typeof value === "string") return cleanText(value) as T;
  if (Array.isArray(value)) return value.map((v) => cleanDeep(v)) as T;
  if (value && typeof value === "object" && isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [cleanText(k), cleanDeep(v)])) as T;
  }
  return value;
}
