import { failureOf } from "../app/graphql.ts";
import { useT } from "../app/i18n/index.tsx";

/** A failed load: what went wrong, in words, and a way to try again. */
export function QueryFailure({ error, onRetry }: { error: unknown; onRetry(): void }) {
  const { t, failureMessage } = useT();
  return (
    <div className="alert alert--error" role="alert">
      <p>{failureMessage(failureOf(error))}</p>
      <button type="button" className="button" onClick={onRetry}>
        {t("app.retry")}
      </button>
    </div>
  );
}
