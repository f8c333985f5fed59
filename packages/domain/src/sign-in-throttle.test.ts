import { describe, expect, it } from "vitest";
import { distinctEmailFailures, secondsUntilNextAttempt } from "./sign-in-throttle.ts";

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

describe("distinctEmailFailures", () => {
  it("counts one e-mail failing many times once, at its latest failure", () => {
    const failures = [10, 9, 8, 7].map((m) => ({ at: minutesAgo(m), email: "a@example.org" }));
    expect(distinctEmailFailures(failures)).toEqual([minutesAgo(7)]);
  });
  it("counts distinct e-mails (case-insensitively) and every failure without an e-mail", () => {
    const failures = [
      { at: minutesAgo(6), email: "a@example.org" },
      { at: minutesAgo(5), email: "A@example.org" },
      { at: minutesAgo(4), email: "b@example.org" },
      { at: minutesAgo(3), email: "" },
      { at: minutesAgo(2), email: "" },
    ];
    expect(distinctEmailFailures(failures)).toEqual([5, 4, 3, 2].map(minutesAgo));
  });
  it("slows an address once as many distinct e-mails as the limit failed from it", () => {
    const spray = Array.from({ length: 30 }, (_, i) => ({ at: minutesAgo(10), email: `u${i}@example.org` }));
    const office = Array.from({ length: 29 }, () => ({ at: minutesAgo(10), email: "same@example.org" }));
    expect(secondsUntilNextAttempt(distinctEmailFailures(office), 30, now)).toBe(0);
    expect(secondsUntilNextAttempt(distinctEmailFailures(spray), 30, now)).toBe(5 * 60);
  });
});
