// Every form validates on the client with the schema its server action validates with: the same bad input is
// refused by react-hook-form's zodResolver (what the browser shows before submitting) and by the exported server
// action itself (what a post without JavaScript, or a forged request, gets back) with the same message on the same
// field. The session is stubbed: validation happens before any database access.
import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldValues } from "react-hook-form";
import { describe, expect, it, vi } from "vitest";
import type { z } from "zod";
import {
  changePasswordAction as changePassword,
  signOutEverywhereAction,
} from "@/app/workspace/account/actions";
import {
  createOrgAction,
  moveOrgAction,
  removeOrgDeadlineAction,
  setOrgDeadlineAction,
  updateOrgAction,
} from "@/app/workspace/admin/orgs/actions";
import {
  assignRoleAction,
  createUserAction,
  issueResetLinkAction,
  removeRoleAction,
  setUserActiveAction,
} from "@/app/workspace/admin/users/actions";
import {
  addRemarkAction,
  replyRemarkAction,
  resolveRemarkAction,
  reviewEditionAction,
  transitionAction,
} from "@/app/workspace/reports/[id]/review/actions";
import { resetPasswordAction } from "@/app/reset/actions";
import { signInAction } from "@/app/login/actions";
import { changePasswordSchema, resetPasswordSchema, signInSchema } from "@/lib/domain/forms/account";
import { IDLE, type FormAction } from "@/lib/domain/forms/form-state";
import {
  createOrgSchema,
  moveOrgSchema,
  orgDeadlineSchema,
  removeOrgDeadlineSchema,
  updateOrgSchema,
} from "@/lib/domain/forms/org";
import {
  addRemarkSchema,
  replyRemarkSchema,
  resolveRemarkSchema,
  reviewEditionSchema,
} from "@/lib/domain/forms/remark";
import {
  assignRoleSchema,
  createUserSchema,
  membershipSchema,
  setUserActiveSchema,
  userIdSchema,
} from "@/lib/domain/forms/user";
import { transitionFormSchema } from "@/lib/domain/workflow/input";

// Actions read the client's address for the audit log; here there is no request, so it is a fixed one.
vi.mock("@/lib/server/platform/request", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/server/platform/request")>()),
  clientIp: async () => "127.0.0.1",
  userAgent: async () => "vitest",
}));

// A refused sign-in is audited and counted (tests/integration/auth-throttle.test.ts); this file has no database.
vi.mock("@/lib/server/auth/sign-in", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/server/auth/sign-in")>()),
  recordRejectedSignIn: async () => {},
}));

vi.mock("@/lib/server/auth/session", () => ({
  getActor: async () => ({
    userId: "u1",
    username: "admin",
    displayName: "管理员",
    isActive: true,
    sessionId: "s1",
    memberships: [{ orgId: "o1", role: "ADMIN" }],
  }),
}));

type Values = Record<string, string | boolean | string[]>;

/** What the browser shows: zodResolver's first message per field. */
async function clientErrors(schema: z.ZodType<unknown, FieldValues>, values: Values) {
  const result = await zodResolver(schema)(values, undefined, {
    fields: {},
    shouldUseNativeValidation: false,
  });
  return Object.fromEntries(Object.entries(result.errors).map(([name, error]) => [name, error?.message]));
}

/** What the browser posts: a checkbox is "on" or absent, a group repeats its name. */
function formDataOf(values: Values): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(values)) {
    if (value === true) form.append(name, "on");
    else if (Array.isArray(value)) value.forEach((v) => form.append(name, v));
    else if (typeof value === "string") form.append(name, value);
  }
  return form;
}

async function serverErrors(action: FormAction, values: Values) {
  const state = await action(IDLE, formDataOf(values));
  expect(state.status).toBe("error");
  return state.status === "error" ? state.fieldErrors : {};
}

const org = {
  kind: "SUBDISTRICT",
  name: "某街道办事处",
  shortName: "某街道",
  slug: "moujie",
  hasRuleMakingPower: false,
  deadlineMonth: "1",
  deadlineDay: "31",
  approvalChain: ["SIGN"],
  contactOffice: "",
  contactAddress: "",
  contactPhone: "",
  contactPostcode: "",
  portalUrl: "",
};
const correction = { action: "publish", reportId: "r1", expectedVersion: "3", changeNote: "" };

