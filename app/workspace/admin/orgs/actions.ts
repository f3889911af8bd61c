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

export const createOrgAction = defineFormAction(createOrgSchema, async (actor, input, { ip }) => {
  const org = await createOrg(actor, { ...input, ip });
  redirect(`/workspace/admin/orgs/${org.id}?created=1`);
});

export const updateOrgAction = defineFormAction(updateOrgSchema, async (actor, input, { ip }) => {
  await updateOrg(actor, { ...input, ip });
});

export const moveOrgAction = defineFormAction(moveOrgSchema, async (actor, input, { ip }) => {
  await moveOrg(actor, { ...input, ip });
});

export const setOrgDeadlineAction = defineFormAction(orgDeadlineSchema, async (actor, input, { ip }) => {
  await setOrgDeadline(actor, { ...input, ip });
});

export const removeOrgDeadlineAction = defineFormAction(
  removeOrgDeadlineSchema,
  async (actor, input, { ip }) => {
    await removeOrgDeadline(actor, { ...input, ip });
  },
);
