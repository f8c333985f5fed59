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

/** The status a response leads to, or null when it is not allowed to this participant now. */
export function visitResponseOutcome(
  status: VisitStatusName,
  response: VisitResponse,
  byProposer: boolean,
): VisitStatusName | null {
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

export const visitLimits = {
  maxDurationMinutes: 8 * 60,
  minDurationMinutes: 15,
  maxDaysAhead: 366,
  maxActCount: 50,
} as const;
