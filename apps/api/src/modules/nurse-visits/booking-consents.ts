import { encodeGlobalID } from "@pothos/plugin-relay";
import { consentCoveringReceiver } from "../../access/consent-checks.ts";
import { visiblePersonWhere } from "../../access/visible-records.ts";
import { builder } from "../../builder.ts";
import { decodeId } from "../../global-ids.ts";
import { OrganisationNode } from "../organisations/organisations.types.ts";
import { partnerNurses } from "./scheduling.ts";

interface BookingConsentShape {
  personId: string;
  organisation: Awaited<ReturnType<typeof partnerNurses>>[number]["organisation"];
  consented: boolean;
}

const JointVisitConsent = builder.objectRef<BookingConsentShape>("JointVisitConsent").implement({
  description: "Whether a person may be booked on a joint visit with a nurse of this organisation.",
  fields: (t) => ({
    personId: t.id({ resolve: (entry) => encodeGlobalID("Person", entry.personId) }),
    organisation: t.field({ type: OrganisationNode, resolve: (entry) => entry.organisation as never }),
    consented: t.boolean({
      description:
        "A consent in force names this organisation (or a partnership of it) for the person's profile: the rule proposeNurseVisit applies.",
      resolve: (entry) => entry.consented,
    }),
  }),
});

/**
 * Asked before any free time is offered (issue 14): the booking page shows "record a consent"
 * instead of times a proposal would be refused for. The same check as proposeNurseVisit
 * (consentCoveringReceiver), for each of the viewer's organisation's persons named and each
 * partner public-health organisation that has nurses; a person the viewer may not book (another
 * organisation's, hidden, malformed id) is left out, as not found.
 */
builder.queryField("jointVisitConsents", (t) =>
  t.withAuth({ writesOwn: "NURSE_VISIT" }).field({
    type: [JointVisitConsent],
    args: { personIds: t.arg.idList({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const ids = args.personIds
        .slice(0, 6)
        .map((globalId) => decodeId(String(globalId), "Person"))
        .filter((id): id is string => id !== null);
      const persons = await ctx.tx.person.findMany({
        where: {
          id: { in: ids },
          organisationId: ctx.viewer.organisationId,
          AND: [visiblePersonWhere(ctx.viewer, ctx.now)],
        },
        select: { id: true },
      });
      const organisations = new Map(
        (await partnerNurses(ctx))
          .filter((nurse) => nurse.user.id !== ctx.viewer.userId)
          .map((nurse) => [nurse.organisation.id, nurse.organisation]),
      );
      const entries: BookingConsentShape[] = [];
      // In the order asked, so the page can say which person lacks a consent.
      for (const id of ids) {
        if (!persons.some((person) => person.id === id)) continue;
        for (const organisation of organisations.values()) {
          const consent = await consentCoveringReceiver(ctx, id, organisation.id);
          entries.push({ personId: id, organisation, consented: consent !== null });
        }
      }
      return entries;
    },
  }),
);
