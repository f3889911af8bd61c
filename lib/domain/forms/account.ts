// The sign-in, password change and password reset forms: one schema each, validated by the form (zodResolver)
// and by the server action alike.
import { z } from "zod";

export const MIN_PASSWORD_LENGTH = 10;
/** The login column is VARCHAR(60) (User.username / login throttle key): longer input is refused, not truncated. */
export const LOGIN_MAX = 60;

export const signInSchema = z.object({
  login: z.string().trim().min(1, "请输入用户名、手机号或邮箱").max(LOGIN_MAX, `最多 ${LOGIN_MAX} 个字符`),
  password: z.string().min(1, "请输入密码").max(200, "密码不能超过 200 个字符"),
  next: z.string().max(500).optional(),
});
export type SignIn = z.output<typeof signInSchema>;

const newPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `新密码至少 ${MIN_PASSWORD_LENGTH} 个字符`)
  .max(200, "密码不能超过 200 个字符");
const matches = (a: string, b: string) => (v: Record<string, unknown>) => v[a] === v[b];

/** The account page's form; the current password is checked by changePassword in lib/server/auth/credentials.ts. */
export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "请输入当前密码").max(200, "密码不能超过 200 个字符"),
    newPassword,
    confirmPassword: z.string(),
  })
  .refine(matches("newPassword", "confirmPassword"), {
    path: ["confirmPassword"],
    message: "两次输入的新密码不一致",
  });

/** The /reset/[token] page's form. */
export const resetPasswordSchema = z
  .object({ token: z.string().min(1).max(200), password: newPassword, confirm: z.string() })
  .refine(matches("password", "confirm"), { path: ["confirm"], message: "两次输入的新密码不一致" });

/** 「退出全部设备」 asks for nothing but the button. */
export const signOutEverywhereSchema = z.object({});
