/**
 * Forms on react-hook-form, validated before sending by the API's own input schemas
 * (@maillage/domain/inputs), so the page shows the API's rule as it is typed. Every error in the
 * form is a field code (FieldErrorCode), whether the schema found it here or the API did; the
 * Field component translates it. A refused submit (`showFailure`) puts the API's field problems
 * on their fields, focuses the first, and says the rest in the form's alert.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { fieldErrorCodeOf } from "@maillage/domain/inputs";
import {
  type FieldValues,
  get,
  type Path,
  type RegisterOptions,
  type UseFormProps,
  type UseFormReturn,
  useForm,
} from "react-hook-form";
import { z } from "zod";
import { failureOf } from "../app/graphql.ts";
import { encodeFieldProblem, useT } from "../app/i18n/index.tsx";

/** A form whose values are checked by `schema`; `handleSubmit` hands over its parsed output. */
export function useDomainForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  options: Omit<UseFormProps<z.input<S>, unknown, z.output<S>>, "resolver"> = {},
): UseFormReturn<z.input<S>, unknown, z.output<S>> {
  return useForm<z.input<S>, unknown, z.output<S>>({
    // The message of each problem is its code, as the API would report it.
    resolver: zodResolver(schema, { error: (issue) => fieldErrorCodeOf(issue as z.core.$ZodIssue) }),
    shouldFocusError: true,
    ...options,
  });
}

/**
 * Binds field components (TextField, SelectField…) to the form: `field(name)` is react-hook-form's
 * registration of `name` and the field's error, to spread on the component.
 */
export function fieldBinder<T extends FieldValues>(form: UseFormReturn<T, unknown, unknown>) {
  return <N extends Path<T>>(name: N, options?: RegisterOptions<T, N>) => ({
    ...form.register(name, options),
    error: get(form.formState.errors, name) as unknown,
  });
}

/** A number typed as digits in a text box, read for the API's `schema`: an empty box is null. */
export function numberText<S extends z.ZodType<unknown, number | null | undefined>>(schema: S) {
  return z
    .string()
    .trim()
    .transform((text): number | null | undefined => (text === "" ? null : Number(text)))
    .pipe(schema);
}

// Why a submit was refused as a whole, kept in react-hook-form's own state (cleared by the next
// submit): the error code as its type, and in its message (JSON) the codes of field problems no
// field of the form shows and the wait before signing in again.
const rootKey = "root.server";

/** What `showFailure` needs of a form. */
type FailureTarget<T extends FieldValues> = Pick<
  UseFormReturn<T, unknown, unknown>,
  "getValues" | "setError"
>;

/**
 * The form field an API path points at: the path itself, or the nearest field that holds it —
 * a list (`languages.1`, `recordKinds.0`) is one control, and a text box may hold what the API
 * receives as a list.
 */
function fieldAt<T extends FieldValues>(form: FailureTarget<T>, path: string): Path<T> | null {
  const taken: string[] = [];
  let value: unknown = form.getValues();
  for (const segment of path.split(".")) {
    if (value === null || typeof value !== "object" || Array.isArray(value) || !(segment in value)) break;
    taken.push(segment);
    value = (value as Record<string, unknown>)[segment];
  }
  return taken.length ? (taken.join(".") as Path<T>) : null;
}

/**
 * Shows why a submit failed: the API's field problems on their fields (the first is focused),
 * anything else in the form's alert. `fieldOf` maps an API path to a form field when their
 * names differ (`granteePartnershipId` shown on the `grantee` select).
 */
export function showFailure<T extends FieldValues>(
  form: FailureTarget<T>,
  error: unknown,
  fieldOf: (path: string) => Path<T> | null = (path) => fieldAt(form, path),
) {
  const failure = failureOf(error);
  const unplaced: string[] = [];
  let focused = false;
  for (const problem of failure.fields) {
    const field = fieldOf(problem.path);
    if (!field) {
      unplaced.push(encodeFieldProblem(problem));
      continue;
    }
    form.setError(field, { type: "api", message: encodeFieldProblem(problem) }, { shouldFocus: !focused });
    focused = true;
  }
  const { retryAfterSeconds } = failure;
  const details: RefusalDetails = {
    unplaced,
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
  };
  form.setError(rootKey as `root.${string}`, { type: failure.code, message: JSON.stringify(details) });
}

interface RefusalDetails {
  unplaced: string[];
  retryAfterSeconds?: number;
}

/** The form's alert region: always in the page, so screen readers hear the message appear. */
export function FormAlert<T extends FieldValues>({
  form,
  id,
}: {
  form: UseFormReturn<T, unknown, unknown>;
  id?: string;
}) {
  const { fieldProblemText, failureMessage } = useT();
  const refused = form.formState.errors.root?.server;
  let text: string | null = null;
  if (refused?.type) {
    const details = JSON.parse(refused.message ?? "{}") as Partial<RefusalDetails>;
    text = failureMessage({ code: String(refused.type), retryAfterSeconds: details.retryAfterSeconds });
    for (const code of details.unplaced ?? []) text += ` ${fieldProblemText(code)}`;
  }
  return (
    <div role="alert" id={id} className={text ? "alert alert--error" : "visually-hidden"}>
      {text}
    </div>
  );
}
