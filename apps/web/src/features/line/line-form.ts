/**
 * The line's quick entry (a call, a text, a message on an ad site, a video call): the API's
 * encounter input (@maillage/domain/inputs) as the line screen holds it, and how it becomes the
 * input sent. No person is needed: an anonymous contact by default, gender and age as said
 * (not said: "undisclosed", "unknown").
 *
 * Where a line contact happens, for the indicators: the worker answers the phone and texts from
 * the organisation's office (PlaceType OFFICE — the design's "office" share of encounters, what
 * the line's programmes report), while a contact on an ad site, a social network or a video
 * service happens online (ONLINE). OTHER would hide the line's work in the indicators.
 */
import { ageBracket, gender, recordEncounterInput } from "@maillage/domain/inputs";
import { z } from "zod";
import type { Channel, PlaceType, RecordEncounterInput } from "../../generated/graphql.ts";
import { pickedPerson } from "../encounters/PersonPicker.tsx";

const input = recordEncounterInput.shape;

/** The channels of the line, in the order of its chips. */
export const lineChannels = [
  "PHONE",
  "SMS",
  "ONLINE_PLATFORM",
  "VIDEO",
] as const satisfies readonly Channel[];
export type LineChannel = (typeof lineChannels)[number];

export const linePlaceTypes: Record<LineChannel, PlaceType> = {
  PHONE: "OFFICE",
  SMS: "OFFICE",
  ONLINE_PLATFORM: "ONLINE",
  VIDEO: "ONLINE",
};

/** The channels on which a platform is named (an ad site, WhatsApp, Teams…). */
export function namesPlatform(channel: LineChannel): boolean {
  return channel === "ONLINE_PLATFORM" || channel === "VIDEO";
}

export const lineForm = z
  .object({
    contact: z.enum(["ANONYMOUS", "PERSON"]),
    person: pickedPerson.nullable(),
    gender,
    ageBracket,
    channel: z.enum(lineChannels),
    // The platform's chip (online or video only); "" for none.
    platform: z.string(),
    themes: input.themes,
    note: input.note,
  })
  .superRefine((form, context) => {
    // "Known person" chosen, none picked yet: the person is missing (as the API would say).
    if (form.contact === "PERSON" && form.person === null) {
      context.addIssue({ code: "invalid_type", expected: "object", input: null, path: ["person"] });
    }
  });

export type LineFormValues = z.input<typeof lineForm>;
export type LineFormOutput = z.output<typeof lineForm>;

/** A new line entry: anonymous, nothing said, on the channel (and platform) given. */
export function newLineValues(channel: LineChannel = "PHONE", platform = ""): LineFormValues {
  return {
    contact: "ANONYMOUS",
    person: null,
    gender: "UNDISCLOSED",
    ageBracket: "UNKNOWN",
    channel,
    platform: namesPlatform(channel) ? platform : "",
    themes: [],
    note: "",
  };
}

/** The next call after one is saved: the same channel and platform, everything else anew. */
export function nextLineValues(saved: LineFormValues): LineFormValues {
  return newLineValues(saved.channel, saved.platform);
}

/**
 * What is sent: the person's id or the anonymous contact (one person), the line's place for the
 * channel, the platform for an online or video contact only, and the moment it was made (it may
 * wait on the phone and be sent later).
 */
export function lineEncounterInput(values: LineFormOutput, madeAt: Date): RecordEncounterInput {
  const who =
    values.contact === "PERSON" && values.person
      ? { personId: values.person.id, anonymous: null }
      : { personId: null, anonymous: { gender: values.gender, ageBracket: values.ageBracket, headCount: 1 } };
  return {
    ...who,
    channel: values.channel,
    placeType: linePlaceTypes[values.channel],
    platform: namesPlatform(values.channel) && values.platform ? values.platform : null,
    themes: values.themes ?? [],
    materials: [],
    services: [],
    venueId: null,
    note: values.note || null,
    occurredAt: madeAt.toISOString(),
  };
}
