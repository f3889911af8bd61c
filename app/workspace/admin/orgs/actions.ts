"use server";

import { redirect } from "next/navigation";
import {
  createOrgSchema,
  moveOrgSchema,
  orgDeadlineSchema,
  removeOrgDeadlineSchema,
  updateOrgSchema,
} from "@/lib/domain/forms/org";
import { defineFormAction } from "@/lib/server/platform/action";
import { createOrg, moveOrg, updateOrg } from "@/lib/server/orgs/writes";
import { removeOrgDeadline, setOrgDeadline } from "@/lib/server/orgs/deadlines";
import { clientIp } from "@/lib/server/platform/request";

export const createOrgAction = defineFormAction(createOrgSchema, async (actor, input) => {
  const org = await createOrg(actor, { ...input, ip: await clientIp() });
  redirect(`/workspace/admin/orgs/${org.id}?created=1`);
});

export const updateOrgAction = defineFormAction(updateOrgSchema, async (actor, input) => {
  await updateOrg(actor, { ...input, ip: await clientIp() });
});

export const moveOrgAction = defineFormAction(moveOrgSchema, async (actor, input) => {
  await moveOrg(actor, { ...input, ip: await clientIp() });
});

export const setOrgDeadlineAction = defineFormAction(orgDeadlineSchema, async (actor, input) => {
  await setOrgDeadline(actor, { ...input, ip: await clientIp() });
});

export const removeOrgDeadlineAction = defineFormAction(removeOrgDeadlineSchema, async (actor, input) => {
  await removeOrgDeadline(actor, { ...input, ip: await clientIp() });
});
