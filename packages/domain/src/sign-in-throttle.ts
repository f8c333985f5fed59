/**
 * Failed-sign-in throttle, per account and per address, made so that it cannot lock out an
 * office behind one address (NAT):
 * - per account: after `maxFailuresPerEmail` failures for one e-mail within the window, that
 *   e-mail (only) waits until the oldest counted failure leaves the window;
 * - per address: only failures for DISTINCT e-mails count (a colleague mistyping her own
 *   password 29 times is one), and only when `maxDistinctEmailsPerAddress` distinct e-mails failed
 *   from the address within the window is it slowed — a spray over many accounts;
 * - an account that signed in successfully from this address within `knownAddressDays` is not
 *   held by the address's throttle (its colleagues' office keeps working during a spray).
 */
export const signInThrottle = {
  windowSeconds: 15 * 60,
  maxFailuresPerEmail: 5,
  maxDistinctEmailsPerAddress: 30,
  knownAddressDays: 30,
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

/**
 * The failures an address is counted for: the latest failure of each distinct e-mail (an attempt
 * with no e-mail, "", such as a guessed invitation secret, counts each time), oldest first.
 */
export function distinctEmailFailures(failures: readonly { at: Date; email: string }[]): Date[] {
  const latest = new Map<string, Date>();
  const anonymous: Date[] = [];
  for (const failure of failures) {
    const email = failure.email.trim().toLowerCase();
    if (email === "") {
      anonymous.push(failure.at);
      continue;
    }
    const seen = latest.get(email);
    if (!seen || seen.getTime() < failure.at.getTime()) latest.set(email, failure.at);
  }
  return [...latest.values(), ...anonymous].sort((a, b) => a.getTime() - b.getTime());
}
