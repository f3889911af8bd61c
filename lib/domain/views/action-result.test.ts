import { describe, expect, expectTypeOf, it } from "vitest";
import type { FormState } from "../forms/form-state";
import { ACTION_CODES, type ActionCode, type ActionResult } from "./action-result";

describe("ActionResult", () => {
  it("closes the failure codes to the five of docs/style.md rule 5", () => {
    expect(ACTION_CODES).toEqual(["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "INVALID_INPUT"]);
  });

  it("narrows to the data on ok and to a closed code with a message otherwise", () => {
    const result = { ok: false, code: "CONFLICT", message: "m" } as ActionResult<{ version: number }>;
    if (result.ok) expectTypeOf(result.data).toEqualTypeOf<{ version: number }>();
    else {
      expectTypeOf(result.code).toEqualTypeOf<ActionCode>();
      expectTypeOf(result.fieldErrors).toEqualTypeOf<Record<string, string> | undefined>();
    }
    expect(result.ok).toBe(false);
  });

  it("gives a form's error state the same closed codes", () => {
    expectTypeOf<Extract<FormState, { status: "error" }>["code"]>().toEqualTypeOf<ActionCode>();
  });
});
