import { describe, expect, it } from "vitest";
import { consentStatus, isPossiblyMinor, readsAsPartner, readsOwn } from "./permissions.ts";

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
