import { describe, expect, it } from "vitest";
import { mayDeactivateMember, takesAction } from "./organisation-actions.ts";

describe("mayDeactivateMember", () => {
  const admin = { userId: "a", roles: ["ORG_ADMIN"] };
  const coordinator = { userId: "c", roles: ["COORDINATOR"] };

  it("lets a member manager end another member's membership", () => {
    expect(mayDeactivateMember(admin, { userId: "w", roles: ["OUTREACH_WORKER"] })).toBe(true);
    expect(mayDeactivateMember(admin, { userId: "b", roles: ["ORG_ADMIN"] })).toBe(true);
    expect(mayDeactivateMember(coordinator, { userId: "n", roles: ["NURSE", "COORDINATOR"] })).toBe(true);
  });

  it("never her own, never an admin's by a coordinator, never by a worker", () => {
    expect(mayDeactivateMember(admin, { userId: "a", roles: ["ORG_ADMIN"] })).toBe(false);
    expect(mayDeactivateMember(coordinator, { userId: "a", roles: ["ORG_ADMIN", "NURSE"] })).toBe(false);
    expect(
      mayDeactivateMember({ userId: "w", roles: ["OUTREACH_WORKER"] }, { userId: "x", roles: ["NURSE"] }),
    ).toBe(false);
  });
});

it("ending every session of the team is an org admin's", () => {
  expect(takesAction(["ORG_ADMIN"], "END_SESSIONS")).toBe(true);
  expect(takesAction(["COORDINATOR", "NURSE", "OUTREACH_WORKER"], "END_SESSIONS")).toBe(false);
});
