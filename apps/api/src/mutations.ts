/**
 * The one way a mutation is declared. `defineMutation(name, …)` gives every mutation the same
 * envelope:
 * - its input, derived from ONE zod schema of packages/domain/src/inputs (`<Name>Input`, the
 *   `input` argument) and parsed with it after the field's scopes have passed, so a caller
 *   refused by scope-auth learns nothing, not even that its input was wrong; a failure is an
 *   InputValidationError in the caller's language and nothing is written;
 * - its typed errors as the members of `<Name>Result`, beside `<Name>Success { <field> }` for
 *   `payload: { <field>: Type }`, or beside `type` itself; NotFoundError is a member of every
 *   signed-in mutation's result (a refused scope is answered as not found), InputValidationError
 *   of every mutation with an input;
 * - a context narrowed by its scopes (builder.ts AuthContexts): behind a scope that requires an
 *   acting organisation (`writesOwn`, `readsOwn`, `role`…) `ctx.viewer.organisationId` is a
 *   string, behind `signedIn` the viewer is known; with no scopes the field is public (sign-in).
 *
 * Example:
 *   defineMutation("createVenue", {
 *     authScopes: { writesOwn: "VENUE" },
 *     input: createVenueInput, // packages/domain/src/inputs/venues.ts → CreateVenueInput
 *     payload: { venue: VenueNode }, // CreateVenueSuccess { venue } | InputValidationError | NotFoundError
 *     resolve: (input, ctx) =>
 *       ctx.tx.venue.create({ data: { organisationId: ctx.viewer.organisationId, ...input } }),
 *   });
 */
import { fieldErrorMessage } from "@maillage/domain";
import { disciplinedText, inputMeta } from "@maillage/domain/inputs";
import type {
  ArgBuilder,
  InputFieldMap,
  InputShapeFromFields,
  MaybePromise,
  ShapeFromTypeParam,
  TypeParam,
} from "@pothos/core";
import type { ContextForAuth, FieldAuthScopes } from "@pothos/plugin-scope-auth";
import type { z } from "zod";
import { builder } from "./builder.ts";
import type { Context } from "./context.ts";
import { type AppError, InputValidationError, NotFoundError, parseInput } from "./errors.ts";

import { derivedArguments, derivedInputType, type InputObjectSchema } from "./input-types.ts";

/**
 * A mutation's arguments with every string in NFC, or InputValidationError naming each string
 * refused (INVALID_CHARACTERS), at the paths its schema's own problems would have (relative to
 * `input` for an input mutation). A mutation without a schema takes ids only: one refused is an
 * id that names nothing (NotFoundError, as a malformed id is).
 */
function disciplinedArguments(
  raw: Record<string, unknown>,
  schema: { input: boolean; validated: boolean },
  locale: Context["locale"],
): Record<string, unknown> {
  const hasInput = schema.input;
  const checked = hasInput ? disciplinedText(raw.input) : disciplinedText(raw);
  if (checked.refused.length > 0 && !schema.validated) throw new NotFoundError(locale);
  if (checked.refused.length > 0) {
    throw new InputValidationError(
      locale,
      checked.refused.map((path) => ({
        path,
        code: "INVALID_CHARACTERS",
        message: fieldErrorMessage(locale, "INVALID_CHARACTERS"),
      })),
    );
  }
  return hasInput ? { ...raw, input: checked.value } : (checked.value as Record<string, unknown>);
}

type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
type Scopes = FieldAuthScopes<BuilderTypes, unknown, Record<string, unknown>>;
type ErrorClass = new (...args: any[]) => AppError;

/** The context a mutation's resolver gets: narrowed by its scopes, plain for a public field. */
export type MutationContext<S extends Scopes | undefined> = [S] extends [Scopes]
  ? ContextForAuth<BuilderTypes, S>
  : Context;

type Parsed<Schema> = Schema extends InputObjectSchema ? z.output<Schema> : Record<never, never>;

export interface MutationOptions<
  S extends Scopes | undefined,
  Input extends InputObjectSchema | undefined,
  Args extends InputObjectSchema | undefined,
  IdArgs extends InputFieldMap,
  Type extends TypeParam<BuilderTypes>,
