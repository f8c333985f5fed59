import { describe, expect, it } from "vitest";
import {
  mayTransitionReferral,
  referralIsOverdue,
  referralStatuses,
  referralTransitions,
} from "./referrals.ts";

describe("referral transitions", () => {
  it("allows exactly the lifecycle's transitions, each to one side", () => {
    const legal = referralStatuses.flatMap((from) =>
      referralTransitions[from].map((t) => `${from}→${t.to} by ${t.by}`),
    );
    expect(legal).toEqual([
      "SENT→ACCEPTED by RECEIVER",
      "SENT→DECLINED by RECEIVER",
      "SENT→WITHDRAWN by SENDER",
      "ACCEPTED→IN_PROGRESS by RECEIVER",
      "ACCEPTED→COMPLETED by RECEIVER",
      "ACCEPTED→CLOSED_NO_CONTACT by RECEIVER",
      "IN_PROGRESS→COMPLETED by RECEIVER",
      "IN_PROGRESS→CLOSED_NO_CONTACT by RECEIVER",
    ]);
  });
  it("refuses every other pair, and the right transition from the wrong side", () => {
    let refused = 0;
    for (const from of referralStatuses) {
      for (const to of referralStatuses) {
        for (const side of ["SENDER", "RECEIVER"] as const) {
          const allowed = referralTransitions[from].some((t) => t.to === to && t.by === side);
          expect(mayTransitionReferral(from, to, side)).toBe(allowed);
          if (!allowed) refused += 1;
        }
      }
    }
    expect(refused).toBe(7 * 7 * 2 - 8);
    expect(mayTransitionReferral("SENT", "ACCEPTED", "SENDER")).toBe(false);
    expect(mayTransitionReferral("ACCEPTED", "WITHDRAWN", "SENDER")).toBe(false);
  });
});

describe("referralIsOverdue", () => {
  const now = new Date("2026-11-25T12:00:00Z");
  const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
  it("counts days without an answer by urgency", () => {
    expect(referralIsOverdue({ status: "SENT", urgency: "URGENT", createdAt: daysAgo(2) }, now)).toBe(true);
    expect(referralIsOverdue({ status: "SENT", urgency: "ROUTINE", createdAt: daysAgo(2) }, now)).toBe(false);
    expect(referralIsOverdue({ status: "ACCEPTED", urgency: "URGENT", createdAt: daysAgo(20) }, now)).toBe(
      false,
    );
    expect(
      referralIsOverdue({ status: "SENT", urgency: "ROUTINE", createdAt: daysAgo(2) }, now, {
        URGENT: 1,
        SOON: 1,
        ROUTINE: 1,
      }),
    ).toBe(true);
  });
});
