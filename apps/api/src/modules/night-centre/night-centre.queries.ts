/** What the night-centre screen reads: the evenings, and what opening one offers to choose from. */
import { type Prisma, VenueKind } from "@maillage/db";
import { visibleNightCentreEveningWhere, visibleVenueWhere } from "../../access/visible-records.ts";
import { builder } from "../../builder.ts";
import type { ActingContext } from "../../context.ts";
import { decodeId } from "../../global-ids.ts";
import { EveningStaffMember, NightCentreEveningNode } from "./night-centre.types.ts";

builder.queryField("nightCentreEvenings", (t) =>
  t.withAuth({ readsOwn: "NIGHT_CENTRE_EVENING" }).prismaConnection({
    type: NightCentreEveningNode,
    cursor: "id",
    description: "The acting organisation's evenings, the latest first; the open ones only on request.",
    args: {
      centreId: t.arg.id({ required: false, description: "One night centre's (a Venue)." }),
      open: t.arg.boolean({ required: false, description: "True: open only; false: closed only." }),
    },
    resolve: (query, _root, args, ctx) => {
      const venueId = args.centreId
        ? (decodeId(args.centreId, "Venue") ?? "00000000-0000-0000-0000-000000000000")
        : null;
      return ctx.tx.nightCentreEvening.findMany({
        ...query,
        where: {
          AND: [visibleNightCentreEveningWhere(ctx.viewer)],
          ...(venueId ? { venueId } : {}),
          ...(args.open === true
            ? { closedAt: null }
            : args.open === false
              ? { closedAt: { not: null } }
              : {}),
        },
        orderBy: [{ eveningOn: "desc" }, { openedAt: "desc" }, { id: "desc" }],
      });
    },
  }),
);

/** The members who may be named on duty: the organisation's active members. */
export function staffCandidatesWhere(organisationId: string): Prisma.MembershipWhereInput {
  return { organisationId, endedAt: null, user: { disabledAt: null } };
}

interface ChoicesShape {
  organisationId: string;
}

const NightCentreChoices = builder.objectRef<ChoicesShape>("NightCentreChoices").implement({
  description: "What opening an evening offers to choose from.",
  fields: (t) => ({
    centres: t.prismaField({
      type: ["Venue"],
      description: "The organisation's night centres still covered (not archived).",
      resolve: (query, _choices, _args, ctx) =>
        ctx.tx.venue.findMany({
          ...query,
          where: { kind: VenueKind.NIGHT_CENTRE, archivedAt: null, AND: [visibleVenueWhere(ctx.viewer)] },
          orderBy: [{ name: "asc" }, { id: "asc" }],
        }),
    }),
    staff: t.field({
      type: [EveningStaffMember],
      description: "The organisation's active members, by name.",
      resolve: async (choices, _args, ctx) => {
        const members = await ctx.tx.membership.findMany({
          where: staffCandidatesWhere(choices.organisationId),
          select: { user: { select: { id: true, displayName: true } } },
          orderBy: [{ user: { displayName: "asc" } }, { userId: "asc" }],
        });
        return members.map((member) => member.user);
      },
    }),
    partnerOrganisations: t.prismaField({
      type: ["Organisation"],
      description: "The member organisations of the acting organisation's partnerships (itself left out).",
      resolve: (query, choices, _args, ctx) =>
        ctx.tx.organisation.findMany({
          ...query,
          where: {
            id: { not: choices.organisationId },
            partnerships: {
              some: { partnership: { members: { some: { organisationId: choices.organisationId } } } },
            },
          },
          orderBy: [{ name: "asc" }, { id: "asc" }],
        }),
    }),
  }),
});

builder.queryField("nightCentreChoices", (t) =>
  t.withAuth({ writesOwn: "NIGHT_CENTRE_EVENING" }).field({
    type: NightCentreChoices,
    resolve: (_root, _args, ctx: ActingContext) => ({ organisationId: ctx.viewer.organisationId }),
  }),
);
