"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction, fail } from "@/lib/server/action";
import { changePassword, signOutEverywhere } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { clientIp } from "@/lib/server/request";
import { clearSessionCookie } from "@/lib/server/session";
import { changePasswordSchema } from "@/lib/server/users";

const FIELD_OF = { current: "currentPassword", next: "newPassword" } as const;

export const changePasswordAction = defineAction(changePasswordSchema, async (actor, input) => {
  const ip = await clientIp();
  const result = await changePassword(db, actor, {
    current: input.currentPassword,
    next: input.newPassword,
    ip,
  });
  if (!result.ok) fail("INVALID_INPUT", result.message, { [FIELD_OF[result.field]]: result.message });
});

export const signOutEverywhereAction = defineAction(z.object({}), async (actor) => {
  await signOutEverywhere(db, actor, await clientIp());
  await clearSessionCookie();
  redirect("/login?signedOut=1");
});
