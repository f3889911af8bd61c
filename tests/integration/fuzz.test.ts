// Fuzzing the two places that take arbitrary input from outside (issue 10, "also deliver"): every server
// action's zod schema (after the shared text cleaning every action applies) and the text/HTML importers. Any
// input gives a clear refusal or a result — never a throw — and what a schema accepts can be stored: no NUL,
// no unpaired surrogate, JSON-serialisable. A few thousand cases in a few seconds.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importReport, ImportFormatError } from "@/lib/domain/import/import-report";
import { importHtml } from "@/lib/domain/import/html";
import { importText } from "@/lib/domain/import/text";
import { renderText } from "@/lib/domain/render/text";
import { filledReport } from "@/tests/builders/report-builders";
import { cleanDeep } from "@/lib/domain/text-clean";
import { transitionInputSchema } from "@/lib/domain/workflow/input";
import { reviewEditionSchema } from "@/lib/server/workflow/edition-review";
import {
  createOrgSchema,
  moveOrgSchema,
  orgDeadlineSchema,
  removeOrgDeadlineSchema,
  updateOrgSchema,
} from "@/lib/domain/forms/org";
import { addRemarkSchema, replyRemarkSchema, resolveRemarkSchema } from "@/lib/server/reports/remarks";
import { createReportSchema } from "@/lib/server/reports/create";
import { saveDraftSchema } from "@/lib/server/reports/drafts";
import { presenceSchema } from "@/lib/server/reports/presence";
import {
  assignRoleSchema,
  createUserSchema,
  membershipSchema,
  setUserActiveSchema,
  userIdSchema,
} from "@/lib/domain/forms/user";
import { changePasswordSchema, resetPasswordSchema } from "@/lib/domain/forms/account";

const SCHEMAS = {
  addRemarkSchema,
  assignRoleSchema,
  changePasswordSchema,
  createOrgSchema,
  createReportSchema,
  createUserSchema,
  membershipSchema,
  moveOrgSchema,
  orgDeadlineSchema,
  presenceSchema,
  removeOrgDeadlineSchema,
  replyRemarkSchema,
  resetPasswordSchema,
  resolveRemarkSchema,
  reviewEditionSchema,
  saveDraftSchema,
  setUserActiveSchema,
  transitionInputSchema,
  updateOrgSchema,
  userIdSchema,
};

/** Text with what breaks databases and parsers: NUL, lone surrogates, control characters, long runs. */
const nastyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "\u0000",
    "\uD800",
    "\uDFFF",
    "a\u0000b",
    "\uDBFF\uDBFF",
    "'; DROP TABLE x;--",
    "<script>",
    "$@0",
  ),
  fc.string({ unit: fc.constantFrom("年", "报", "\u0000", "\uD800", "\n", " ", "1"), maxLength: 30 }),
);
const KEYS = [
  "reportId",
  "orgId",
  "userId",
  "membershipId",
  "editionId",
  "name",
  "shortName",
  "slug",
  "kind",
  "username",
  "displayName",
  "email",
  "phone",
  "role",
  "password",
  "confirmPassword",
  "currentPassword",
  "newPassword",
  "remark",
  "reason",
  "changeNote",
  "action",
  "anchor",
  "body",
  "year",
  "deadline",
  "source",
  "publishAt",
  "expectedVersion",
  "content",
  "explanations",
  "token",
  "parentId",
  "remarkId",
  "isActive",
  "passwordMode",
];
/** Objects with the schemas' own keys holding nasty values, and anything at all. */
const actionInput = fc.oneof(
  fc.dictionary(
    fc.constantFrom(...KEYS),
    fc.oneof(nastyText, fc.integer(), fc.boolean(), fc.constant(null)),
    {
      maxKeys: 8,
    },
  ),
  fc.anything({ maxDepth: 3 }),
);

function storable(value: unknown): boolean {
  const json = JSON.stringify(value) ?? "";
  return !/\\u0000|\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f])|(?<!\\ud[89ab][0-9a-f]{2})\\ud[c-f][0-9a-f]{2}/i.test(
    json,
  );
}

describe("server action schemas under fuzzing", () => {
  it.each(Object.entries(SCHEMAS))(
    "%s: a clear refusal or a storable value, never a throw",
    (_name, schema) => {
      fc.assert(
        fc.property(actionInput, (input) => {
          const result = schema.safeParse(cleanDeep(input));
          if (result.success) expect(storable(result.data)).toBe(true);
          else
            expect(
              result.error.issues.every((i) => typeof i.message === "string" && i.message.length > 0),
            ).toBe(true);
        }),
        { numRuns: 150 },
      );
    },
  );

  it("saveDraftSchema: a real draft with nasty text in its fields is accepted clean or refused clearly", () => {
    fc.assert(
      fc.property(nastyText, nastyText, (title, paragraph) => {
        const content = filledReport({ year: 2024 });
        content.meta.title = title;
        const section = Object.keys(content.sections)[0] as keyof typeof content.sections;
        (content.sections[section] as { paragraphs: string[] }).paragraphs = [paragraph];
        const r = saveDraftSchema.safeParse(
          cleanDeep({ reportId: "r1", expectedVersion: 1, content, explanations: [], autosave: true }),
        );
        if (r.success) expect(storable(r.data)).toBe(true);
        else expect(r.error.issues[0]?.message).toBeTruthy();
      }),
      { numRuns: 300 },
    );
  });
});

describe("importers under fuzzing", () => {
  const seed = renderText(filledReport({ year: 2024 }));
  const mutatedSeed = fc
    .tuple(fc.nat({ max: seed.length }), fc.nat({ max: 200 }), nastyText)
    .map(([at, cut, insert]) => seed.slice(0, at) + insert + seed.slice(at + cut));

  it("importText: any text gives a result with findings", () => {
    fc.assert(
      fc.property(fc.oneof(nastyText, mutatedSeed, fc.string({ maxLength: 2000 })), (text) => {
        const result = importText(text);
        expect(Array.isArray(result.findings)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("importHtml: any markup gives a result with findings", () => {
    const tag = fc.constantFrom("p", "div", "table", "tr", "td", "th", "span", "br", "h1", "article");
    const html = fc
      .array(fc.tuple(tag, nastyText, fc.boolean()), { maxLength: 30 })
      .map((parts) =>
        parts
          .map(([t, text, close]) => `<${t} rowspan="${text.length}">${text}${close ? `</${t}>` : ""}`)
          .join(""),
      );
    fc.assert(
      fc.property(fc.oneof(html, nastyText), (markup) => {
        expect(Array.isArray(importHtml(markup).findings)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("importReport: any bytes give a result or an ImportFormatError with a message", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 300 }),
        fc.constantFrom("a.txt", "a.html", "a.doc", "a.pdf", "a.docx", undefined),
        async (bytes, fileName) => {
          try {
            const result = await importReport({ docx: bytes, fileName });
            expect(Array.isArray(result.findings)).toBe(true);
          } catch (err) {
            expect(err).toBeInstanceOf(ImportFormatError);
            expect((err as Error).message.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
