import { describe, expect, it } from "vitest";
import { secondsUntilNextAttempt } from "./sign-in-throttle.ts";

const now = new Date("2026-11-25T12:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

describe("secondsUntilNextAttempt", () => {
  it("allows an attempt under the limit", () => {
    expect(secondsUntilNextAttempt([minutesAgo(3), minutesAgo(2)], 5, now)).toBe(0);
  });
  it("blocks at the limit until the oldest counted failure leaves the window", () => {
    const failures = [10, 8, 6, 4, 2].map(minutesAgo);
    expect(secondsUntilNextAttempt(failures, 5, now)).toBe(5 * 60);
  });
  it("ignores failures older than the window", () => {
    const failures = [40, 30, 20, 2, 1].map(minutesAgo);
    expect(secondsUntilNextAttempt(failures, 5, now)).toBe(0);
  });
});
