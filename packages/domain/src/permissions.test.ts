import { describe, expect, it } from "vitest";
import {
  consentStatus,
  isPossiblyMinor,
  mayChangeMemberRoles,
  noticePrefixesFor,
  readsAsPartner,
  readsOwn,
  seesTeamRecords,
} from "./permissions.ts";

const now = new Date("2026-11-25T12:00:00Z");
const day = 86_400_000;

describe("permission registry", () => {
  it("keeps clinical notes to nurses and the legal name from nurses", () => {
    expect(readsOwn(["NURSE"], "CLINICAL_NOTE")).toBe(true);
    expect(readsOwn(["COORDINATOR", "OUTREACH_WORKER"], "CLINICAL_NOTE")).toBe(false);
    expect(readsOwn(["NURSE"], "LEGAL_NAME")).toBe(false);
  });
  it("gives an org admin alone no person file, and a partner never notes", () => {
    expect(readsOwn(["ORG_ADMIN"], "PERSON_PROFILE")).toBe(false);
    expect(readsOwn(["ORG_ADMIN"], "AUDIT_EVENT")).toBe(true);
    for (const kind of ["ENCOUNTER_NOTE", "LEGAL_NAME", "CLINICAL_NOTE", "REFERRAL", "VENUE"] as const) {
      expect(readsAsPartner(["COORDINATOR"], kind)).toBe(false);
    }
    expect(readsAsPartner([], "PERSON_PROFILE")).toBe(false);
  });
});

describe("rules beside the registry", () => {
  it("restricted team visibility leaves coordinators the team's records", () => {
    expect(seesTeamRecords(["OUTREACH_WORKER"], false)).toBe(true);
    expect(seesTeamRecords(["OUTREACH_WORKER"], true)).toBe(false);
    expect(seesTeamRecords(["NURSE"], true)).toBe(false);
    expect(seesTeamRecords(["OUTREACH_WORKER", "COORDINATOR"], true)).toBe(true);
  });
  it("sends notices only to roles that act on their record", () => {
    expect(noticePrefixesFor(["ORG_ADMIN"])).toEqual([]);
    expect(noticePrefixesFor([])).toEqual([]);
    expect(noticePrefixesFor(["NURSE"])).toEqual(["REFERRAL_", "NURSE_VISIT_"]);
  });
  it("lets nobody grant a role to itself, and coordinators no ORG_ADMIN", () => {
    const admin = { userId: "a", roles: ["ORG_ADMIN"] };
    const coordinator = { userId: "c", roles: ["COORDINATOR"] };
    expect(
      mayChangeMemberRoles(admin, { userId: "a", current: ["ORG_ADMIN"] }, ["ORG_ADMIN", "COORDINATOR"]),
    ).toBe(false);
    expect(mayChangeMemberRoles(admin, { userId: "a", current: ["ORG_ADMIN", "NURSE"] }, ["ORG_ADMIN"])).toBe(
      true,
    );
    expect(mayChangeMemberRoles(admin, { userId: "w", current: ["OUTREACH_WORKER"] }, ["ORG_ADMIN"])).toBe(
      true,
    );
    expect(
      mayChangeMemberRoles(coordinator, { userId: "a", current: ["ORG_ADMIN"] }, [
        "ORG_ADMIN",
        "COORDINATOR",
      ]),
    ).toBe(true);
    expect(mayChangeMemberRoles(coordinator, { userId: "w", current: [] }, ["ORG_ADMIN"])).toBe(false);
    expect(mayChangeMemberRoles(coordinator, { userId: "a", current: ["ORG_ADMIN"] }, [])).toBe(false);
    expect(
      mayChangeMemberRoles(coordinator, { userId: "c", current: ["COORDINATOR"] }, ["COORDINATOR", "NURSE"]),
    ).toBe(false);
    expect(
      mayChangeMemberRoles({ userId: "w", roles: ["OUTREACH_WORKER"] }, { userId: "x", current: [] }, []),
    ).toBe(false);
  });
});

describe("consentStatus", () => {
  const base = { startsAt: new Date(now.getTime() - day), expiresAt: null, withdrawnAt: null };
  it("derives the status from the dates", () => {
    expect(consentStatus(base, now)).toBe("ACTIVE");
    expect(consentStatus({ ...base, expiresAt: new Date(now.getTime() - 1) }, now)).toBe("EXPIRED");
    expect(consentStatus({ ...base, withdrawnAt: now }, now)).toBe("WITHDRAWN");
    expect(consentStatus({ ...base, startsAt: new Date(now.getTime() + day) }, now)).toBe("UPCOMING");
  });
});

describe("isPossiblyMinor", () => {
  it("flags persons under 18 this year", () => {
    expect(isPossiblyMinor(2009, now)).toBe(true);
    expect(isPossiblyMinor(2008, now)).toBe(false);
    expect(isPossiblyMinor(null, now)).toBe(false);
  });
});
