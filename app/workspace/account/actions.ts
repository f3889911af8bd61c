"use server";

import { redirect } from "next/navigation";
import { changePasswordSchema, signOutEverywhereSchema } from "@/lib/domain/forms/account";
import { defineFormAction, fail } from "@/lib/server/platform/action";
import { changePassword } from "@/lib/server/auth/credentials";
import { signOutEverywhere } from "@/lib/server/auth/session-store";
import { db } from "@/lib/server/platform/db";
import { clearSessionCookie } from "@/lib/server/auth/session";

const FIELD_OF = { current: "currentPassword", next: "newPassword" } as const;

export const changePasswordAction = defineFormAction(changePasswordSchema, async (actor, input, { ip }) => {
  const result = await changePassword(
    actor,
    {
      current: input.currentPassword,
      next: input.newPassword,
      ip,
    },
    db,
  );
  if (!result.ok) fail("INVALID_INPUT", result.message, { [FIELD_OF[result.field]]: result.message });
});

export const signOutEverywhereAction = defineFormAction(
  signOutEverywhereSchema,
  async (actor, _input, { ip }) => {
    await signOutEverywhere(actor, { ip }, db);
    await clearSessionCookie();
    redirect("/login?signedOut=1");
  },
);
