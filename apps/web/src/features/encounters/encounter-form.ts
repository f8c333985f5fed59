/**
 * The quick encounter form: the API's encounter input (@maillage/domain/inputs) as the screen
 * holds it — who (an anonymous contact or a picked person), quantities by material, the venue
 * as a select's text, the time as a datetime-local's text — and how it becomes the input sent.
 */
import { anonymousContactInput, catalogueCode, recordEncounterInput } from "@maillage/domain/inputs";
import type { Path } from "react-hook-form";
import { z } from "zod";
import type { RecordEncounterInput } from "../../generated/graphql.ts";
import type { LastEncounter } from "../../offline/caseload-slice.ts";
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
    // "It was earlier": without it the encounter is now, whatever the time box holds.
    earlier: z.boolean(),
    occurredAt: z
      .string()
      .transform((local): Date | null | undefined => (local ? new Date(local) : null))
      .pipe(input.occurredAt),
  })
  .superRefine((form, context) => {
    // "Known person" chosen, none picked yet: the person is missing (as the API would say).
    if (form.contact === "PERSON" && form.person === null) {
      context.addIssue({ code: "invalid_type", expected: "object", input: null, path: ["person"] });
    }
  });

export type EncounterFormValues = z.input<typeof encounterForm>;
export type EncounterFormOutput = z.output<typeof encounterForm>;

/** The channels on which a platform is named (WhatsApp, Teams, an ad site…). */
export const platformChannels: ReadonlySet<string> = new Set(["ONLINE_PLATFORM", "VIDEO"]);

/**
 * What is sent: the person's id or the anonymous contact, never both (the API's rule). A new
 * entry carries the moment it was made: it may wait on the phone and be sent hours later.
 */
export function encounterInput(values: EncounterFormOutput, madeAt?: Date): RecordEncounterInput {
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
    materials: values.materials ?? [],
    services: values.services ?? [],
    // A platform is named for an online or video contact only.
    platform: platformChannels.has(values.channel) ? (values.platform ?? null) : null,
    note: values.note || null,
    occurredAt:
      values.earlier && values.occurredAt ? values.occurredAt.toISOString() : (madeAt?.toISOString() ?? null),
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
    case "materials":
    case "services":
    case "platform":
    case "note":
    case "occurredAt":
      return head;
    default:
      return null;
  }
}

/** A date as the value of an <input type="datetime-local"> (the device's clock). */
function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
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
    materials: {},
    services: [],
    platform: "",
    note: "",
    earlier: false,
    occurredAt: "",
  };
}

/** The next entry after one is saved: the same kind of contact, channel, place and venue. */
export function nextEncounterValues(saved: EncounterFormValues): EncounterFormValues {
  return {
    ...saved,
    person: null,
    anonymous: { ...saved.anonymous, headCount: 1 },
    themes: [],
    materials: {},
    services: [],
    note: "",
    earlier: false,
    occurredAt: "",
  };
}

/** An encounter being edited, as it was recorded. */
export function editedEncounterValues(encounter: EditedEncounter): EncounterFormValues {
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
    materials: Object.fromEntries(encounter.materials.map((m) => [m.item, m.quantity])),
    services: encounter.services.map((s) => s.service),
    platform: encounter.platform ?? "",
    note: encounter.note ?? "",
    earlier: true,
    occurredAt: toLocalInput(new Date(encounter.occurredAt)),
  };
}

/**
 * An entry kept on the phone and refused by the API, back in the form to be fixed: the input it
 * was sent with (the person named by the alias it was kept under).
 */
export function queuedEncounterValues(input: RecordEncounterInput, alias: string): EncounterFormValues {
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
    materials: Object.fromEntries((input.materials ?? []).map((m) => [m.item, m.quantity])),
    services: input.services ?? [],
    platform: input.platform ?? "",
    note: input.note ?? "",
    // The moment it was made, kept as it was.
    earlier: occurred !== null,
    occurredAt: occurred ? toLocalInput(occurred) : "",
  };
}
