/**
 * The delivery request form: the API's input (@maillage/domain/inputs requestMaterialDelivery)
 * as the phone holds it — who (anonymous or a picked person), a quantity per catalogue item, the
 * window and place as typed, the kind of place, who brings it — and how it becomes the input sent.
 */
import {
  ageBracket,
  catalogueCode,
  gender,
  requestMaterialDeliveryInput,
  transitionMaterialDeliveryInput,
} from "@maillage/domain/inputs";
import type { Path } from "react-hook-form";
import { z } from "zod";
import type {
  DeliveryStatus,
  PlaceType,
  RequestMaterialDeliveryInput,
  TransitionMaterialDeliveryInput,
} from "../../generated/graphql.ts";
import { pickedPerson } from "../encounters/PersonPicker.tsx";

const input = requestMaterialDeliveryInput.shape;

/** Where a delivery is brought, as the form offers it (a public place unless said otherwise). */
export const deliveryPlaceTypes = [
  "PUBLIC_PLACE",
  "HOME",
  "WORKPLACE",
  "OTHER",
] as const satisfies readonly PlaceType[];

export const deliveryForm = z
  .object({
    contact: z.enum(["ANONYMOUS", "PERSON"]),
    person: pickedPerson.nullable(),
    gender,
    ageBracket,
    // Taps on a stepper per catalogue item; the API takes the items asked for, each once.
    quantities: z.record(catalogueCode, z.number().int().min(0)),
    timeWindow: input.timeWindow,
    place: input.place,
    placeType: z.enum(deliveryPlaceTypes),
    assignedToId: z.string().min(1),
  })
  .superRefine((form, context) => {
    if (form.contact === "PERSON" && form.person === null) {
      context.addIssue({ code: "invalid_type", expected: "object", input: null, path: ["person"] });
    }
    // No item asked for yet: the items are missing (REQUIRED), as the hint says.
    if (!Object.values(form.quantities).some((quantity) => quantity > 0)) {
      context.addIssue({ code: "invalid_type", expected: "array", input: null, path: ["quantities"] });
    }
  });

export type DeliveryFormValues = z.input<typeof deliveryForm>;
export type DeliveryFormOutput = z.output<typeof deliveryForm>;

export function newDeliveryValues(assignedToId: string): DeliveryFormValues {
  return {
    contact: "ANONYMOUS",
    person: null,
    gender: "UNDISCLOSED",
    ageBracket: "UNKNOWN",
    quantities: {},
    timeWindow: "",
    place: "",
    placeType: "PUBLIC_PLACE",
    assignedToId,
  };
}

/** What is sent: the person or the anonymous contact, the items asked for in the catalogue's order. */
export function deliveryInput(
  values: DeliveryFormOutput,
  order: readonly string[],
): RequestMaterialDeliveryInput {
  const items = Object.entries(values.quantities)
    .filter(([, quantity]) => quantity > 0)
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([item, quantity]) => ({ item, quantity }));
  const who =
    values.contact === "PERSON" && values.person
      ? { personId: values.person.id, anonymous: null }
      : { personId: null, anonymous: { gender: values.gender, ageBracket: values.ageBracket } };
  return {
    ...who,
    items,
    timeWindow: values.timeWindow || null,
    place: values.place || null,
    placeType: values.placeType,
    assignedToId: values.assignedToId,
  };
}

/** The form field an API problem's path points at. */
export function deliveryFieldOf(path: string): Path<DeliveryFormValues> | null {
  const [head] = path.split(".");
  switch (head) {
    case "personId":
      return "person";
    case "items":
      return "quantities";
    case "timeWindow":
    case "place":
    case "placeType":
    case "assignedToId":
      return head;
    default:
      return null;
  }
}

/** One step of a delivery as the queue sends it: the version seen, and when it was tapped. */
export function transitionInput(
  delivery: { id: string; version: number },
  to: DeliveryStatus,
  madeAt: Date,
): TransitionMaterialDeliveryInput {
  const sent = { deliveryId: delivery.id, to, expectedVersion: delivery.version, at: madeAt.toISOString() };
  // The API's own rule, checked before it is kept on the phone.
  transitionMaterialDeliveryInput.parse({ ...sent, at: madeAt });
  return sent;
}
