/**
 * The one form field: its label, an optional hint and its error, tied to the control by id and
 * aria-describedby, with aria-invalid while it is wrong. The error is a react-hook-form error
 * whose message is a field code of the API (ui/domain-form.ts puts both the schema's and the
 * API's problems there), translated here so it follows a change of language.
 */
import type { ReactNode } from "react";
import { useId } from "react";
import { useT } from "../app/i18n/index.tsx";

/** What the field gives its control (spread them on the input, select or textarea). */
export interface FieldControlProps {
  id: string;
  "aria-describedby": string | undefined;
  "aria-invalid": true | undefined;
}

/**
 * A react-hook-form error of a field, or of its parts (an array field's error sits under its
 * indexes): the first message found.
 */
export function firstErrorCode(error: unknown): string | null {
  if (!error || typeof error !== "object") return null;
  const message = (error as { message?: unknown }).message;
  if (typeof message === "string" && message) return message;
  for (const [key, part] of Object.entries(error)) {
    // `ref` is the control's element; every other object under an error is a part's error.
    if (key === "ref" || !part || typeof part !== "object") continue;
    const found = firstErrorCode(part);
    if (found) return found;
  }
  return null;
}

function useErrorText(error: unknown): string | null {
  const { fieldProblemText } = useT();
  const code = firstErrorCode(error);
  if (!code) return null;
  // A rule the schema words itself (a refinement) has no code of its own: "not allowed".
  return fieldProblemText(code);
}

/** A field's error, named by `${id}-error` for its control's aria-describedby. */
function FieldError({ id, message }: { id: string; message: string | null }) {
  return message ? (
    <span id={`${id}-error`} className="field__error">
      {message}
    </span>
  ) : null;
}

function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(" ") || undefined;
}

/** What a field says around its control: its label, hint, error, and whether it may stay empty. */
export interface FieldLabelling {
  label: string;
  hint?: string | undefined;
  error?: unknown;
  optional?: boolean;
  /** Another element that explains the error (the form's alert), when the field has none. */
  invalidBecause?: string | undefined;
}

/** A field component's props parted: what its Field says, and what goes on its control. */
export function splitLabelling<P extends FieldLabelling>({
  label,
  hint,
  error,
  optional,
  invalidBecause,
  ...control
}: P): [FieldLabelling, Omit<P, keyof FieldLabelling>] {
  return [{ label, hint, error, optional, invalidBecause }, control];
}

interface FieldProps extends FieldLabelling {
  children(control: FieldControlProps): ReactNode;
}

export function Field({ label, hint, error, optional, invalidBecause, children }: FieldProps) {
  const { t } = useT();
  const id = useId();
  const message = useErrorText(error);
  const invalid = message !== null || invalidBecause !== undefined;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {optional ? <span className="muted small"> ({t("app.optional")})</span> : null}
      </label>
      {children({
        id,
        "aria-describedby": describedBy(hint && `${id}-hint`, message && `${id}-error`, invalidBecause),
        "aria-invalid": invalid || undefined,
      })}
      {hint ? (
        <span id={`${id}-hint`} className="small muted">
          {hint}
        </span>
      ) : null}
      <FieldError id={id} message={message} />
    </div>
  );
}

/** A yes/no field: the checkbox inside its label, the error tied to it. */
export function CheckboxField({
  label,
  error,
  children,
}: {
  label: string;
  error?: unknown;
  children(control: FieldControlProps): ReactNode;
}) {
  const id = useId();
  const message = useErrorText(error);
  return (
    <div className="field field--checkbox">
      <label className="row" htmlFor={id}>
        {children({
          id,
          "aria-describedby": describedBy(message && `${id}-error`),
          "aria-invalid": message ? true : undefined,
        })}
        {label}
      </label>
      <FieldError id={id} message={message} />
    </div>
  );
}

/** A group of controls (chips, checkboxes) with its legend, hint and error. */
export function FieldSet({
  legend,
  hint,
  error,
  children,
}: {
  legend: string;
  hint?: string | undefined;
  error?: unknown;
  children: ReactNode;
}) {
  const id = useId();
  const message = useErrorText(error);
  return (
    <fieldset aria-describedby={describedBy(hint && `${id}-hint`, message && `${id}-error`)}>
      <legend>{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="small muted">
          {hint}
        </p>
      ) : null}
      {children}
      <FieldError id={id} message={message} />
    </fieldset>
  );
}
