/**
 * Material delivery requests (the confidential line): items asked for, who brings them, where it
 * stands and its history. The owning organisation's outreach workers and coordinators only
 * (registry kinds MATERIAL_DELIVERY and MATERIAL_DELIVERY_PLACE; RLS migration
 * 20261202065000_material_deliveries); never a partner, never a committee.
 */
import { DeliveryStatus } from "@maillage/db";
import { deliveryIsOpen } from "@maillage/domain";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { visiblePersonLoad } from "../../access/person-loader.ts";
import { readsOwnRecord, visibleMaterialDeliveryWhere } from "../../access/visible-records.ts";
import { builder } from "../../builder.ts";
import type { Context } from "../../context.ts";
import { entryLabel } from "../catalogues/catalogues.ts";
import { AgeBracketEnum, PlaceTypeEnum } from "../encounters/encounters.types.ts";
import { GenderEnum, PersonNode } from "../persons/persons.types.ts";

export const DeliveryStatusEnum = builder.enumType(DeliveryStatus, { name: "DeliveryStatus" });

const MaterialDeliveryItemRef = builder.prismaObject("MaterialDeliveryItem", {
  fields: (t) => ({
    item: t.exposeString("item", { description: "The code of the organisation's catalogue entry." }),
    label: t.string({
      select: { entry: { select: { labelFr: true, labelEn: true } } },
      resolve: (row, _args, ctx) => entryLabel(row.entry, ctx.locale),
    }),
    quantity: t.exposeInt("quantity"),
  }),
});

interface TransitionShape {
  fromStatus: DeliveryStatus | null;
  toStatus: DeliveryStatus;
  at: Date;
  byUserId: string;
  byName: string | null;
}

const MaterialDeliveryTransitionRef = builder
  .objectRef<TransitionShape>("MaterialDeliveryTransition")
  .implement({
    description: "A step of a delivery: from which status to which, when and by whom.",
    fields: (t) => ({
      fromStatus: t.field({ type: DeliveryStatusEnum, nullable: true, resolve: (step) => step.fromStatus }),
      toStatus: t.field({ type: DeliveryStatusEnum, resolve: (step) => step.toStatus }),
      at: t.field({ type: "DateTime", resolve: (step) => step.at }),
      byName: t.string({
        nullable: true,
        description: "The member who made the step (null once her name cannot be read).",
        resolve: (step) => step.byName,
      }),
    }),
  });

/**
 * The steps of each delivery of a page in two statements (Pothos' dataloader): the transitions,
 * then their members' names, as far as RLS lets the viewer read them.
 */
async function loadTransitions(
  ids: readonly string[],
  ctx: Pick<Context, "tx">,
): Promise<TransitionShape[][]> {
  const steps = await ctx.tx.materialDeliveryTransition.findMany({
    where: { deliveryId: { in: [...ids] } },
    orderBy: [{ at: "asc" }, { id: "asc" }],
  });
  const users = await ctx.tx.user.findMany({
    where: { id: { in: [...new Set(steps.map((step) => step.byUserId))] } },
    select: { id: true, displayName: true },
  });
  const names = new Map(users.map((user) => [user.id, user.displayName]));
  return ids.map((id) =>
    steps
      .filter((step) => step.deliveryId === id)
      .map((step) => ({ ...step, byName: names.get(step.byUserId) ?? null })),
  );
}

export const MaterialDeliveryNode = builder.prismaNode("MaterialDelivery", {
  id: { field: "id" },
  authScopes: { readsOwn: "MATERIAL_DELIVERY" },
  findUnique: (id, ctx) => ({ id, AND: [visibleMaterialDeliveryWhere(ctx.viewer)] }),
  fields: (t) => ({
    status: t.expose("status", { type: DeliveryStatusEnum }),
    open: t.boolean({
      description: "Requested or scheduled: still to be done.",
      resolve: (delivery) => deliveryIsOpen(delivery.status),
    }),
    version: t.exposeInt("version", {
      description: "Give it back with a transition: a concurrent change is refused.",
    }),
    placeType: t.expose("placeType", { type: PlaceTypeEnum }),
    person: t.loadable({
      type: PersonNode,
      nullable: true,
      description: "The person, when the request is not anonymous.",
      ...visiblePersonLoad,
      resolve: (delivery) => delivery.personId,
    }),
    anonymousGender: t.expose("anonymousGender", { type: GenderEnum, nullable: true }),
    anonymousAgeBracket: t.expose("anonymousAgeBracket", { type: AgeBracketEnum, nullable: true }),
    // In the catalogue's order, then by code: without an ORDER BY the database may answer in any order.
    items: t.relation("items", {
      type: MaterialDeliveryItemRef,
      query: { orderBy: [{ entry: { position: "asc" } }, { item: "asc" }] },
    }),
    timeWindow: t.string({
      nullable: true,
      description: "When, in the person's words. Organisation-private.",
      select: { place: { select: { timeWindow: true } } },
      authScopes: (delivery, _args, ctx) =>
        readsOwnRecord(ctx.viewer, "MATERIAL_DELIVERY_PLACE", delivery.organisationId),
      unauthorizedResolver: () => null,
      resolve: (delivery) => delivery.place?.timeWindow ?? null,
    }),
    place: t.string({
      nullable: true,
      description: "Where, discreetly. Organisation-private.",
      select: { place: { select: { place: true } } },
      authScopes: (delivery, _args, ctx) =>
        readsOwnRecord(ctx.viewer, "MATERIAL_DELIVERY_PLACE", delivery.organisationId),
      unauthorizedResolver: () => null,
      resolve: (delivery) => delivery.place?.place ?? null,
    }),
    assignedToId: t.id({
      description: "The member who brings it (her user id, as deliveryAssignees gives it).",
      resolve: (delivery) => delivery.assignedToId,
    }),
    assignedToName: t.string({
      select: { assignedTo: { select: { displayName: true } } },
      resolve: (delivery) => delivery.assignedTo.displayName,
    }),
    assignedToViewer: t.boolean({
      resolve: (delivery, _args, ctx) => delivery.assignedToId === ctx.viewer?.userId,
    }),
    encounterId: t.id({
      nullable: true,
      description: "The encounter its items were handed out in, once delivered.",
      resolve: (delivery) =>
        delivery.encounterId ? encodeGlobalID("Encounter", delivery.encounterId) : null,
    }),
    transitions: t.loadableList({
      type: MaterialDeliveryTransitionRef,
      description: "Every step, the request first, with who and when.",
      load: (ids: string[], ctx) => loadTransitions(ids, ctx),
      loaderOptions: { batchScheduleFn: (run: () => void) => setImmediate(run) },
      resolve: (delivery) => delivery.id,
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});
