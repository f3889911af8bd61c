// The administrators' user forms: create an account, assign or remove a role, (de)activate, issue a reset link.
import { z } from "zod";
import { ROLES } from "../orgs/permissions";
import { MIN_PASSWORD_LENGTH } from "./account";

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "用户名至少 3 个字符")
  .max(60, "用户名不能超过 60 个字符")
  .regex(/^[a-z][a-z0-9._-]*$/, "以字母开头，只能使用小写字母、数字、点、下划线和连字符");

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), schema.nullable().default(null));

export const createUserSchema = z
  .object({
    username: usernameSchema,
    displayName: z.string().trim().min(1, "请填写姓名").max(60, "姓名不能超过 60 个字符"),
    phone: optional(
      z
        .string()
        .trim()
        .regex(/^1\d{10}$/, "请填写 11 位手机号"),
    ),
    email: optional(z.string().trim().toLowerCase().pipe(z.email("邮箱格式不正确").max(200))),
    orgId: z.string().min(1, "请选择机构"),
    role: z.enum(ROLES, { error: "请选择角色" }),
    passwordMode: z.enum(["password", "resetLink"]).default("password"),
    password: z.string().max(200).default(""),
  })
  .superRefine((input, ctx) => {
    if (input.passwordMode === "password" && input.password.length < MIN_PASSWORD_LENGTH) {
      ctx.addIssue({
        code: "custom",
        path: ["password"],
        message: `初始密码至少 ${MIN_PASSWORD_LENGTH} 个字符`,
      });
    }
  });
export const assignRoleSchema = z.object({
  userId: z.string().min(1),
  orgId: z.string().min(1, "请选择机构"),
  role: z.enum(ROLES, { error: "请选择角色" }),
});
export const membershipSchema = z.object({ membershipId: z.string().min(1) });
export const userIdSchema = z.object({ userId: z.string().min(1) });
export const setUserActiveSchema = userIdSchema.extend({
  isActive: z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean()),
});
