/**
 * "See as partner": what a partner organisation sees of one of our persons, computed by the
 * same rules — the same GraphQL resolvers, Prisma filters and row-level-security policies —
 * run inside this request's transaction with the viewer set to that partner (an outreach
 * worker there), then restored. Only records owned by the acting organisation are kept, so
 * the preview never shows what the partner holds of its own.
 */
import { recordAuditEvents } from "@maillage/db";
import { type ExecutionResult, execute, parse } from "graphql";
import { readsOwnRecord, visiblePersonWhere } from "../../access/visible-records.ts";
import { builder } from "../../builder.ts";
import type { Context } from "../../context.ts";
import { fieldProblem, NotFoundError } from "../../errors.ts";
import { decodeId } from "../../global-ids.ts";
import { OrganisationNode } from "../organisations/organisations.types.ts";

const previewDocument = parse(`
  query PartnerPreview($id: ID!) {
    person(id: $id) {
      alias birthYear gender languages mayText mayLeaveMessage safeContactNote possiblyMinor legalName
      organisation { id }
      encounters(first: 100) { edges { node { occurredAt channel placeType themes headCount note
        materials { item quantity } organisation { id } } } }
      accompaniments(first: 100) { edges { node { destination plannedAt status outcome note organisation { id } } } }
      nurseVisits(first: 100) { edges { node { plannedStart plannedEnd placeType status
        acts { kind count } clinicalNotes { body } organisation { id } workerOrganisation { id } } } }
      referrals(first: 100) { edges { node { status serviceRequested fromOrganisation { id } } } }
    }
  }
`);

type Row = Record<string, unknown> & { organisation?: { id: string } };
interface Edges {
  edges: { node: Row }[];
}

export interface PartnerPreviewShape {
  organisation: { id: string; name: string; kind: string };
  profile: Row | null;
  encounters: Row[];
  accompaniments: Row[];
  nurseVisits: Row[];
  referrals: Row[];
}

async function setViewerSettings(ctx: Context, organisationId: string | null, roles: string[]) {
  await ctx.tx.$executeRaw`SELECT set_config('app.org_id', ${organisationId ?? ""}, true),
                                  set_config('app.roles', ${`{${roles.join(",")}}`}, true)`;
}

async function runAsPartner(ctx: Context, personId: string, partnerOrganisationId: string) {
  const viewer = ctx.viewer!;
  const partnerRoles = ["OUTREACH_WORKER"];
  const previewContext: Context = {
    ...ctx,
    viewer: { ...viewer, organisationId: partnerOrganisationId, roles: ["OUTREACH_WORKER"] },
    previewing: true,
    auditedPersonReads: new Set(),
    responseCookies: [],
  };
  await setViewerSettings(ctx, partnerOrganisationId, partnerRoles);
  try {
    const { schema } = await import("../../schema.ts");
    return (await execute({
      schema,
      document: previewDocument,
      contextValue: previewContext,
      variableValues: { id: personId },
    })) as ExecutionResult<{ person: (Row & Record<string, Edges>) | null }>;
  } finally {
    await setViewerSettings(ctx, viewer.organisationId, viewer.roles);
  }
}

const PreviewRecord = builder.objectRef<Row>("PartnerPreviewRecord").implement({
  description: "One record as the partner would see it (fields it may not see are null).",
  fields: (t) => ({
    json: t.string({
      description: "The record's visible fields, as JSON.",
      resolve: (row) => {
        const { organisation: _owner, workerOrganisation: _worker, fromOrganisation: _from, ...rest } = row;
        return JSON.stringify(rest);
      },
    }),
  }),
});

const PartnerPreviewRef = builder.objectRef<PartnerPreviewShape>("PartnerPreview").implement({
  fields: (t) => ({
    organisation: t.field({ type: OrganisationNode, resolve: (p) => p.organisation as never }),
    sees: t.boolean({
      description: "Whether the partner sees the person at all.",
      resolve: (p) => p.profile !== null,
    }),
    profile: t.field({ type: PreviewRecord, nullable: true, resolve: (p) => p.profile }),
    encounters: t.field({ type: [PreviewRecord], resolve: (p) => p.encounters }),
    accompaniments: t.field({ type: [PreviewRecord], resolve: (p) => p.accompaniments }),
    nurseVisits: t.field({ type: [PreviewRecord], resolve: (p) => p.nurseVisits }),
    referrals: t.field({ type: [PreviewRecord], resolve: (p) => p.referrals }),
  }),
});

builder.queryField("personAsSeenBy", (t) =>
  t.field({
    type: PartnerPreviewRef,
    description: "What a partner organisation sees of one of the acting organisation's persons.",
    authScopes: { writesOwn: "PERSON_PROFILE" },
    args: {
      personId: t.arg.id({ required: true }),
      organisationId: t.arg.id({ required: true }),
    },
    errors: {
      types: [NotFoundError],
      result: { name: "PersonAsSeenBySuccess" },
      union: { name: "PersonAsSeenByResult" },
      dataField: { name: "preview" },
    },
    resolve: async (_root, args, ctx) => {
      const viewer = ctx.viewer!;
      const personId = decodeId(args.personId, "Person");
      const person = personId
        ? await ctx.tx.person.findFirst({
            where: {
              id: personId,
              organisationId: viewer.organisationId!,
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
      const result = await runAsPartner(ctx, args.personId, organisation.id);
      if (result.errors?.length) throw result.errors[0];
      const seen = result.data?.person ?? null;
      const owned = (rows: Edges | undefined, key: "organisation" | "fromOrganisation" = "organisation") =>
        (rows?.edges ?? [])
          .map((edge) => edge.node)
          .filter((node) => {
            const owner = (node[key] as { id: string } | undefined)?.id;
            return owner !== undefined && decodeId(owner, "Organisation") === person.organisationId;
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
      if (!seen) {
        return {
          organisation,
          profile: null,
          encounters: [],
          accompaniments: [],
          nurseVisits: [],
          referrals: [],
        };
      }
      const { encounters, accompaniments, nurseVisits, referrals, ...profile } = seen;
      return {
        organisation,
        profile,
        encounters: owned(encounters as Edges),
        accompaniments: owned(accompaniments as Edges),
        nurseVisits: owned(nurseVisits as Edges),
        referrals: owned(referrals as Edges, "fromOrganisation"),
      };
    },
  }),
);
