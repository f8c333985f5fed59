import { z } from "zod";
import { encounterLimits } from "../field-work.ts";
import { personOutcomes, themes } from "../vocabularies.ts";
import { catalogueCode } from "./catalogues.ts";
import { columnLengths } from "./column-lengths.ts";
import { named, optionalText, recordId } from "./fields.ts";
import { ageBracket, channel, gender, personOutcome, placeType, theme } from "./vocabularies.ts";

export const materialInput = named(
  "MaterialInput",
  z.object({
    item: catalogueCode.describe("The code of a material item of the organisation's catalogue."),
    quantity: z.number().int().min(0).max(encounterLimits.maxQuantity),
  }),
);

export const anonymousContactInput = named(
  "AnonymousContactInput",
  z
    .object({
      gender,
      ageBracket,
      headCount: z.number().int().min(1).max(encounterLimits.maxHeadCount).nullish().default(1),
    })
    .describe("For a contact with no file: gender, age bracket and how many people."),
);

const encounterFields = z.object({
  personId: recordId()
    .nullish()
    .describe("A person of the acting organisation; omit for an anonymous contact."),
  anonymous: anonymousContactInput.nullish(),
  occurredAt: z
    .date()
    .nullish()
    .describe(
      "When it happened: from the organisation's start date to now (a few minutes' tolerance). Defaults to now.",
    ),
  channel,
  placeType,
  venueId: recordId().nullish(),
  themes: z.array(theme).max(themes.length).nullish(),
  outcomes: z
    .array(personOutcome)
    .max(personOutcomes.length)
    .nullish()
    .describe(
      "Where the person stands, as the worker notes it (left the trade, reached a goal she had set); with a person only.",
    ),
  materials: z.array(materialInput).max(encounterLimits.maxCatalogueChoices).nullish(),
  services: z
    .array(catalogueCode)
    .max(encounterLimits.maxCatalogueChoices)
    .nullish()
    .describe("Codes of services of the organisation's catalogue given in the encounter."),
  platform: catalogueCode
    .nullish()
    .describe("The online platform or video service (a code of the catalogue), by name only."),
  note: optionalText(columnLengths["EncounterNote.body"]).describe("Organisation-private."),
});

type EncounterFields = z.output<typeof encounterFields>;

/** An encounter is with a person of the organisation or with an anonymous contact, not both. */
function checkEncounter(input: EncounterFields, context: z.core.$RefinementCtx<EncounterFields>) {
  if (Boolean(input.personId) === Boolean(input.anonymous)) {
    context.addIssue({ code: "custom", path: ["personId"], message: "a person or an anonymous contact" });
  }
  const outcomes = input.outcomes ?? [];
  if (new Set(outcomes).size !== outcomes.length) {
    context.addIssue({ code: "custom", path: ["outcomes"], message: "each outcome once" });
  } else if (outcomes.length > 0 && !input.personId) {
    // An outcome is about a person's path: an anonymous contact has none to follow.
    context.addIssue({ code: "custom", path: ["outcomes"], message: "with a person only" });
  }
  const materials = input.materials ?? [];
  if (new Set(materials.map((m) => m.item)).size !== materials.length) {
    context.addIssue({ code: "custom", path: ["materials"], message: "each item once" });
  }
  const services = input.services ?? [];
  if (new Set(services).size !== services.length) {
    context.addIssue({ code: "custom", path: ["services"], message: "each service once" });
  }
}

export const recordEncounterInput = encounterFields.superRefine(checkEncounter);
export const updateEncounterInput = encounterFields
  .extend({
    id: recordId(),
    occurredAt: z
      .date()
      .nullish()
      .describe("A corrected date (audited, before and after); omitted: the date recorded stays."),
  })
  .superRefine(checkEncounter);
