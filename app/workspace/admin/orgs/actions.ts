"use server";

import { redirect } from "next/navigation";
import { defineAction } from "@/lib/server/action";
import {
  createOrg,
  createOrgSchema,
  moveOrg,
  moveOrgSchema,
  orgDeadlineSchema,
  removeOrgDeadline,
  removeOrgDeadlineSchema,
  setOrgDeadline,
  updateOrg,
  updateOrgSchema,
} from "@/lib/server/orgs";
import { clientIp } from "@/lib/server/request";

export const createOrgAction = defineAction(createOrgSchema, async (actor, input) => {
  const org = await createOrg(actor, { ...input, ip: await clientIp() });
  redirect(`/workspace/admin/orgs/${org.id}?created=1`);
});

export const updateOrgAction = defineAction(updateOrgSchema, async (actor, input) => {
  await updateOrg(actor, { ...input, ip: await clientIp() });
});

export const moveOrgAction = defineAction(moveOrgSchema, async (actor, input) => {
  await moveOrg(actor, { ...input, ip: await clientIp() });
});

export const setOrgDeadlineAction = defineAction(orgDeadlineSchema, async (actor, input) => {
  await setOrgDeadline(actor, { ...input, ip: await clientIp() });
});

export const removeOrgDeadlineAction = defineAction(removeOrgDeadlineSchema, async (actor, input) => {
  await removeOrgDeadline(actor, { ...input, ip: await clientIp() });
});
