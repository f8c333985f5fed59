import { AccompanimentDestination, AccompanimentStatus } from "@maillage/db";
import { isLateEntry } from "@maillage/domain";
import { visiblePersonLoad } from "../../access/person-loader.ts";
import { readsOwnRecord, visibleAccompanimentWhere } from "../../access/visible-records.ts";
import { builder } from "../../builder.ts";
import { PersonNode } from "../persons/persons.types.ts";

export const AccompanimentDestinationEnum = builder.enumType(AccompanimentDestination, {
  name: "AccompanimentDestination",
});
export const AccompanimentStatusEnum = builder.enumType(AccompanimentStatus, {
  name: "AccompanimentStatus",
});

/**
 * An accompaniment: the owner's workers and coordinators; consented partners without its free
 * text (the note and the outcome).
 */
export const AccompanimentNode = builder.prismaNode("Accompaniment", {
  id: { field: "id" },
  authScopes: { workingRole: true },
  findUnique: (id, ctx) => ({ id, AND: [visibleAccompanimentWhere(ctx.viewer, ctx.now)] }),
  fields: (t) => ({
    destination: t.expose("destination", { type: AccompanimentDestinationEnum }),
    plannedAt: t.expose("plannedAt", { type: "DateTime" }),
    enteredAt: t.field({
      type: "DateTime",
      nullable: true,
      description: "When it was entered in Maillage (its organisation's members only; a partner reads null).",
      resolve: (accompaniment, _args, ctx) =>
        ctx.viewer?.organisationId === accompaniment.organisationId ? accompaniment.createdAt : null,
    }),
    lateEntry: t.boolean({
      description: "Entered more than 3 days after its date (one done, written up late; a plan never is).",
      resolve: (accompaniment) => isLateEntry(accompaniment.plannedAt, accompaniment.createdAt),
    }),
    status: t.expose("status", { type: AccompanimentStatusEnum }),
    outcome: t.string({
      nullable: true,
      description:
        "Free text: read like the note, by the owner's workers and coordinators only, never a consented partner.",
      select: { outcome: { select: { body: true } } },
      authScopes: (accompaniment, _args, ctx) =>
        readsOwnRecord(ctx.viewer, "ACCOMPANIMENT_NOTE", accompaniment.organisationId),
      unauthorizedResolver: () => null,
      resolve: (accompaniment) => accompaniment.outcome?.body ?? null,
    }),
    closedAt: t.expose("closedAt", { type: "DateTime", nullable: true }),
    organisation: t.relation("organisation"),
    partnerOrganisation: t.prismaField({
      type: "Organisation",
      nullable: true,
      resolve: (query, accompaniment, _args, ctx) =>
        accompaniment.partnerOrganisationId
          ? ctx.tx.organisation.findUnique({ ...query, where: { id: accompaniment.partnerOrganisationId } })
          : null,
    }),
    person: t.loadable({
      type: PersonNode,
      nullable: true,
      ...visiblePersonLoad,
      resolve: (accompaniment) => accompaniment.personId,
    }),
    note: t.string({
      nullable: true,
      select: { note: { select: { body: true } } },
      authScopes: (accompaniment, _args, ctx) =>
        readsOwnRecord(ctx.viewer, "ACCOMPANIMENT_NOTE", accompaniment.organisationId),
      unauthorizedResolver: () => null,
      resolve: (accompaniment) => accompaniment.note?.body ?? null,
    }),
  }),
});
