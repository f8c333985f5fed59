import type { nurseVisitStatuses } from "./vocabularies.ts";

/**
 * The joint-visit booking conversation: a worker proposes, the nurse accepts, declines or
 * proposes another time; either may propose another time or cancel while it is in play; only
 * the side that did not make the current proposal may accept or decline it.
 */
export type VisitStatusName = (typeof nurseVisitStatuses)[number];
export const visitResponses = ["ACCEPT", "DECLINE", "PROPOSE_OTHER_TIME", "CANCEL"] as const;
export type VisitResponse = (typeof visitResponses)[number];

const inPlay: readonly VisitStatusName[] = ["PROPOSED", "COUNTER_PROPOSED", "ACCEPTED"];

/**
 * The status a response leads to, or null when it is not allowed to this participant now.
 *
 * A visit the worker recorded after it happened (AWAITING_CONFIRMATION, submitPastNurseVisit) is
 * the nurse's to confirm — with her acts, by completeNurseVisit, not an answer here — or to
 * decline; the worker who recorded it may withdraw it (CANCEL). It took place: no other time.
 */
export function visitResponseOutcome(
  status: VisitStatusName,
  response: VisitResponse,
  byProposer: boolean,
): VisitStatusName | null {
  if (status === "AWAITING_CONFIRMATION") {
    if (response === "DECLINE") return byProposer ? null : "DECLINED";
    if (response === "CANCEL") return byProposer ? "CANCELLED" : null;
    return null;
  }
  switch (response) {
    case "ACCEPT":
      return (status === "PROPOSED" || status === "COUNTER_PROPOSED") && !byProposer ? "ACCEPTED" : null;
    case "DECLINE":
      return (status === "PROPOSED" || status === "COUNTER_PROPOSED") && !byProposer ? "DECLINED" : null;
    case "PROPOSE_OTHER_TIME":
      return inPlay.includes(status) ? "COUNTER_PROPOSED" : null;
    case "CANCEL":
      return inPlay.includes(status) ? "CANCELLED" : null;
  }
}

/** The statuses a nurse completes a visit from: accepted (booked), or recorded by the worker. */
export const completableVisitStatuses = [
  "ACCEPTED",
  "AWAITING_CONFIRMATION",
] as const satisfies readonly VisitStatusName[];

/**
 * The visits that hold their two people's time (app.commitments, the double-booking check): those
 * in play, the ones awaiting the nurse's confirmation and the completed ones — a nurse or a worker
 * is never on two visits at once, booked or recorded after it happened.
 */
export const visitStatusesHoldingTime = [
  "PROPOSED",
  "COUNTER_PROPOSED",
  "ACCEPTED",
  "AWAITING_CONFIRMATION",
  "COMPLETED",
] as const satisfies readonly VisitStatusName[];

export const visitLimits = {
  maxDurationMinutes: 8 * 60,
  minDurationMinutes: 15,
  maxDaysAhead: 366,
  maxActCount: 50,
} as const;
