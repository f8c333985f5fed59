/**
 * How a form shows a refused mutation: the API's field errors next to their fields (by
 * `fields[].path`), anything else in one alert. Shared by the referral, safety-alert,
 * sharing-agreement and team forms, and the persons screens.
 */
import { useCallback, useId, useState } from "react";
import { type AppErrorResult, RequestError } from "../app/graphql.ts";
import { errorMessageKey, fieldMessageKey, useT } from "../app/i18n/index.tsx";

export interface FormFailure {
  /** A message for the whole form (shown in an alert), or null when only fields are wrong. */
  summary: string | null;
  /** Translated field errors by the API's path ("reason", "expiresAt"…). */
  fields: Record<string, string>;
  code: string;
}

export function useFormFailure() {
  const { t } = useT();
  const prefix = useId();
  const [failure, setFailure] = useState<FormFailure | null>(null);

  const fromResult = useCallback(
    (result: AppErrorResult) => {
      const fields: Record<string, string> = {};
      for (const field of result.fields ?? []) {
        const key = fieldMessageKey(field.code);
        // An unknown code still has the API's own message, in the language asked for.
        fields[field.path] = key ? t(key) : field.message;
      }
      const onlyFields = result.code === "INPUT_VALIDATION" && Object.keys(fields).length > 0;
      setFailure({
        code: result.code,
        fields,
        summary: onlyFields ? t("errors.INPUT_VALIDATION") : t(errorMessageKey(result.code)),
      });
    },
    [t],
  );

  const fromError = useCallback(
    (error: unknown) => {
      const code = error instanceof RequestError ? error.code : "INTERNAL";
      setFailure({ code, fields: {}, summary: t(errorMessageKey(code)) });
    },
    [t],
  );

  /** Props tying a field to its error: aria-invalid and aria-describedby. */
  const fieldProps = useCallback(
    (path: string) =>
      failure?.fields[path]
        ? { "aria-invalid": true as const, "aria-describedby": `${prefix}-${path}` }
        : { "aria-invalid": undefined, "aria-describedby": undefined },
    [failure, prefix],
  );

  /** The error of one field, tied to it by id (render it right under the field). */
  function fieldError(path: string) {
    const message = failure?.fields[path];
    return message ? (
      <span className="field__error" id={`${prefix}-${path}`} role="alert">
        {message}
      </span>
    ) : null;
  }

  /** The form's alert region (always rendered, so screen readers hear it appear). */
  function summary() {
    return (
      <div role="alert" className={failure?.summary ? "alert alert--error" : "visually-hidden"}>
        {failure?.summary}
      </div>
    );
  }

  return {
    failure,
    setFailure,
    fromResult,
    fromError,
    fieldProps,
    fieldError,
    summary,
    clear: () => setFailure(null),
  };
}
