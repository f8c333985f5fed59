import type { PrismaClient } from "@maillage/db";
import type PrismaTypes from "@maillage/db/pothos-types";
import { getDatamodel } from "@maillage/db/pothos-types";
import {
  holdsAnyRole,
  type OrganisationAction,
  type RecordKind,
  type RoleName,
  readsOwn,
  takesAction,
  workingRoles,
  writesOwn,
} from "@maillage/domain";
import SchemaBuilder from "@pothos/core";
import ComplexityPlugin from "@pothos/plugin-complexity";
import DataloaderPlugin from "@pothos/plugin-dataloader";
import ErrorsPlugin from "@pothos/plugin-errors";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import { auditPersonFileReads } from "./access/audit-reads.ts";
import type { ActingContext, Context, SignedInContext } from "./context.ts";
import { NotFoundError, SessionEndedError } from "./errors.ts";
import { decodeNodeGlobalId } from "./global-ids.ts";
import { fieldCost, pageSizes } from "./graphql-limits.ts";
import { sessionEnded } from "./modules/auth/session-cookie.ts";
import MutationOutcomePlugin from "./mutation-outcome-plugin.ts";
import { dateScalar, dateTimeScalar } from "./scalars.ts";

/**
 * The one Pothos builder: configuration only. Scope-auth comes first so authorization runs
 * before any other plugin's resolver wrapping.
 *
 * Scopes (the permission registry, each checked once per request and parameter):
 * - `signedIn`: a valid session.
 * - `role`: holds this role in the acting organisation.
 * - `workingRole`: outreach worker, nurse or coordinator of the acting organisation (an org
 *   admin alone, or a committee member, works with no person's file).
 * - `takesAction`: holds a role that takes this action on the acting organisation itself
 *   (packages/domain organisation-actions.ts).
 * - `committeeSeat`: sits on the follow-up committee of this partnership (a raw id).
 */
export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: {
    signedIn: boolean;
    role: RoleName;
    workingRole: boolean;
    /** Holds a role that reads this kind of record of the acting organisation (registry). */
    readsOwn: RecordKind;
    /** Holds a role that writes this kind of record for the acting organisation (registry). */
    writesOwn: RecordKind;
    /** Holds a role that takes this action on the acting organisation (registry). */
    takesAction: OrganisationAction;
    /** Sits on this partnership's follow-up committee (the partnership's database id). */
    committeeSeat: string;
  };
  // What each scope guarantees to the resolvers behind it (t.withAuth, t.authField).
  AuthContexts: {
    signedIn: SignedInContext;
    role: ActingContext;
    workingRole: ActingContext;
    readsOwn: ActingContext;
    writesOwn: ActingContext;
    takesAction: ActingContext;
    committeeSeat: SignedInContext;
  };
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    Date: { Input: Date; Output: Date };
    ID: { Input: string; Output: string };
  };
}>({
  defaultFieldNullability: false,
  // The mutation-outcome plugin sits inside the errors plugin, where a typed error is still an error.
  // The dataloader plugin batches `t.loadable` fields (access/person-loader.ts, persons/person-lists.ts).
  plugins: [
    ScopeAuthPlugin,
    ErrorsPlugin,
    MutationOutcomePlugin,
    DataloaderPlugin,
    PrismaPlugin,
    RelayPlugin,
    ComplexityPlugin,
  ],
  // Each field's cost, for the operation limits checked before a request's SQL (graphql-limits.ts);
  // no limit here, so the plugin adds nothing at execution.
  complexity: { fieldComplexity: fieldCost },
  scopeAuth: {
    // A refused check looks like "not found" to the caller (masked by class in http/error-masking.ts).
    // An ended session's cookie (expired, ended by an admin) is told so: UNAUTHENTICATED.
    unauthorizedError: (_parent, context) =>
      sessionEnded(context.sessionToken, context.viewer)
        ? new SessionEndedError(context.locale)
        : new NotFoundError(context.locale),
    authScopes: (context) => ({
      signedIn: context.viewer !== null,
      // Roles are held in the acting organisation: none without one (app.begin_request).
      role: (role) => context.viewer?.organisationId != null && context.viewer.roles.includes(role),
      workingRole: context.viewer?.organisationId != null && holdsAnyRole(context.viewer.roles, workingRoles),
      readsOwn: (kind) => context.viewer?.organisationId != null && readsOwn(context.viewer.roles, kind),
      writesOwn: (kind) => context.viewer?.organisationId != null && writesOwn(context.viewer.roles, kind),
      takesAction: (action) =>
        context.viewer?.organisationId != null && takesAction(context.viewer.roles, action),
      committeeSeat: (partnershipId) =>
        context.viewer?.committeePartnershipIds.includes(partnershipId) ?? false,
    }),
  },
  prisma: {
    // Every Prisma query of a request runs in that request's viewer-scoped transaction.
    client: (context) => context.tx as unknown as PrismaClient,
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    // No page may ask for more than 100 records (default 20).
    maxConnectionSize: pageSizes.max,
    defaultConnectionSize: pageSizes.default,
    onUnusedQuery: process.env.NODE_ENV === "production" ? null : "warn",
  },
  relay: {
    // A malformed global id names nothing: not found, exactly like a record the viewer may not see.
    decodeGlobalID: (globalID, context) => {
      const decoded = decodeNodeGlobalId(globalID);
      if (!decoded) throw new NotFoundError(context.locale);
      return decoded;
    },
    clientMutationId: "omit",
    cursorType: "String",
    // node(id:) loads through each type's visibility filter (its prismaNode findUnique);
    // a person reached this way is a read of that person's file, audited like person(id:).
    nodeQueryOptions: {
      resolve: async (_root, { id }, context, _info, resolveNode) => {
        if (sessionEnded(context.sessionToken, context.viewer)) throw new SessionEndedError(context.locale);
        const node = await resolveNode(id);
        if (node && id.typename === "Person") await auditPersonFileReads(context, [String(id.id)]);
        return node;
      },
    },
    nodesQueryOptions: {
      resolve: async (_root, { ids }, context, _info, resolveNodes) => {
        if (sessionEnded(context.sessionToken, context.viewer)) throw new SessionEndedError(context.locale);
        const nodes = await resolveNodes(ids);
        const persons = ids.filter((id, index) => id.typename === "Person" && nodes[index]);
        await auditPersonFileReads(
          context,
          persons.map((id) => String(id.id)),
        );
        return nodes;
      },
    },
  },
  errors: {
    defaultTypes: [],
  },
});

builder.addScalarType("DateTime", dateTimeScalar);
builder.addScalarType("Date", dateScalar);
builder.queryType({});
builder.mutationType({});
