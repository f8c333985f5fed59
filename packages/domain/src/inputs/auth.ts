import { z } from "zod";
import { columnLengths } from "./column-lengths.ts";
import { recordId } from "./fields.ts";

export const signInInput = z.object({
  email: z.string().trim().toLowerCase().min(1).max(columnLengths["User.email"]).email(),
  // Only its hash is kept; the bound keeps hashing cheap.
  password: z.string().min(1).max(1024),
});

export const switchOrganisationInput = z.object({ organisationId: recordId() });
