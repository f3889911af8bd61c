"use server";

import { redirect } from "next/navigation";
import {
  assignRoleSchema,
  createUserSchema,
  membershipSchema,
  setUserActiveSchema,
  userIdSchema,
} from "@/lib/domain/forms/user";
import { defineFormAction } from "@/lib/server/platform/action";
import { assignRole, removeRole } from "@/lib/server/users/roles";
import { createUser, issueUserReset, setUserActive } from "@/lib/server/users/writes";

/** With a password set, on to the new account's page; with a reset link, the form shows the link. */
export const createUserAction = defineFormAction(createUserSchema, async (actor, input, { ip }) => {
  const created = await createUser(actor, { ...input, ip });
  if (!created.resetPath) redirect(`/workspace/admin/users/${created.userId}?created=1`);
  return created;
});

export const assignRoleAction = defineFormAction(assignRoleSchema, async (actor, input, { ip }) => {
  await assignRole(actor, { ...input, ip });
});

export const removeRoleAction = defineFormAction(membershipSchema, async (actor, input, { ip }) => {
  await removeRole(actor, { ...input, ip });
});

export const setUserActiveAction = defineFormAction(setUserActiveSchema, async (actor, input, { ip }) => {
  await setUserActive(actor, { ...input, ip });
});

export const issueResetLinkAction = defineFormAction(userIdSchema, async (actor, input, { ip }) =>
  issueUserReset(actor, { ...input, ip }),
);
