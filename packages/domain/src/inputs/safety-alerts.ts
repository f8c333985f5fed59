import { z } from "zod";
import { columnLengths } from "./column-lengths.ts";
import { calendarDate, optionalText, recordId, requiredText } from "./fields.ts";

export const publishSafetyAlertInput = z
  .object({
    partnershipId: recordId(),
    whatHappened: requiredText(columnLengths["SafetyAlert.whatHappened"]),
    aggressorDescription: optionalText(columnLengths["SafetyAlert.aggressorDescription"]),
    vehicleDescription: optionalText(columnLengths["SafetyAlert.vehicleDescription"]),
    area: requiredText(columnLengths["SafetyAlert.area"]),
    occurredOn: calendarDate(),
    expiresAt: z.date(),
    checkedNoOneIdentifiable: z
      .boolean()
      .nullish()
      .describe(
        "The writer read the warning that the text may identify someone (identifyingDetails) and checked that no one is identifiable; required when the warning shows.",
      ),
  })
  .describe("What happened, who or what to look out for, where and when. Never the victim's identity.");
