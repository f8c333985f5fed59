import { RequestError } from "../app/graphql.ts";
import { errorMessageKey, useT } from "../app/i18n/index.tsx";

/** A failed load: what went wrong, in words, and a way to try again. */
export function QueryFailure({ error, onRetry }: { error: unknown; onRetry(): void }) {
  const { t } = useT();
  const code = error instanceof RequestError ? error.code : "INTERNAL";
  return (
    <div className="alert alert--error" role="alert">
      <p>{t(errorMessageKey(code))}</p>
      <button type="button" className="button" onClick={onRetry}>
        {t("app.retry")}
      </button>
    </div>
  );
}
