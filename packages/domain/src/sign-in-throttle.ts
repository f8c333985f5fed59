/**
 * Failed-sign-in throttle: after too many failures for one e-mail (or from one address)
 * within the window, sign-in is refused until the oldest failure leaves the window.
 */
export const signInThrottle = {
  windowSeconds: 15 * 60,
  maxFailuresPerEmail: 5,
  maxFailuresPerAddress: 30,
} as const;

/**
 * Seconds to wait before the next attempt, or 0 when one is allowed.
 * `failures` are the times of recent failures, oldest first.
 */
export function secondsUntilNextAttempt(
  failures: readonly Date[],
  limit: number,
  now: Date,
  windowSeconds: number = signInThrottle.windowSeconds,
): number {
  const windowStart = now.getTime() - windowSeconds * 1000;
  const recent = failures.filter((at) => at.getTime() > windowStart);
  if (recent.length < limit) return 0;
  // The attempt that must leave the window before another is allowed.
  const blocking = recent[recent.length - limit];
  if (!blocking) return 0;
  return Math.max(1, Math.ceil((blocking.getTime() + windowSeconds * 1000 - now.getTime()) / 1000));
}