> {
  description?: string;
  /** Who may call it (builder.ts scopes); omitted for a public field. */
  authScopes?: S;
  /** The `input` argument's one declaration (packages/domain/src/inputs). */
  input?: Input;
  /** Or arguments of their own, one per key of this schema, validated like an input. */
  args?: Args;
  /**
   * Arguments that only name records (ids): the resolver decodes them, and anything that is not
   * the id of a record the viewer may act on is not found, so there is nothing to validate.
   */
  idArgs?: (arg: ArgBuilder<BuilderTypes>) => IdArgs;
  /**
   * Expected failures besides the implied ones (InputValidationError with `input` or `args`,
   * NotFoundError with `authScopes`).
   */
  errors?: ErrorClass[];
  /** The success member itself (a type with its own fields, or a scalar for a field without errors). */
  type?: Type;
  /** Or the success member `<Name>Success` holding the payload in its one field. */
  payload?: Record<string, Type>;
  resolve: (
    input: Input extends InputObjectSchema ? z.output<Input> : undefined,
    ctx: MutationContext<S>,
    args: Parsed<Args> & InputShapeFromFields<IdArgs>,
  ) => MaybePromise<ShapeFromTypeParam<BuilderTypes, Type, false>>;
}

function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

export function defineMutation<
  Type extends TypeParam<BuilderTypes>,
  S extends Scopes | undefined = undefined,
  Input extends InputObjectSchema | undefined = undefined,
  Args extends InputObjectSchema | undefined = undefined,
  IdArgs extends InputFieldMap = Record<never, never>,
>(name: string, options: MutationOptions<S, Input, Args, IdArgs, Type>): void {
  const typeName = pascal(name);
  const { input: inputSchema, args: argsSchema } = options;
  // `<Name>Input`, unless the schema was named otherwise (named() in packages/domain).
  const inputType = inputSchema
    ? derivedInputType(inputMeta.get(inputSchema)?.name ?? `${typeName}Input`, inputSchema)
    : null;
  const payloadEntries = Object.entries(options.payload ?? {});
  const [dataField, payloadType] = payloadEntries[0] ?? [];
  const type = options.type ?? payloadType;
  if (!type || (options.type && options.payload) || payloadEntries.length > 1) {
    throw new Error(`${name}: give either \`type\` or a \`payload\` of one field`);
  }
  const validated = Boolean(inputSchema || argsSchema);
  // A signed-in mutation that is given something (an input, a record's id) may answer "not
  // found": a refused scope, or a record the viewer may not act on. A scalar answer without
  // typed errors (markReferralRead's Boolean) stays a plain field.
  const namesSomething = validated || Boolean(options.idArgs) || (options.errors?.length ?? 0) > 0;
  const mayBeUnion = Boolean(dataField) || typeof type !== "string";
  const errorTypes = [
    ...new Set([
      ...(validated ? [InputValidationError] : []),
      ...(options.authScopes && namesSomething && mayBeUnion ? [NotFoundError] : []),
      ...(options.errors ?? []),
    ]),
  ];

  // Typed by MutationOptions for the caller; from here on only values are passed along.
  const resolveMutation = options.resolve as (input: unknown, ctx: unknown, args: unknown) => unknown;

  builder.mutationField(name, (t) => {
    // withAuth's narrowing is MutationContext's (the resolver's type); here only its scopes matter.
    const scopes: object | undefined = options.authScopes;
    const fields = (scopes ? t.withAuth(scopes) : t) as typeof t;
    const args = {
      ...(inputType ? { input: t.arg({ type: inputType, required: true }) } : {}),
      ...(argsSchema ? derivedArguments(t.arg, argsSchema, name) : {}),
      ...options.idArgs?.(t.arg),
    };
    const errors =
      errorTypes.length === 0
        ? {}
        : {
            errors: {
              types: errorTypes,
              union: { name: `${typeName}Result` },
              ...(dataField
                ? { result: { name: `${typeName}Success` }, dataField: { name: dataField } }
                : { directResult: true }),
            },
          };
    // The options are checked by MutationOptions above; Pothos' own overloads cannot follow a
    // type, scopes and errors that are only known to the caller.
    return fields.field({
      type,
      ...(options.description ? { description: options.description } : {}),
      args,
      ...errors,
      resolve: (_root: unknown, raw: Record<string, unknown>, ctx: Context) => {
        // Every string refused or normalised at one boundary (text-discipline.ts).
        const given = disciplinedArguments(raw, { input: inputSchema !== undefined, validated }, ctx.locale);
        const input = inputSchema ? parseInput(inputSchema, given.input, ctx.locale) : undefined;
        const parsedArgs: Record<string, unknown> = argsSchema
          ? { ...given, ...(parseInput(argsSchema, given, ctx.locale) as Record<string, unknown>) }
          : given;
        // Scope-auth has run the field's scopes before this resolver: the context is what they
        // guarantee (builder.ts AuthContexts), as t.withAuth's own resolvers are told.
        return resolveMutation(input, ctx, parsedArgs);
      },
    } as never);
  });
}
