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
import { clientIp } from "@/lib/server/platform/request";
import { assignRole, removeRole } from "@/lib/server/users/roles";
import { createUser, issueUserReset, setUserActive } from "@/lib/server/users/writes";

/** With a password set, on to the new account's page; with a reset link, the form shows the link. */
export const createUserAction = defineFormAction(createUserSchema, async (actor, input) => {
  const created = await createUser(actor, { ...input, ip: await clientIp() });
  if (!created.resetPath) redirect(`/workspace/admin/users/${created.userId}?created=1`);
  return created;
});

export const assignRoleAction = defineFormAction(assignRoleSchema, async (actor, input) => {
  await assignRole(actor, { ...input, ip: await clientIp() });
});

export const removeRoleAction = defineFormAction(membershipSchema, async (actor, input) => {
  await removeRole(actor, { ...input, ip: await clientIp() });
});

export const setUserActiveAction = defineFormAction(setUserActiveSchema, async (actor, input) => {
  await setUserActive(actor, { ...input, ip: await clientIp() });
});

export const issueResetLinkAction = defineFormAction(userIdSchema, async (actor, input) =>
  issueUserReset(actor, { ...input, ip: await clientIp() }),
);