interface Case {
  form: string;
  schema: z.ZodType<unknown, FieldValues>;
  action: FormAction;
  bad: Values;
  /** The fields the bad input must be refused on. */
  fields: string[];
  /** Checked by the server after parsing (a fact from the database); see the workflow rule test below. */
  serverLater?: boolean;
}

const CASES: Case[] = [
  {
    form: "sign-in",
    schema: signInSchema,
    action: signInAction,
    bad: { login: " ", password: "" },
    fields: ["login", "password"],
  },
  {
    form: "password change",
    schema: changePasswordSchema,
    action: changePassword,
    bad: { currentPassword: "", newPassword: "short", confirmPassword: "other" },
    fields: ["currentPassword", "newPassword", "confirmPassword"],
  },
  {
    form: "password change (confirmation)",
    schema: changePasswordSchema,
    action: changePassword,
    bad: { currentPassword: "old password", newPassword: "a long new password", confirmPassword: "other" },
    fields: ["confirmPassword"],
  },
  {
    form: "password reset",
    schema: resetPasswordSchema,
    action: resetPasswordAction,
    bad: { token: "t", password: "123", confirm: "" },
    fields: ["password", "confirm"],
  },
  {
    form: "new organisation",
    schema: createOrgSchema,
    action: createOrgAction,
    bad: {
      ...org,
      parentId: "",
      name: "某",
      slug: "Mou Jie!",
      deadlineMonth: "2",
      deadlineDay: "30",
      contactPostcode: "12",
      portalUrl: "ftp://x",
    },
    fields: ["parentId", "name", "slug", "deadlineDay", "contactPostcode", "portalUrl"],
  },
  {
    form: "organisation",
    schema: updateOrgSchema,
    action: updateOrgAction,
    bad: { ...org, orgId: "o2", shortName: " ", contactPhone: "电话" },
    fields: ["shortName", "contactPhone"],
  },
  {
    form: "move organisation",
    schema: moveOrgSchema,
    action: moveOrgAction,
    bad: { orgId: "o2", newParentId: "" },
    fields: ["newParentId"],
  },
  {
    form: "deadline of a year",
    schema: orgDeadlineSchema,
    action: setOrgDeadlineAction,
    bad: { orgId: "o2", year: "1999", deadline: "2025-02-30" },
    fields: ["year", "deadline"],
  },
  {
    form: "remove a deadline",
    schema: removeOrgDeadlineSchema,
    action: removeOrgDeadlineAction,
    bad: { orgId: "", year: "x" },
    fields: ["orgId", "year"],
  },
  {
    form: "new user",
    schema: createUserSchema,
    action: createUserAction,
    bad: {
      username: "9zhang",
      displayName: "",
      phone: "123",
      email: "not-mail",
      orgId: "",
      role: "BOSS",
      passwordMode: "password",
      password: "short",
    },
    fields: ["username", "displayName", "phone", "email", "orgId", "role"],
  },
  {
    form: "new user (initial password)",
    schema: createUserSchema,
    action: createUserAction,
    bad: {
      username: "zhang.wei",
      displayName: "张伟",
      phone: "",
      email: "",
      orgId: "o1",
      role: "EDITOR",
      passwordMode: "password",
      password: "short",
    },
    fields: ["password"],
  },
  {
    form: "role assignment",
    schema: assignRoleSchema,
    action: assignRoleAction,
    bad: { userId: "u2", orgId: "", role: "" },
    fields: ["orgId", "role"],
  },
  {
    form: "remove a role",
    schema: membershipSchema,
    action: removeRoleAction,
    bad: { membershipId: "" },
    fields: ["membershipId"],
  },
  {
    form: "(de)activate",
    schema: setUserActiveSchema,
    action: setUserActiveAction,
    bad: { userId: "u2", isActive: "maybe" },
    fields: ["isActive"],
  },
  {
    form: "reset link",
    schema: userIdSchema,
    action: issueResetLinkAction,
    bad: { userId: "" },
    fields: ["userId"],
  },
  {
    form: "new remark",
    schema: addRemarkSchema,
    action: addRemarkAction,
    bad: { reportId: "r1", anchor: "x".repeat(121), body: "   " },
    fields: ["anchor", "body"],
  },
  {
    form: "reply",
    schema: replyRemarkSchema,
    action: replyRemarkAction,
    bad: { remarkId: "m1", body: "长".repeat(2001) },
    fields: ["body"],
  },
  {
    form: "resolve",
    schema: resolveRemarkSchema,
    action: resolveRemarkAction,
    bad: { remarkId: "" },
    fields: ["remarkId"],
  },
  {
    form: "supplementary review",
    schema: reviewEditionSchema,
    action: reviewEditionAction,
    bad: { editionId: "" },
    fields: ["editionId"],
  },
  {
    form: "return with reason",
    schema: transitionFormSchema("return", false),
    action: transitionAction,
    bad: { action: "return", reportId: "r1", expectedVersion: "3", remark: "  " },
    fields: ["remark"],
  },
  {
    form: "approve (remark too long)",
    schema: transitionFormSchema("approve", false),
    action: transitionAction,
    bad: { action: "approve", reportId: "r1", expectedVersion: "3", remark: "意".repeat(2001) },
    fields: ["remark"],
  },
  {
    form: "schedule",
    schema: transitionFormSchema("schedule", false),
    action: transitionAction,
    bad: { action: "schedule", reportId: "r1", expectedVersion: "3", publishAt: "", changeNote: "" },
    fields: ["publishAt"],
  },
  {
    form: "force-publish",
    schema: transitionFormSchema("forcePublish", false),
    action: transitionAction,
    bad: { action: "forcePublish", reportId: "r1", expectedVersion: "3", reason: "" },
    fields: ["reason"],
  },
  {
    form: "withdrawal notice",
    schema: transitionFormSchema("withdrawPublication", false),
    action: transitionAction,
    bad: { action: "withdrawPublication", reportId: "r1", expectedVersion: "3", reason: " " },
    fields: ["reason"],
  },
];

