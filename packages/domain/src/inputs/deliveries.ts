import { z } from "zod";
import { deliveryLimits, deliveryStatuses } from "../deliveries.ts";
import { catalogueCode } from "./catalogues.ts";
import { columnLengths } from "./column-lengths.ts";
import { named, optionalText, recordId, userId } from "./fields.ts";
import { ageBracket, gender, placeType } from "./vocabularies.ts";

export const deliveryStatus = named("DeliveryStatus", z.enum(deliveryStatuses));

/** One item asked for (or handed out): a material item of the catalogue, at least one of it. */
export const deliveryItemInput = named(
  "DeliveryItemInput",
  z.object({
    item: catalogueCode.describe("The code of a material item of the organisation's catalogue."),
    quantity: z.number().int().min(1).max(deliveryLimits.maxQuantity),
  }),
);

const deliveryItems = z
  .array(deliveryItemInput)
  .min(1)
  .max(deliveryLimits.maxItems)
  .superRefine((items, context) => {
    if (new Set(items.map((entry) => entry.item)).size !== items.length) {
      context.addIssue({ code: "custom", message: "each item once" });
    }
  });

export const deliveryContactInput = named(
  "DeliveryContactInput",
  z
    .object({ gender, ageBracket })
    .describe("For a request with no file (a text to the line): gender and age bracket, as said."),
);

export const requestMaterialDeliveryInput = z
  .object({
    personId: recordId()
      .nullish()
      .describe("A person of the acting organisation; omit for an anonymous request."),
    anonymous: deliveryContactInput.nullish(),
    items: deliveryItems.describe("What is asked for: each item once, at least one of it."),
    timeWindow: optionalText(columnLengths["MaterialDeliveryPlace.timeWindow"]).describe(
      "When, in the person's words (“Thursday after 6 pm, text first”). Organisation-private.",
    ),
    place: optionalText(columnLengths["MaterialDeliveryPlace.place"]).describe(
      "Where, discreetly (“behind the corner shop”). Organisation-private.",
    ),
    placeType: placeType
      .nullish()
      .describe("The kind of place, for the indicators; a public place by default."),
    assignedToId: userId()
      .nullish()
      .describe("The member who brings it (outreach worker or coordinator); yourself by default."),
    requestedAt: z
      .date()
      .nullish()
      .describe(
        "When it was asked for, if earlier (a request taken on paper, a past year's): from the organisation's start date to now. Now by default.",
      ),
  })
  .superRefine((input, context) => {
    if (input.personId && input.anonymous) {
      context.addIssue({ code: "custom", path: ["personId"], message: "a person or an anonymous contact" });
    }
  });

export const transitionMaterialDeliveryInput = z.object({
  deliveryId: recordId(),
  to: deliveryStatus,
  expectedVersion: z.number().int().min(1).describe("The delivery's version you saw."),
  items: deliveryItems
    .nullish()
    .describe("DELIVERED only: what was handed out, when it differs from what was asked for."),
  at: z
    .date()
    .nullish()
    .describe(
      "When it happened (a step kept on the phone is sent later, a past one entered from the records): not before the request, not after now. Now by default.",
    ),
});
