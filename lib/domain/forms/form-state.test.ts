import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkbox, checkedList } from "./form-fields";
import { echoValues, formDataToValues, formError } from "./form-state";

const formData = (entries: [string, string][]) => {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
};

describe("formDataToValues", () => {
  it("gives one string per name, a list for a repeated name, and drops React's $ACTION entries", () => {
    const form = formData([
      ["name", "钢城街道"],
      ["approvalChain", "SIGN"],
      ["approvalChain", "SUPERVISOR"],
      ["$ACTION_ID_abc", ""],
      ["$ACTION_REF_1", ""],
    ]);
    expect(formDataToValues(form)).toEqual({ name: "钢城街道", approvalChain: ["SIGN", "SUPERVISOR"] });
  });
});

describe("echoValues and formError", () => {
  it("never echo a password back into the page", () => {
    const values = { login: "admin", password: "x", newPassword: "y", confirmPassword: "z", confirm: "w" };
    expect(echoValues(values)).toEqual({ login: "admin" });
    expect(formError(values, "INVALID_INPUT", "m", { login: "e" })).toEqual({
      status: "error",
      code: "INVALID_INPUT",
      message: "m",
      fieldErrors: { login: "e" },
      values: { login: "admin" },
    });
  });
});

describe("schemas read what react-hook-form and a plain post send alike", () => {
  const schema = z.object({ flag: checkbox(), steps: checkedList(z.enum(["SIGN", "SUPERVISOR"])) });
  const cases: [string, Record<string, unknown>, { flag: boolean; steps: string[] }][] = [
    [
      "react-hook-form, checked",
      { flag: true, steps: ["SIGN", "SUPERVISOR"] },
      { flag: true, steps: ["SIGN", "SUPERVISOR"] },
    ],
    ["react-hook-form, unchecked", { flag: false, steps: [] }, { flag: false, steps: [] }],
    [
      "react-hook-form, a lone group box unchecked",
      { flag: false, steps: false },
      { flag: false, steps: [] },
    ],
    ["a post, checked", { flag: "on", steps: "SIGN" }, { flag: true, steps: ["SIGN"] }],
    ["a post, nothing checked", {}, { flag: false, steps: [] }],
  ];
  for (const [name, input, output] of cases) {
    it(name, () => expect(schema.parse(input)).toEqual(output));
  }

  it("refuses a value outside the group", () => {
    expect(schema.safeParse({ steps: ["BOSS"] }).success).toBe(false);
  });
});
