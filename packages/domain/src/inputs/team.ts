import { z } from "zod";
import { roles } from "../roles.ts";
import { columnLengths } from "./column-lengths.ts";
import { inputMeta, requiredText, userId } from "./fields.ts";
import { role } from "./vocabularies.ts";

export const setMemberRolesInput = z.object({
  userId: userId(),
  roles: z.array(role).max(roles.length),
});

/** Someone to invite: the e-mail the link is for, the name the team knows her by, her roles. */
export const inviteMemberInput = z.object({
  email: z.string().trim().toLowerCase().min(1).max(columnLengths["Invitation.email"]).email(),
  displayName: requiredText(columnLengths["Invitation.displayName"]),
  roles: z.array(role).max(roles.length),
});

export const revokeInvitationInput = z.object({
  invitationId: z.uuid().register(inputMeta, { kind: "recordId" }),
});

/** At least this long: an invitation's new account is never opened with a short password. */
export const minimumPasswordLength = 12;

/**
 * Accepting an invitation (public): the link's token, the password (a new account's, or the
 * existing account's own), and the name to go by when the account is new.
 */
export const acceptInvitationInput = z.object({
  token: z.string().min(1).max(200),
  password: z.string().min(minimumPasswordLength).max(1024),
  displayName: requiredText(columnLengths["User.displayName"]).nullish(),
});

export const deactivateMemberInput = z.object({ userId: userId() });
