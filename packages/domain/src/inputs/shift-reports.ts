import { z } from "zod";
import { shiftReportLimits } from "../shift-reports.ts";
import { columnLengths } from "./column-lengths.ts";
import { named, optionalText, recordId, userId } from "./fields.ts";

/**
 * A partner who worked alongside the team on the shift: a member organisation of one of the
 * acting organisation's partnerships, or another one by its name; the co-interventions as a count.
 */
export const shiftPartnerInput = named(
  "ShiftPartnerInput",
  z
    .object({
      organisationId: recordId()
        .nullish()
        .describe("A member organisation of one of the acting organisation's partnerships."),
      name: optionalText(columnLengths["ShiftReportPartner.name"]).describe(
        "A partner outside the partnerships, by its name (never a person's).",
      ),
      interventions: z
        .number()
        .int()
        .min(1)
        .max(shiftReportLimits.maxInterventions)
        .nullish()
        .default(1)
        .describe("Co-interventions with this partner on the shift: a count only."),
    })
    .superRefine((partner, context) => {
      if (Boolean(partner.organisationId) === Boolean(partner.name)) {
        context.addIssue({ code: "custom", path: ["name"], message: "an organisation or a name" });
      }
    }),
);

const shiftReportFields = z.object({
  startsAt: z.date().describe("When the shift began."),
  endsAt: z.date().describe("When it ended (or ends): after its start, within a day."),
  memberIds: z
    .array(userId())
    .max(shiftReportLimits.maxMembers)
    .describe("The members of the organisation on the shift."),
  venueIds: z
    .array(recordId())
    .max(shiftReportLimits.maxVenues)
    .describe("The organisation's venues visited on the shift: each one's last visit follows."),
  partners: z.array(shiftPartnerInput).max(shiftReportLimits.maxPartners).nullish(),
  handoverNote: optionalText(columnLengths["ShiftHandoverNote.body"]).describe(
    "For the next shift, read first on its home screen. Organisation-private.",
  ),
});

type ShiftReportFields = z.output<typeof shiftReportFields>;

const uniqueKey = (text: string) => text.trim().toLowerCase();

/** Each member, venue and partner once. */
function checkShiftReport(input: ShiftReportFields, context: z.core.$RefinementCtx<ShiftReportFields>) {
  const once = (values: string[], path: string) => {
    if (new Set(values).size !== values.length)
      context.addIssue({ code: "custom", path: [path], message: "each once" });
  };
  once(input.memberIds, "memberIds");
  once(input.venueIds, "venueIds");
  once(
    (input.partners ?? []).map((partner) =>
      partner.organisationId ? `id:${partner.organisationId}` : `name:${uniqueKey(partner.name ?? "")}`,
    ),
    "partners",
  );
}

/** Tonight's report (or a past shift's): written by the viewer for the acting organisation. */
export const recordShiftReportInput = shiftReportFields.superRefine(checkShiftReport);
/** A report changed whole: its members, venues, partners and handover note are replaced. */
export const updateShiftReportInput = shiftReportFields
  .extend({ id: recordId() })
  .superRefine(checkShiftReport);
