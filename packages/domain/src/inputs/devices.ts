import { z } from "zod";
import { named } from "./fields.ts";

/** A device names itself with a random UUID it keeps (apps/web/src/offline); it is not a secret. */
export const deviceInput = named("DeviceInput", z.object({ deviceId: z.uuid() }));
