import type { PrismaClient } from "@maillage/db";
import type PrismaTypes from "@maillage/db/pothos-types";
import { getDatamodel } from "@maillage/db/pothos-types";
import {
  holdsAnyRole,
  type RecordKind,
  type RoleName,
  readsOwn,
  workingRoles,
  writesOwn,
} from "@maillage/domain";
import SchemaBuilder from "@pothos/core";
import ErrorsPlugin from "@pothos/plugin-errors";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import { auditPersonFileReads } from "./access/audit-reads.ts";
import type { Context, SignedInContext } from "./context.ts";
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
  };
  AuthContexts: {
    signedIn: SignedInContext;
  };
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    Date: { Input: Date; Output: Date };
    ID: { Input: string; Output: string };
  };
}>({
  defaultFieldNullability: false,
  plugins: [ScopeAuthPlugin, ErrorsPlugin, PrismaPlugin, RelayPlugin],
  scopeAuth: {
    // A refused check looks like "not found" to the caller.
    unauthorizedError: () => new Error("NOT_FOUND"),
    authScopes: (context) => ({
      signedIn: context.viewer !== null,
      role: (role) => context.viewer?.roles.includes(role) ?? false,
      workingRole: holdsAnyRole(context.viewer?.roles ?? [], workingRoles),
      readsOwn: (kind) => context.viewer?.organisationId != null && readsOwn(context.viewer.roles, kind),
      writesOwn: (kind) => context.viewer?.organisationId != null && writesOwn(context.viewer.roles, kind),
    }),
  },
  prisma: {
    // Every Prisma query of a request runs in that request's viewer-scoped transaction.
    client: (context) => context.tx as unknown as PrismaClient,
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    // No page may ask for more than 100 records (default 20).
    maxConnectionSize: 100,
    defaultConnectionSize: 20,
    onUnusedQuery: process.env.NODE_ENV === "production" ? null : "warn",
  },
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    // node(id:) loads through each type's visibility filter (its prismaNode findUnique);
    // a person reached this way is a read of that person's file, audited like person(id:).
    nodeQueryOptions: {
      resolve: async (_root, { id }, context, _info, resolveNode) => {
        const node = await resolveNode(id);
        if (node && id.typename === "Person") await auditPersonFileReads(context, [String(id.id)]);
        return node;
      },
    },
    nodesQueryOptions: {
      resolve: async (_root, { ids }, context, _info, resolveNodes) => {
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
