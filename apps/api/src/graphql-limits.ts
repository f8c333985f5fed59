import { createComplexityRule } from "@pothos/plugin-complexity";
import {
  type ASTVisitor,
  type DocumentNode,
  GraphQLError,
  type GraphQLOutputType,
  type GraphQLSchema,
  getNamedType,
  isListType,
  isNonNullType,
  parse,
  type ValidationContext,
  validate,
} from "graphql";

/**
 * Refuses subscription operations at validation: the schema has none, and graphql-js would
 * otherwise throw at execution ("Schema is not configured…"), an internal error for a caller's
 * mistake.
 */
export function queriesAndMutationsOnly(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      if (node.operation === "subscription") {
        context.reportError(new GraphQLError("Subscriptions are not served", { nodes: [node] }));
      }
    },
  };
}

/** Records a connection returns when `first` is not given, and at most (builder.ts' prisma options). */
export const pageSizes = { default: 20, max: 100 } as const;

/**
 * The cost of a field for Pothos' complexity plugin: 1, and its selections counted once per
 * record it may return — a connection's page size as asked (`first`/`last`, capped as the
 * connection caps it), the ids of `nodes(ids:)`, 10 for another list. A connection's `edges` and
 * `nodes` are its page, already counted.
 */
export function fieldCost(
  args: Record<string, unknown>,
  _ctx: unknown,
  field: { name: string; type: GraphQLOutputType },
): { field: number; multiplier: number } {
  const page = args.first ?? args.last;
  if (typeof page === "number") return { field: 1, multiplier: Math.min(Math.max(page, 0), pageSizes.max) };
  // A connection asked without a page size returns the default page.
  if (/Connection$/.test(getNamedType(field.type).name)) return { field: 1, multiplier: pageSizes.default };
  if (Array.isArray(args.ids)) return { field: 1, multiplier: args.ids.length };
  const list = isListType(isNonNullType(field.type) ? field.type.ofType : field.type);
  if (!list) return { field: 1, multiplier: 1 };
  return { field: 1, multiplier: field.name === "edges" || field.name === "nodes" ? 1 : 10 };
}

/** Limits of one operation, checked before any SQL of the request runs (graphql-handler.ts). */
export const operationLimits = {
  /** Tokens of the document (graphql's own parser limit): a huge query is not even parsed. */
  maxTokens: 5_000,
  maxDepth: 12,
  /** Selections, aliases included: 1,000 aliases of one field are refused. */
  maxBreadth: 400,
  /** Records' worth of fields: 100 persons × 100 encounters of theirs is far over. */
  maxComplexity: 15_000,
} as const;

/** Parsed documents by text: the web sends the same few documents again and again. */
const parsed = new Map<string, DocumentNode | "TOO_MANY_TOKENS" | null>();
const parsedKept = 500;

/** The document, "TOO_MANY_TOKENS" past the token limit, or null when it does not parse. */
function parsedWithinTokens(query: string): DocumentNode | "TOO_MANY_TOKENS" | null {
  const known = parsed.get(query);
  if (known !== undefined) return known;
  let result: DocumentNode | "TOO_MANY_TOKENS" | null;
  try {
    result = parse(query, { maxTokens: operationLimits.maxTokens });
  } catch (error) {
    const tooMany = error instanceof GraphQLError && /\d+ tokens\. Parsing aborted/.test(error.message);
    result = tooMany ? "TOO_MANY_TOKENS" : null;
  }
  // Small documents only (the web's are), the oldest making room: a client sending large or
  // ever-new documents cannot grow this past 500 × 8 kB of text and their trees.
  if (query.length > 8192) return result;
  if (parsed.size >= parsedKept) parsed.delete(parsed.keys().next().value as string);
  parsed.set(query, result);
  return result;
}

const limitCodes = new Set(["QUERY_COMPLEXITY", "QUERY_DEPTH", "QUERY_BREADTH"]);

/**
 * Whether a request's operation goes past the limits: "QUERY_TOO_COMPLEX", or null (within them,
 * or not a query document at all — Apollo answers those). Run before the request's transaction
 * is opened, so a refused operation costs no SQL.
 */
export function operationLimitProblem(schema: GraphQLSchema, body: unknown): "QUERY_TOO_COMPLEX" | null {
  const checked = checkOperationLimits(schema, body);
  return checked === "QUERY_TOO_COMPLEX" ? checked : null;
}

/**
 * operationLimitProblem, also saying when an operation could not be measured (a malformed
 * document or variables the cost cannot be computed with: execution refuses those itself).
 */
export function checkOperationLimits(
  schema: GraphQLSchema,
  body: unknown,
): "QUERY_TOO_COMPLEX" | "UNMEASURED" | null {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return "UNMEASURED";
  const { query, variables, operationName } = body as Record<string, unknown>;
  if (typeof query !== "string") return "UNMEASURED";
  const document = parsedWithinTokens(query);
  if (document === "TOO_MANY_TOKENS") return "QUERY_TOO_COMPLEX";
  if (document === null) return "UNMEASURED";
  const rule = createComplexityRule({
    context: {},
    variableValues:
      typeof variables === "object" && variables !== null ? (variables as Record<string, unknown>) : {},
    operationName: typeof operationName === "string" ? operationName : null,
    maxComplexity: operationLimits.maxComplexity,
    maxDepth: operationLimits.maxDepth,
    maxBreadth: operationLimits.maxBreadth,
  });
  let errors: readonly GraphQLError[];
  try {
    errors = validate(schema, document, [rule]);
  } catch {
    return "UNMEASURED";
  }
  if (errors.some((error) => limitCodes.has(String(error.extensions.code)))) return "QUERY_TOO_COMPLEX";
  return errors.length > 0 ? "UNMEASURED" : null;
}
