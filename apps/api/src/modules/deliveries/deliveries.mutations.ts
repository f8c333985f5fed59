/**
 * Logging a delivery request and moving it along (packages/domain deliveries.ts). Delivering
 * creates the one encounter whose materials are the items handed out, in the same transaction as
 * the step: the stock (material-stock.ts) counts encounters' materials, so it decreases once. A
 * second DELIVERED — repeated, or raced by a colleague — names a version or a status that is no
 * longer the delivery's and is refused (ConflictError, InvalidTransitionError), its encounter
 * rolled back with it; row-level security refuses to move a closed delivery at all.
 */
import { mayTransitionDelivery, transitionHandsOut } from "@maillage/domain";
import { requestMaterialDeliveryInput, transitionMaterialDeliveryInput } from "@maillage/domain/inputs";
import { ownPersonId, ownRecordOrNotFound } from "../../access/own-records.ts";
import type { ActingContext } from "../../context.ts";
import { ConflictError, fieldProblem, InvalidTransitionError } from "../../errors.ts";
import { defineMutation } from "../../mutations.ts";
import { checkCatalogueCodes } from "../catalogues/catalogues.ts";
import { checkHappenedAt } from "../programme-settings/record-dates.ts";
import { assigneesWhere } from "./deliveries.queries.ts";
import { MaterialDeliveryNode } from "./deliveries.types.ts";

const itemCodes = (items: readonly { item: string }[]) =>
  items.map((entry, index) => ({ path: `items.${index}.item`, code: entry.item, list: "MATERIAL" as const }));

async function assignable(ctx: ActingContext, userId: string): Promise<boolean> {
  return (await ctx.tx.membership.count({ where: assigneesWhere(ctx, userId) })) === 1;
}

defineMutation("requestMaterialDelivery", {
  description:
    "Logs a request for material to be brought (a person of the organisation, or anonymous): the items, a discreet window and place, who brings it (yourself by default).",
  authScopes: { writesOwn: "MATERIAL_DELIVERY" },
  input: requestMaterialDeliveryInput,
  payload: { delivery: MaterialDeliveryNode },
  resolve: async (input, ctx) => {
    const { organisationId, userId } = ctx.viewer;
    const requestedAt = input.requestedAt ?? ctx.now;
    await checkHappenedAt(ctx, "requestedAt", requestedAt);
    const personId = input.personId ? await ownPersonId(ctx, input.personId, "personId") : null;
    const assignedToId = input.assignedToId ?? userId;
    if (!(await assignable(ctx, assignedToId))) throw fieldProblem(ctx.locale, "assignedToId", "NOT_FOUND");
    await checkCatalogueCodes(ctx, itemCodes(input.items));
    const anonymous = personId ? null : (input.anonymous ?? { gender: "UNDISCLOSED", ageBracket: "UNKNOWN" });
    const timeWindow = input.timeWindow || null;
    const place = input.place || null;
    return ctx.tx.materialDelivery.create({
      data: {
        organisationId,
        personId,
        anonymousGender: anonymous?.gender ?? null,
        anonymousAgeBracket: anonymous?.ageBracket ?? null,
        placeType: input.placeType ?? "PUBLIC_PLACE",
        requestedById: userId,
        assignedToId,
        items: { create: input.items.map((entry) => ({ ...entry, organisationId })) },
        ...(timeWindow || place ? { place: { create: { organisationId, timeWindow, place } } } : {}),
        transitions: { create: { organisationId, toStatus: "REQUESTED", byUserId: userId, at: requestedAt } },
      },
    });
  },
});

defineMutation("transitionMaterialDelivery", {
  description:
    "Moves a delivery along: scheduled, delivered (its items are recorded as handed out, once), not reached or cancelled. Every step is kept with who and when.",
  authScopes: { writesOwn: "MATERIAL_DELIVERY" },
  input: transitionMaterialDeliveryInput,
  errors: [InvalidTransitionError, ConflictError],
  payload: { delivery: MaterialDeliveryNode },
  resolve: async (input, ctx) => {
    const { organisationId, userId } = ctx.viewer;
    const delivery = await ownRecordOrNotFound(ctx, "MaterialDelivery", input.deliveryId, (where) =>
      ctx.tx.materialDelivery.findFirst({ where, include: { items: true } }),
    );
    // Someone moved it since the caller looked (or this very step was already made): refuse
    // rather than act on a stale view.
    if (delivery.version !== input.expectedVersion) throw new ConflictError(ctx.locale);
    if (!mayTransitionDelivery(delivery.status, input.to)) {
      throw new InvalidTransitionError(ctx.locale, delivery.status, input.to);
    }
    const handsOut = transitionHandsOut(input.to);
    if (input.items && !handsOut) throw fieldProblem(ctx.locale, "items", "INVALID_VALUE");
    // When it happened: an entry kept on the phone may be sent later than it was made.
    const at = input.at ?? ctx.now;
    await checkHappenedAt(ctx, "at", at);
    // Not before it was asked for (the request's step: now when logged, or the earlier time given).
    const requested = await ctx.tx.materialDeliveryTransition.findFirst({
      where: { deliveryId: delivery.id, toStatus: "REQUESTED" },
      select: { at: true },
    });
    if (at.getTime() < (requested?.at ?? delivery.createdAt).getTime())
      throw fieldProblem(ctx.locale, "at", "BEFORE_START");

    let encounterId: string | null = null;
    if (handsOut) {
      const asked = delivery.items.map(({ item, quantity }) => ({ item, quantity }));
      // An item asked for and retired since may still be handed out; a new one must be in use.
      if (input.items)
        await checkCatalogueCodes(ctx, itemCodes(input.items), new Set(asked.map((a) => a.item)));
      const handedOut = input.items ?? asked;
      const encounter = await ctx.tx.encounter.create({
        data: {
          organisationId,
          personId: delivery.personId,
          authorId: userId,
          // The member it was assigned to went too (or is the one recording it).
          coWorkerIds: delivery.assignedToId === userId ? [] : [delivery.assignedToId],
          occurredAt: at,
          channel: "IN_PERSON",
          placeType: delivery.placeType,
          themes: [],
          anonymousGender: delivery.personId ? null : (delivery.anonymousGender ?? "UNDISCLOSED"),
          anonymousAgeBracket: delivery.personId ? null : (delivery.anonymousAgeBracket ?? "UNKNOWN"),
          headCount: 1,
          materials: { create: handedOut.map((entry) => ({ ...entry, organisationId })) },
        },
        select: { id: true },
      });
      encounterId = encounter.id;
    }
    // Optimistic lock: of two people moving the same delivery, only the first wins (the
    // second's encounter goes with its refused operation).
    const moved = await ctx.tx.materialDelivery.updateMany({
      where: { id: delivery.id, version: input.expectedVersion, status: delivery.status },
      data: { status: input.to, version: { increment: 1 }, ...(encounterId ? { encounterId } : {}) },
    });
    if (moved.count === 0) throw new ConflictError(ctx.locale);
    await ctx.tx.materialDeliveryTransition.createMany({
      data: [
        {
          deliveryId: delivery.id,
          organisationId,
          fromStatus: delivery.status,
          toStatus: input.to,
          byUserId: userId,
          at,
        },
      ],
    });
    return ctx.tx.materialDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
  },
});
