import { z } from "zod";
import { columnLengths } from "./column-lengths.ts";
import { recordId, userId } from "./fields.ts";

export const signInInput = z.object({
  email: z.string().trim().toLowerCase().min(1).max(columnLengths["User.email"]).email(),
  // Only its hash is kept; the bound keeps hashing cheap.
  password: z.string().min(1).max(1024),
  /** The authenticator app's 6 digits, or a recovery code; asked for once the password is right. */
  code: secondFactorCode().optional(),
  /** Remember this browser for 30 days: its next sign-ins ask for no code. */
  rememberDevice: z.boolean().optional(),
});

/**
 * A code as typed: the authenticator's 6 digits or a recovery code (10 letters and digits, as
 * shown in two groups of five); spaces and dashes are dropped, letters lower-cased.
 */
export function secondFactorCode() {
  return z
    .string()
    .max(40)
    .overwrite((code) => code.replace(/[\s-]/g, "").toLowerCase())
    .regex(/^(\d{6}|[a-z2-7]{10})$/);
}

export const secondFactorCodeInput = z.object({ code: secondFactorCode() });

export const resetMemberSecondFactorInput = z.object({ userId: userId() });

export const switchOrganisationInput = z.object({ organisationId: recordId() });
