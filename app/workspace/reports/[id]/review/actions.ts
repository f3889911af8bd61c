"use server";

import {
  addRemarkSchema,
  replyRemarkSchema,
  resolveRemarkSchema,
  reviewEditionSchema,
} from "@/lib/domain/forms/remark";
import { transitionInputSchema } from "@/lib/domain/workflow/input";
import { defineFormAction } from "@/lib/server/platform/action";
import { reviewUnreviewedEdition } from "@/lib/server/workflow/edition-review";
import { addRemark, replyToRemark, resolveRemark } from "@/lib/server/reports/remarks";
import { transitionReport } from "@/lib/server/workflow/workflow";

// The workflow's server actions, shared by the review screen and the editor's workflow bar.

export const transitionAction = defineFormAction(
  transitionInputSchema,
  async (actor, { action, ...command }, { ip }) => transitionReport(actor, action, { ...command, ip }),
);

export const addRemarkAction = defineFormAction(addRemarkSchema, async (actor, input, { ip }) => {
  await addRemark(actor, { ...input, ip });
});

export const replyRemarkAction = defineFormAction(replyRemarkSchema, async (actor, input, { ip }) => {
  await replyToRemark(actor, { ...input, ip });
});

export const resolveRemarkAction = defineFormAction(resolveRemarkSchema, async (actor, input, { ip }) => {
  await resolveRemark(actor, { ...input, ip });
});

export const reviewEditionAction = defineFormAction(reviewEditionSchema, async (actor, input, { ip }) => {
  await reviewUnreviewedEdition(actor, { ...input, ip });
});
