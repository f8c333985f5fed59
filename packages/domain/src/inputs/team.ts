import { z } from "zod";
import { roles } from "../roles.ts";
import { userId } from "./fields.ts";
import { role } from "./vocabularies.ts";

export const setMemberRolesInput = z.object({
  userId: userId(),
  roles: z.array(role).max(roles.length),
});
