/**
 * A Pothos plugin that records how each root mutation field ends in the request's
 * OperationOutcome, so that one failed field voids the whole operation (http/atomic-operation.ts).
 *
 * It sits inside the errors plugin (after it in builder.ts's list): there it sees a typed error
 * as the AppError thrown (or returned) by the resolver, before the errors plugin turns it into a
 * member of the field's result union — that is, into data, which no Apollo hook reports as a
 * failure. A field refused by scope-auth never reaches it; that refusal is a GraphQL error, which
 * the Apollo plugin sees in the answer. Mutation fields run one after another: once one has
 * failed, the next ones are not run at all.
 */

import { errorMessage, type Locale } from "@maillage/domain";
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from "@pothos/core";
import { GraphQLError, type GraphQLFieldResolver } from "graphql";
import type { OperationOutcome } from "./operation-outcome.ts";

const pluginName = "mutationOutcome";

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      mutationOutcome: MutationOutcomePlugin<Types>;
    }
  }
}

interface OutcomeContext {
  outcome?: OperationOutcome;
  locale?: Locale;
}

export class MutationOutcomePlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types["Context"], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types["Context"], object> {
    if (fieldConfig.kind !== "Mutation") return resolver;
    return async (parent, args, context, info) => {
      const { outcome, locale = "fr" } = context as OutcomeContext;
      if (!outcome) return resolver(parent, args, context, info);
      const key = String(info.path.key);
      if (outcome.failed) {
        outcome.record(key, null, true);
        throw new GraphQLError(errorMessage(locale, "ROLLED_BACK"), { extensions: { code: "ROLLED_BACK" } });
      }
      let result: unknown;
      try {
        result = await resolver(parent, args, context, info);
      } catch (error) {
        outcome.record(key, error);
        throw error;
      }
      outcome.record(key, result instanceof Error ? result : null);
      return result;
    };
  }
}

SchemaBuilder.registerPlugin(pluginName, MutationOutcomePlugin);

export default pluginName;
