"use server";

import { defineAction } from "@/lib/server/action";
import { clientIp } from "@/lib/server/request";
import {
  assignRole,
  assignRoleSchema,
  createUser,
  createUserSchema,
  issueUserReset,
  membershipSchema,
  removeRole,
  setUserActive,
  setUserActiveSchema,
  userIdSchema,
} from "@/lib/server/users";

export const createUserAction = defineAction(createUserSchema, async (actor, input) =>
  createUser(actor, { ...input, ip: await clientIp() }),
);

export const assignRoleAction = defineAction(assignRoleSchema, async (actor, input) => {
  await assignRole(actor, { ...input, ip: await clientIp() });
});

export const removeRoleAction = defineAction(membershipSchema, async (actor, input) => {
  await removeRole(actor, { ...input, ip: await clientIp() });
});

export const setUserActiveAction = defineAction(setUserActiveSchema, async (actor, input) => {
  await setUserActive(actor, { ...input, ip: await clientIp() });
});

export const issueResetLinkAction = defineAction(userIdSchema, async (actor, input) =>
  issueUserReset(actor, { ...input, ip: await clientIp() }),
);
