/**
 * Recording, changing and removing a workshop or kiosk of the acting organisation (its working
 * roles, registry kind WORKSHOP). Changes and removals are audited: the figures a funder reads
 * come from these rows.
 */
import { deleteWorkshopInput, recordWorkshopInput, updateWorkshopInput } from "@maillage/domain/inputs";
import type { z } from "zod";
import { auditViewerAction } from "../../access/audit-writes.ts";
import { ownRecordOrNotFound } from "../../access/own-records.ts";
import { builder } from "../../builder.ts";
import type { ActingContext } from "../../context.ts";
import { fieldProblem } from "../../errors.ts";
import { defineMutation } from "../../mutations.ts";
import { checkHappenedOn, dateCorrections } from "../programme-settings/record-dates.ts";
import { facilitatorCandidatesWhere, WorkshopNode } from "./workshops.types.ts";

type WorkshopInput = z.output<typeof recordWorkshopInput>;

/**
 * Checks the day and the facilitators; returns the columns to write. A facilitator is an active
 * member holding a role that keeps workshops — or, when a workshop is changed, one it already
 * names (she may have left since).
 */
async function workshopColumns(
  ctx: ActingContext,
  input: WorkshopInput,
  alreadyNamed: readonly string[] = [],
) {
  // Held: from the organisation's start date to today in its zone.
  await checkHappenedOn(ctx, "heldOn", input.heldOn);
  const facilitatorIds = [...new Set(input.facilitatorIds.map((id) => id.toLowerCase()))];
  const newcomers = facilitatorIds.filter((id) => !alreadyNamed.includes(id));
  if (newcomers.length > 0) {
    const members = await ctx.tx.membership.count({
      where: { ...facilitatorCandidatesWhere(ctx.viewer.organisationId), userId: { in: newcomers } },
    });
    if (members !== newcomers.length) throw fieldProblem(ctx.locale, "facilitatorIds", "NOT_FOUND");
  }
  return {
    kind: input.kind,
    topic: input.topic,
    audience: input.audience,
    place: input.place,
    heldOn: input.heldOn,
    durationMinutes: input.durationMinutes ?? null,
    participants: input.participants,
    requestedBy: input.requestedBy,
    facilitatorIds,
  };
}

defineMutation("recordWorkshop", {
  description:
    "A workshop or a prevention kiosk the acting organisation held: how many took part, never who.",
  authScopes: { writesOwn: "WORKSHOP" },
  input: recordWorkshopInput,
  payload: { workshop: WorkshopNode },
  resolve: async (input, ctx) => {
    const { organisationId, userId } = ctx.viewer;
    const columns = await workshopColumns(ctx, input);
    return ctx.tx.workshop.create({
      data: {
        ...columns,
        organisationId,
        recordedById: userId,
        ...(input.note ? { note: { create: { organisationId, body: input.note } } } : {}),
      },
    });
  },
});

/** A workshop of the acting organisation the viewer sees, or not found. */
function ownWorkshop(ctx: ActingContext, id: string) {
  return ownRecordOrNotFound(ctx, "Workshop", id, (where) =>
    ctx.tx.workshop.findFirst({
      where,
      select: { id: true, organisationId: true, facilitatorIds: true, heldOn: true },
    }),
  );
}

defineMutation("updateWorkshop", {
  description: "Changes a workshop of the acting organisation (every field, the note too). Audited.",
  authScopes: { writesOwn: "WORKSHOP" },
  input: updateWorkshopInput,
  payload: { workshop: WorkshopNode },
  resolve: async ({ id, ...input }, ctx) => {
    const workshop = await ownWorkshop(ctx, id);
    const columns = await workshopColumns(ctx, input, workshop.facilitatorIds);
    const { organisationId } = workshop;
    const updated = await ctx.tx.workshop.update({
      where: { id: workshop.id },
      data: {
        ...columns,
        note: input.note
          ? { upsert: { create: { organisationId, body: input.note }, update: { body: input.note } } }
          : { delete: await hasNote(ctx, workshop.id) },
      },
    });
    // A corrected day is kept with the event, before and after.
    const corrected = dateCorrections({
      heldOn: { from: { day: workshop.heldOn }, to: { day: columns.heldOn } },
    });
    await auditViewerAction(ctx, {
      action: "WORKSHOP_UPDATED",
      recordKind: "WORKSHOP",
      recordId: workshop.id,
      ...(corrected ? { details: { dates: corrected } } : {}),
    });
    return updated;
  },
});

/** Prisma's nested `delete` of a to-one relation fails when there is none: only when there is one. */
async function hasNote(ctx: ActingContext, workshopId: string): Promise<boolean> {
  return (await ctx.tx.workshopNote.count({ where: { workshopId } })) > 0;
}

const DeleteWorkshopSuccess = builder.objectRef<{ deletedId: string }>("DeleteWorkshopSuccess").implement({
  fields: (t) => ({ deletedId: t.exposeID("deletedId") }),
});

defineMutation("deleteWorkshop", {
  description: "Removes a workshop recorded by mistake (and its note): it leaves the indicators. Audited.",
  authScopes: { writesOwn: "WORKSHOP" },
  input: deleteWorkshopInput,
  type: DeleteWorkshopSuccess,
  resolve: async (input, ctx) => {
    const workshop = await ownWorkshop(ctx, input.id);
    await ctx.tx.workshop.delete({ where: { id: workshop.id } });
    await auditViewerAction(ctx, {
      action: "WORKSHOP_DELETED",
      recordKind: "WORKSHOP",
      recordId: workshop.id,
    });
    return { deletedId: input.id };
  },
});
