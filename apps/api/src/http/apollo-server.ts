// Apollo Server as Maillage runs it: the schema, its limits, error masking and the plugins that
// guard an operation and make it atomic.
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import type { Context } from "../context.ts";
import { queriesAndMutationsOnly } from "../graphql-limits.ts";
import { schema } from "../schema.ts";
import { atomicOperation } from "./atomic-operation.ts";
import { formatError, type UnexpectedErrorLog } from "./error-masking.ts";
import { requestGuards } from "./request-guards.ts";

export function createApolloServer(options: { production: boolean; log: UnexpectedErrorLog }) {
  return new ApolloServer<Context>({
    schema,
    introspection: !options.production,
    csrfPrevention: true,
    // main.ts stops the server itself on SIGTERM and SIGINT, after the requests in flight (Apollo's
    // own handler would stop it and re-raise the signal first).
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    // The operation limits are checked before the request's transaction (graphql-handler.ts).
    validationRules: [queriesAndMutationsOnly],
    // No automatic persisted queries: a document registered by hash would skip those limits.
    persistedQueries: false,
    formatError: (formatted, error) => formatError(formatted, error, options.log),
    plugins: [
      // We send no cache hints (answers are no-store); the default cache-control plugin would
      // wrap every field resolver to collect them (8 % of the CPU of a caseload page).
      ApolloServerPluginCacheControlDisabled(),
      requestGuards,
      atomicOperation,
    ],
  });
}
