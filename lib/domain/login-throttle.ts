// Sign-in rate limiting policy (pure): failures are counted per account and per IP in a sliding window;
// reaching the limit locks the key for a while. The server keeps the state in the database.

export const THROTTLE = {
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  perAccount: 5,
  perIp: 20,
} as const;

export interface ThrottleState {
  failures: number;
  windowStart: Date;
  lockedUntil: Date | null;
}

export function isLocked(state: ThrottleState | null, now: Date): boolean {
  return !!state?.lockedUntil && state.lockedUntil > now;
}

/** The state after one more failure; `lockMs` is configurable by the server (short locks in e2e tests). */
export function afterFailure(
  state: ThrottleState | null,
  limit: number,
  now: Date,
  lockMs: number = THROTTLE.lockMs,
): ThrottleState {
  const fresh = !state || now.getTime() - state.windowStart.getTime() > THROTTLE.windowMs;
  const failures = fresh ? 1 : state.failures + 1;
  const windowStart = fresh ? now : state.windowStart;
  const lockedUntil = failures >= limit ? new Date(now.getTime() + lockMs) : null;
  return { failures, windowStart, lockedUntil };
}

/** Minutes left on a lock, rounded up, for the message. */
export function minutesLeft(state: ThrottleState, now: Date): number {
  return Math.max(1, Math.ceil(((state.lockedUntil?.getTime() ?? 0) - now.getTime()) / 60_000));
}

export const SIGN_IN_FAILED = "用户名或密码错误。";
export const lockedMessage = (minutes: number) => `登录失败次数过多，已暂时锁定。请 ${minutes} 分钟后再试。`;
