/**
 * The quick encounter form: the API's encounter input (@maillage/domain/inputs) as the screen
 * holds it — who (an anonymous contact or a picked person), quantities by material, the venue
 * as a select's text, the moment as a day and a wall time in the organisation's zone (now until
 * changed: features/record-dates) — and how it becomes the input sent.
 */
import {
  anonymousContactInput,
  catalogueCode,
  recordEncounterInput,
  withFieldCode,
} from "@maillage/domain/inputs";
import type { Path } from "react-hook-form";
import { z } from "zod";
import type { RecordEncounterInput } from "../../generated/graphql.ts";
import type { LastEncounter } from "../../offline/caseload-slice.ts";
import { instantOfWallClock, wallClockOf } from "../record-dates/happened-at.ts";
import type { EditedEncounter, EncounterDefaults } from "./encounters.graphql.ts";
import { type PickedPerson, pickedPerson } from "./PersonPicker.tsx";

const input = recordEncounterInput.shape;

type EncounterMaterials = z.input<typeof input.materials>;

export const encounterForm = z
  .object({
    contact: z.enum(["ANONYMOUS", "PERSON"]),
    person: pickedPerson.nullable(),
    anonymous: anonymousContactInput,
    channel: input.channel,
    placeType: input.placeType,
    venueId: z
      .string()
      .transform((id): string | null | undefined => id || null)
      .pipe(input.venueId),
    themes: input.themes,
    // Where the person stands (a person only: not sent for an anonymous contact).
    outcomes: input.outcomes,
    // Taps on a stepper per catalogue item; the API takes the items handed out, each once, with a
    // quantity.
    materials: z
      .record(catalogueCode, z.number())
      .transform(
        (quantities): EncounterMaterials =>
          Object.entries(quantities)
            .filter(([, quantity]) => quantity > 0)
            .map(([item, quantity]) => ({ item, quantity })),
      )
      .pipe(input.materials),
    services: input.services,
    // The platform's chip (online or video only); "" for none.
    platform: z
      .string()
      .transform((code): string | null | undefined => code || null)
      .pipe(input.platform),
    note: input.note,
    // Changed by the worker ("Yesterday", a day, a time): without it the encounter is now,
    // whatever the boxes show.
    earlier: z.boolean(),
    // The day (YYYY-MM-DD) and wall time (HH:MM) in the organisation's zone; the API's
    // `occurredAt` refusals are shown on the day.
    occurredOn: z.string(),
    occurredTime: z.string(),
  })
  .superRefine((form, context) => {
    if (form.earlier && !/^\d{4}-\d{2}-\d{2}$/.test(form.occurredOn)) {
      context.addIssue({ code: "custom", path: ["occurredOn"], ...withFieldCode("REQUIRED") });
    }
    if (form.earlier && !/^\d{2}:\d{2}$/.test(form.occurredTime)) {
      context.addIssue({ code: "custom", path: ["occurredOn"], ...withFieldCode("REQUIRED") });
    }
    // "Known person" chosen, none picked yet: the person is missing (as the API would say).
    if (form.contact === "PERSON" && form.person === null) {
      context.addIssue({ code: "invalid_type", expected: "object", input: null, path: ["person"] });
    }
  });

export type EncounterFormValues = z.input<typeof encounterForm>;
export type EncounterFormOutput = z.output<typeof encounterForm>;

/** The channels on which a platform is named (WhatsApp, Teams, an ad site…). */
export const platformChannels: ReadonlySet<string> = new Set(["ONLINE_PLATFORM", "VIDEO"]);

/** The moment the form names (the organisation's zone), or null: now (not changed). */
export function chosenMoment(
  values: Pick<EncounterFormValues, "earlier" | "occurredOn" | "occurredTime">,
  timeZone: string,
): Date | null {
  return values.earlier
    ? instantOfWallClock({ on: values.occurredOn, time: values.occurredTime }, timeZone)
    : null;
}

/**
 * What is sent: the person's id or the anonymous contact, never both (the API's rule). A new
 * entry carries the moment it was made: it may wait on the phone and be sent hours later.
 */
export function encounterInput(
  values: EncounterFormOutput,
  timeZone: string,
  madeAt?: Date,
): RecordEncounterInput {
  const chosen = chosenMoment(values, timeZone);
  const who =
    values.contact === "PERSON"
      ? { personId: values.person?.id ?? null, anonymous: null }
      : { personId: null, anonymous: values.anonymous };
  return {
    ...who,
    channel: values.channel,
    placeType: values.placeType,
    venueId: values.venueId ?? null,
    themes: values.themes ?? [],
    // About a person's path: an anonymous contact has none (the API refuses them there).
    outcomes: values.contact === "PERSON" ? (values.outcomes ?? []) : [],
    materials: values.materials ?? [],
    services: values.services ?? [],
    // A platform is named for an online or video contact only.
    platform: platformChannels.has(values.channel) ? (values.platform ?? null) : null,
    note: values.note || null,
    occurredAt: chosen ? chosen.toISOString() : (madeAt?.toISOString() ?? null),
  };
}

