/**
 * "See as partner": what a partner organisation sees of one of the acting organisation's persons
 * (partner-view.ts reads it; partner-preview.types.ts types it). Audited as the owner's preview,
 * never as a read by the partner; alone in its operation (preview-alone.ts).
 */
import { recordAuditEvents } from "@maillage/db";
import { readsOwnRecord, visiblePersonWhere } from "../../access/visible-records.ts";
import { builder } from "../../builder.ts";
import { fieldProblem, InputValidationError, NotFoundError } from "../../errors.ts";
import { decodeId } from "../../global-ids.ts";
import { PartnerPreviewRef } from "./partner-preview.types.ts";
import { readPartnerView } from "./partner-view.ts";

builder.queryField("personAsSeenBy", (t) =>
  t.withAuth({ writesOwn: "PERSON_PROFILE" }).field({
    type: PartnerPreviewRef,
    description: "What a partner organisation sees of one of the acting organisation's persons.",
    args: {
      personId: t.arg.id({ required: true }),
      organisationId: t.arg.id({ required: true }),
    },
    errors: {
      types: [NotFoundError, InputValidationError],
      result: { name: "PersonAsSeenBySuccess" },
      union: { name: "PersonAsSeenByResult" },
      dataField: { name: "preview" },
    },
    resolve: async (_root, args, ctx) => {
      const viewer = ctx.viewer;
      const personId = decodeId(args.personId, "Person");
      const person = personId
        ? await ctx.tx.person.findFirst({
            where: {
              id: personId,
              organisationId: viewer.organisationId,
              AND: [visiblePersonWhere(viewer, ctx.now)],
            },
            select: { id: true, organisationId: true },
          })
        : null;
      if (!person || !readsOwnRecord(viewer, "PERSON_PROFILE", person.organisationId)) {
        throw new NotFoundError(ctx.locale);
      }
      const organisationId = decodeId(args.organisationId, "Organisation");
      const organisation = organisationId
        ? await ctx.tx.organisation.findUnique({ where: { id: organisationId } })
        : null;
      if (!organisation || organisation.id === viewer.organisationId) {
        throw fieldProblem(ctx.locale, "organisationId", "NOT_A_PARTNER");
      }
      const view = await readPartnerView(ctx.tx, {
        now: ctx.now,
        previewerId: viewer.userId,
        person,
        partnerId: organisation.id,
      });
      await recordAuditEvents(ctx.tx, [
        {
          userId: viewer.userId,
          organisationId: viewer.organisationId,
          action: "PREVIEW_AS_PARTNER",
          recordKind: "PERSON",
          recordId: person.id,
          ip: ctx.origin.ip,
          details: { partnerOrganisationId: organisation.id },
        },
      ]);
      return { organisation, ...view };
    },
  }),
);
