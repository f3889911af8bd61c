import type { Metadata } from "next";
import { SignInForm } from "@/components/sign-in-form";
import { signInAction } from "./actions";

export const metadata: Metadata = { title: "登录" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { next, signedOut } = await searchParams;
  return (
    <div className="narrow">
      <h1>登录</h1>
      {signedOut && (
        <p role="status" className="notice">
          您已安全退出。
        </p>
      )}
      <div className="panel">
        <SignInForm action={signInAction} next={next} />
      </div>
      <p className="muted">忘记密码？请联系本单位管理员签发重置链接。</p>
    </div>
  );
}
