import { z } from "zod";
import { encounterLimits } from "../field-work.ts";
import { intakeNeedLevels, nightCentreLimits } from "../night-centre.ts";
import { catalogueCode } from "./catalogues.ts";
import { columnLengths } from "./column-lengths.ts";
import { anonymousContactInput, materialInput } from "./encounters.ts";
import { calendarDate, named, optionalText, recordId, requiredText, userId } from "./fields.ts";

export const intakeNeedLevel = named("IntakeNeedLevel", z.enum(intakeNeedLevels));

/**
 * A partner service present at the evening, counted only: a member organisation of one of the
 * acting organisation's partnerships or another one by its name (not both), and/or the service
 * it offered (a SERVICE code of the catalogue: a mobile health unit's testing, a dental clinic).
 */
export const eveningPartnerInput = named(
  "EveningPartnerInput",
  z
    .object({
      organisationId: recordId()
        .nullish()
        .describe("A member organisation of one of the acting organisation's partnerships."),
      name: optionalText(columnLengths["NightCentreEveningPartner.name"]).describe(
        "A partner outside the partnerships, by its name (never a person's).",
      ),
      service: catalogueCode.nullish().describe("The service it offered: a SERVICE code of the catalogue."),
    })
    .superRefine((partner, context) => {
      if (partner.organisationId && partner.name) {
        context.addIssue({ code: "custom", path: ["name"], message: "an organisation or a name, not both" });
      }
      if (!partner.organisationId && !partner.name && !partner.service) {
        context.addIssue({ code: "custom", path: ["name"], message: "an organisation, a name or a service" });
      }
    }),
);

const staffAndPartners = {
  staffIds: z
    .array(userId())
    .min(1)
    .max(nightCentreLimits.maxStaff)
    .describe("The members of the organisation on duty."),
  partners: z.array(eveningPartnerInput).max(nightCentreLimits.maxPartners).nullish(),
};

type StaffAndPartners = { staffIds: string[]; partners?: { organisationId?: string | null }[] | null };

function checkStaffAndPartners<T extends StaffAndPartners>(input: T, context: z.core.$RefinementCtx<T>) {
  if (new Set(input.staffIds).size !== input.staffIds.length) {
    context.addIssue({ code: "custom", path: ["staffIds"], message: "each member once" });
  }
  const organisations = (input.partners ?? []).flatMap((p) => (p.organisationId ? [p.organisationId] : []));
  if (new Set(organisations).size !== organisations.length) {
    context.addIssue({ code: "custom", path: ["partners"], message: "each organisation once" });
  }
}

/** Tonight's evening at one of the organisation's night centres. */
export const openNightCentreEveningInput = z
  .object({
    venueId: recordId().describe("A venue of kind NIGHT_CENTRE of the acting organisation."),
    eveningOn: calendarDate().describe("The evening's day (one evening per centre and day)."),
    ...staffAndPartners,
  })
  .superRefine(checkStaffAndPartners);

/** Who is on duty and which partners are present, as they change during the evening. */
export const updateNightCentreEveningInput = z
  .object({
    id: recordId(),
    version: z.number().int().min(1).describe("The version read: a change made since is a conflict."),
    ...staffAndPartners,
  })
  .superRefine(checkStaffAndPartners);

/** Closed once, with its totals; no check-in after. */
export const closeNightCentreEveningInput = z.object({
  id: recordId(),
  version: z.number().int().min(1).describe("The version read: a change made since is a conflict."),
});

type Received = { materials?: { item: string }[] | null; services?: string[] | null };

function checkReceived<T extends Received>(input: T, context: z.core.$RefinementCtx<T>) {
  const materials = input.materials ?? [];
  if (new Set(materials.map((m) => m.item)).size !== materials.length) {
    context.addIssue({ code: "custom", path: ["materials"], message: "each item once" });
  }
  const services = input.services ?? [];
  if (new Set(services).size !== services.length) {
    context.addIssue({ code: "custom", path: ["services"], message: "each service once" });
  }
}

const received = {
  materials: z.array(materialInput).max(encounterLimits.maxCatalogueChoices).nullish(),
  services: z
    .array(catalogueCode)
    .max(encounterLimits.maxCatalogueChoices)
    .nullish()
    .describe("Codes of services of the organisation's catalogue."),
};

/**
 * One visitor in, with one tap: a person of the organisation (by alias), or anonymous with gender
 * and age bracket, or a group's head count (anonymous, headCount > 1). It is an encounter of the
 * evening: in person, at the night centre.
 */
export const checkInToEveningInput = z
  .object({
    eveningId: recordId(),
    personId: recordId().nullish().describe("A person of the acting organisation; omit for anonymous."),
    anonymous: anonymousContactInput.nullish(),
    occurredAt: z
      .date()
      .nullish()
      .describe("When the visitor came in (a check-in kept offline); now by default."),
    ...received,
  })
  .superRefine((input, context) => {
    if (Boolean(input.personId) === Boolean(input.anonymous)) {
      context.addIssue({ code: "custom", path: ["personId"], message: "a person or an anonymous visitor" });
    }
    checkReceived(input, context);
  });

/** What a visitor received (items and services of the catalogue), replacing what was recorded. */
export const recordVisitReceivedInput = z
  .object({ visitId: recordId().describe("The check-in (an encounter of an open evening)."), ...received })
  .superRefine(checkReceived);

/** The evening's log for the next shift, read first on the next evening's screen. */
export const writeEveningHandoverInput = z.object({
  eveningId: recordId(),
  body: requiredText(columnLengths["NightCentreHandoverNote.body"]).describe("Organisation-private."),
});

/** Each domain's need: none, long-term, immediate; left empty when not asked or not said. */
export const intakeNeedsInput = named(
  "IntakeNeedsInput",
  z.object({
    housing: intakeNeedLevel.nullish(),
    health: intakeNeedLevel.nullish(),
    substanceUse: intakeNeedLevel.nullish(),
    justice: intakeNeedLevel.nullish(),
    income: intakeNeedLevel.nullish(),
    employment: intakeNeedLevel.nullish(),
    safety: intakeNeedLevel.nullish(),
  }),
);

const intakeFields = {
  needs: intakeNeedsInput,
  comment: optionalText(columnLengths["IntakeAssessment.comment"]).describe(
    "Organisation-private; empty clears it.",
  ),
};

/** The intake form of a person's first visit: once per person and organisation. */
export const recordIntakeAssessmentInput = z.object({
  personId: recordId(),
  visitId: recordId().nullish().describe("The evening visit it is made at."),
  ...intakeFields,
});

/** Its answers corrected (every field anew). */
export const updateIntakeAssessmentInput = z.object({
  id: recordId(),
  version: z.number().int().min(1).describe("The version read: a change made since is a conflict."),
  ...intakeFields,
});
