import { describe, expect, it } from "vitest";
import { visitResponseOutcome } from "./joint-visits.ts";

describe("visitResponseOutcome", () => {
  it("lets the other side accept or decline a proposal, never the proposer", () => {
    expect(visitResponseOutcome("PROPOSED", "ACCEPT", false)).toBe("ACCEPTED");
    expect(visitResponseOutcome("PROPOSED", "ACCEPT", true)).toBeNull();
    expect(visitResponseOutcome("COUNTER_PROPOSED", "DECLINE", false)).toBe("DECLINED");
    expect(visitResponseOutcome("ACCEPTED", "ACCEPT", false)).toBeNull();
  });
  it("lets either side propose another time or cancel while the visit is in play", () => {
    expect(visitResponseOutcome("ACCEPTED", "PROPOSE_OTHER_TIME", true)).toBe("COUNTER_PROPOSED");
    expect(visitResponseOutcome("PROPOSED", "CANCEL", true)).toBe("CANCELLED");
    expect(visitResponseOutcome("COMPLETED", "CANCEL", false)).toBeNull();
    expect(visitResponseOutcome("DECLINED", "PROPOSE_OTHER_TIME", false)).toBeNull();
  });
  it("lets the nurse decline a visit the worker recorded, and the worker withdraw it; nothing else", () => {
    expect(visitResponseOutcome("AWAITING_CONFIRMATION", "DECLINE", false)).toBe("DECLINED");
    expect(visitResponseOutcome("AWAITING_CONFIRMATION", "DECLINE", true)).toBeNull();
    expect(visitResponseOutcome("AWAITING_CONFIRMATION", "CANCEL", true)).toBe("CANCELLED");
    expect(visitResponseOutcome("AWAITING_CONFIRMATION", "CANCEL", false)).toBeNull();
    // Confirming takes the nurse's acts (completeNurseVisit); it already happened: no other time.
    expect(visitResponseOutcome("AWAITING_CONFIRMATION", "ACCEPT", false)).toBeNull();
    expect(visitResponseOutcome("AWAITING_CONFIRMATION", "PROPOSE_OTHER_TIME", false)).toBeNull();
  });
});
