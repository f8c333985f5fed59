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
});
