// Sign-in rate limiting policy (pure): failures are counted per account and per IP in a window; reaching the
// limit locks the key for a while. The server keeps the state in the database and updates it atomically
// (lib/server/auth/throttle.ts): an attempt reserves its slot before the password is verified.

export const THROTTLE = {
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  perAccount: 5,
  perIp: 20,
  /** Wrong current passwords on the account page, per account. */
  perPasswordChange: 5,
} as const;

export interface ThrottleState {
  failures: number;
  windowStart: Date;
  lockedUntil: Date | null;
}

/** Minutes left on a lock, rounded up, for the message. */
export function minutesLeft(state: ThrottleState, now: Date): number {
  return Math.max(1, Math.ceil(((state.lockedUntil?.getTime() ?? 0) - now.getTime()) / 60_000));
}

export const SIGN_IN_FAILED = "用户名或密码错误。";
export const passwordChangeLockedMessage = (minutes: number) =>
  `当前密码错误次数过多，已暂时锁定。请 ${minutes} 分钟后再试。`;
export const lockedMessage = (minutes: number) => `登录失败次数过多，已暂时锁定。请 ${minutes} 分钟后再试。`;
