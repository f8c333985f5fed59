import type { urgencies } from "./vocabularies.ts";

/**
 * The referral lifecycle (DESIGN.md §2): SENT → ACCEPTED | DECLINED → IN_PROGRESS →
 * COMPLETED | CLOSED_NO_CONTACT; the sender may withdraw before acceptance. Each transition
 * belongs to one side: the sender or the receiver.
 */
export const referralStatuses = [
  "SENT",
  "WITHDRAWN",
  "ACCEPTED",
  "DECLINED",
  "IN_PROGRESS",
  "COMPLETED",
  "CLOSED_NO_CONTACT",
] as const;
export type ReferralStatusName = (typeof referralStatuses)[number];
export type ReferralSide = "SENDER" | "RECEIVER";

interface Transition {
  to: ReferralStatusName;
  by: ReferralSide;
}

export const referralTransitions: Record<ReferralStatusName, readonly Transition[]> = {
  SENT: [
    { to: "ACCEPTED", by: "RECEIVER" },
    { to: "DECLINED", by: "RECEIVER" },
    { to: "WITHDRAWN", by: "SENDER" },
  ],
  ACCEPTED: [
    { to: "IN_PROGRESS", by: "RECEIVER" },
    { to: "COMPLETED", by: "RECEIVER" },
    { to: "CLOSED_NO_CONTACT", by: "RECEIVER" },
  ],
  IN_PROGRESS: [
    { to: "COMPLETED", by: "RECEIVER" },
    { to: "CLOSED_NO_CONTACT", by: "RECEIVER" },
  ],
  DECLINED: [],
  WITHDRAWN: [],
  COMPLETED: [],
  CLOSED_NO_CONTACT: [],
};

export function mayTransitionReferral(
  from: ReferralStatusName,
  to: ReferralStatusName,
  side: ReferralSide,
): boolean {
  return referralTransitions[from].some((transition) => transition.to === to && transition.by === side);
}

/** Closing asks what happened (the closed loop): these transitions need an outcome. */
export function transitionNeedsOutcome(to: ReferralStatusName): boolean {
  return to === "COMPLETED" || to === "CLOSED_NO_CONTACT";
}

export function transitionNeedsMessage(to: ReferralStatusName): boolean {
  return to === "DECLINED";
}

export const openReferralStatuses: readonly ReferralStatusName[] = ["SENT", "ACCEPTED", "IN_PROGRESS"];
export const closedReferralStatuses: readonly ReferralStatusName[] = [
  "WITHDRAWN",
  "DECLINED",
  "COMPLETED",
  "CLOSED_NO_CONTACT",
];

export type UrgencyName = (typeof urgencies)[number];

/** Days without an answer after which a sent referral is overdue, by urgency (configurable). */
export const defaultAnswerDays: Record<UrgencyName, number> = { URGENT: 1, SOON: 3, ROUTINE: 7 };

/** A referral still waiting for the receiver's answer past its urgency's delay. */
export function referralIsOverdue(
  referral: { status: ReferralStatusName; urgency: UrgencyName; createdAt: Date },
  now: Date,
  answerDays: Record<UrgencyName, number> = defaultAnswerDays,
): boolean {
  if (referral.status !== "SENT") return false;
  return now.getTime() - referral.createdAt.getTime() > answerDays[referral.urgency] * 86_400_000;
}