/** "Same as last time": the person's last channel, place, venue, themes and items, in one tap. */
export function repeatedEncounterValues(
  values: EncounterFormValues,
  last: LastEncounter,
): EncounterFormValues {
  return {
    ...values,
    channel: last.channel,
    placeType: last.placeType,
    venueId: last.venueId ?? "",
    themes: [...last.themes],
    materials: Object.fromEntries(last.materials.map((m) => [m.item, m.quantity])),
    services: (last.services ?? []).map((s) => s.service),
    platform: last.platform ?? "",
  };
}

/** The form field an API problem's path points at (the API names the person by her id). */
export function encounterFieldOf(path: string): Path<EncounterFormValues> | null {
  const [head, part] = path.split(".");
  switch (head) {
    case "personId":
      return "person";
    case "anonymous":
      return part === "gender" || part === "ageBracket" || part === "headCount" ? `anonymous.${part}` : null;
    case "channel":
    case "placeType":
    case "venueId":
    case "themes":
    case "outcomes":
    case "materials":
    case "services":
    case "platform":
    case "note":
      return head;
    case "occurredAt":
      return "occurredOn";
    default:
      return null;
  }
}

/** A recorded moment as the form's day and time boxes hold it (the organisation's zone). */
function momentValues(at: Date | null, timeZone: string) {
  if (!at) return { earlier: false, occurredOn: "", occurredTime: "" };
  const { on, time } = wallClockOf(at, timeZone);
  return { earlier: true, occurredOn: on, occurredTime: time };
}

const anonymousDefaults = { gender: "WOMAN", ageBracket: "UNKNOWN", headCount: 1 } as const;

/** A new entry: anonymous (or the person of the link), from the worker's last channel, place and venue. */
export function newEncounterValues(
  defaults: Pick<EncounterDefaults["encounterDefaults"], "channel" | "placeType"> & {
    venueId: string | null;
  },
  person: PickedPerson | null,
): EncounterFormValues {
  return {
    contact: person ? "PERSON" : "ANONYMOUS",
    person,
    anonymous: { ...anonymousDefaults },
    channel: defaults.channel,
    placeType: defaults.placeType,
    venueId: defaults.venueId ?? "",
    themes: [],
    outcomes: [],
    materials: {},
    services: [],
    platform: "",
    note: "",
    earlier: false,
    occurredOn: "",
    occurredTime: "",
  };
}

/** The next entry after one is saved: the same kind of contact, channel, place and venue. */
export function nextEncounterValues(saved: EncounterFormValues): EncounterFormValues {
  return {
    ...saved,
    person: null,
    anonymous: { ...saved.anonymous, headCount: 1 },
    themes: [],
    outcomes: [],
    materials: {},
    services: [],
    note: "",
    earlier: false,
    occurredOn: "",
    occurredTime: "",
  };
}

/** An encounter being edited, as it was recorded. */
export function editedEncounterValues(encounter: EditedEncounter, timeZone: string): EncounterFormValues {
  return {
    contact: encounter.person ? "PERSON" : "ANONYMOUS",
    person: encounter.person,
    anonymous: {
      gender: encounter.anonymousGender ?? anonymousDefaults.gender,
      ageBracket: encounter.anonymousAgeBracket ?? anonymousDefaults.ageBracket,
      headCount: encounter.headCount,
    },
    channel: encounter.channel,
    placeType: encounter.placeType,
    venueId: encounter.venueId ?? "",
    themes: encounter.themes,
    outcomes: encounter.outcomes ?? [],
    materials: Object.fromEntries(encounter.materials.map((m) => [m.item, m.quantity])),
    services: encounter.services.map((s) => s.service),
    platform: encounter.platform ?? "",
    note: encounter.note ?? "",
    ...momentValues(new Date(encounter.occurredAt), timeZone),
  };
}

/**
 * An entry kept on the phone and refused by the API, back in the form to be fixed: the input it
 * was sent with (the person named by the alias it was kept under).
 */
export function queuedEncounterValues(
  input: RecordEncounterInput,
  alias: string,
  timeZone: string,
): EncounterFormValues {
  const occurred = input.occurredAt ? new Date(input.occurredAt) : null;
  return {
    contact: input.personId ? "PERSON" : "ANONYMOUS",
    person: input.personId ? { id: input.personId, alias } : null,
    anonymous: {
      gender: input.anonymous?.gender ?? anonymousDefaults.gender,
      ageBracket: input.anonymous?.ageBracket ?? anonymousDefaults.ageBracket,
      headCount: input.anonymous?.headCount ?? 1,
    },
    channel: input.channel,
    placeType: input.placeType,
    venueId: input.venueId ?? "",
    themes: input.themes ?? [],
    outcomes: input.outcomes ?? [],
    materials: Object.fromEntries((input.materials ?? []).map((m) => [m.item, m.quantity])),
    services: input.services ?? [],
    platform: input.platform ?? "",
    note: input.note ?? "",
    // The moment it was made, kept as it was.
    ...momentValues(occurred, timeZone),
  };
}
