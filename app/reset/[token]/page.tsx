import type { Metadata } from "next";
import { ResetPasswordForm } from "@/components/admin/reset-password-form";
import { isResetTokenUsable } from "@/lib/server/users/reads";
import { resetPasswordAction } from "../actions";

export const metadata: Metadata = { title: "设置新密码", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

export default async function ResetPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const usable = await isResetTokenUsable(token);
  return (
    <div className="narrow">
      <h1>设置新密码</h1>
      <div className="panel">
        {usable ? (
          <ResetPasswordForm action={resetPasswordAction} token={token} />
        ) : (
          <p role="alert" className="form__alert">
            重置链接无效或已过期，请联系本单位管理员重新签发。
          </p>
        )}
      </div>
    </div>
  );
}
