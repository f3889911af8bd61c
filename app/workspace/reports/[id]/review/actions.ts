"use server";

import { transitionInputSchema } from "@/lib/domain/workflow-input";
import { defineAction } from "@/lib/server/action";
import { reviewEditionSchema, reviewUnreviewedEdition } from "@/lib/server/edition-review";
import {
  addRemark,
  addRemarkSchema,
  replyRemarkSchema,
  replyToRemark,
  resolveRemark,
  resolveRemarkSchema,
} from "@/lib/server/remarks";
import { clientIp } from "@/lib/server/request";
import { transitionReport } from "@/lib/server/workflow";

// The workflow's server actions, shared by the review screen and the editor's workflow bar.

export const transitionAction = defineAction(transitionInputSchema, async (actor, { action, ...command }) =>
  transitionReport(actor, action, { ...command, ip: await clientIp() }),
);

export const addRemarkAction = defineAction(addRemarkSchema, async (actor, input) => {
  await addRemark(actor, { ...input, ip: await clientIp() });
});

export const replyRemarkAction = defineAction(replyRemarkSchema, async (actor, input) => {
  await replyToRemark(actor, { ...input, ip: await clientIp() });
});

export const resolveRemarkAction = defineAction(resolveRemarkSchema, async (actor, input) => {
  await resolveRemark(actor, { ...input, ip: await clientIp() });
});

export const reviewEditionAction = defineAction(reviewEditionSchema, async (actor, input) => {
  await reviewUnreviewedEdition(actor, { ...input, ip: await clientIp() });
});