describe("the client and the server refuse the same input with the same message on the same field", () => {
  for (const c of CASES) {
    it(`${c.form}`, async () => {
      const client = await clientErrors(c.schema, c.bad);
      const server = await serverErrors(c.action, c.bad);
      expect(Object.keys(client).sort()).toEqual([...c.fields].sort());
      expect(server).toEqual(client);
    });
  }

  it("「退出全部设备」 has nothing to refuse", async () => {
    expect(
      await clientErrors(transitionFormSchema("submit", false), { action: "submit", reportId: "r1" }),
    ).toEqual({});
    expect(signOutEverywhereAction).toBeTypeOf("function");
  });
});

describe("what the server echoes back for a page rendered without JavaScript", () => {
  it("keeps the input, never the passwords", async () => {
    const state = await changePassword(
      IDLE,
      formDataOf({ currentPassword: "", newPassword: "x", confirmPassword: "y" }),
    );
    expect(state.status === "error" && state.values).toEqual({});
    const signIn = await signInAction(IDLE, formDataOf({ login: "gangcheng-editor", password: "" }));
    expect(signIn.status === "error" && signIn.values).toEqual({ login: "gangcheng-editor" });
  });
});

it("a correction's 更正说明 is refused by the form and by the workflow rule with the same message", async () => {
  const { decideTransition } = await import("@/lib/domain/workflow/workflow");
  const client = await clientErrors(transitionFormSchema("publish", true), correction);
  const decision = decideTransition({
    report: {
      status: "APPROVED",
      reviewStep: 0,
      chain: ["REVIEW"],
      submittedById: "editor",
      lastEditedById: "editor",
      hasEditions: true,
      reviewActionsSinceSubmit: 1,
    },
    action: "publish",
    actorUserId: "publisher",
    actorRoles: ["REVIEWER", "SUPERVISOR"],
    input: { changeNote: "", now: new Date("2026-01-10"), deadline: new Date("2026-01-31T16:00:00Z") },
  });
  expect(decision.ok).toBe(false);
  expect(decision.ok ? {} : { [decision.field!]: decision.message }).toEqual(client);
});
