/**
 * What a screen shows of a query while it loads, when it failed, and when it came back empty;
 * its content once there is some.
 */
import type { UseInfiniteQueryResult, UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useT } from "../app/i18n/index.tsx";
import { QueryFailure } from "./QueryFailure.tsx";

/** "Loading…", said to screen readers too. */
export function Loading() {
  const { t } = useT();
  return (
    <p role="status" className="muted">
      {t("app.loading")}
    </p>
  );
}

export function Loaded<T>({
  query,
  emptyWhen,
  emptyText,
  children,
}: {
  query: UseQueryResult<T> | UseInfiniteQueryResult<T>;
  /** Whether the answer holds nothing to show; `emptyText` is shown instead. */
  emptyWhen?(data: T): boolean;
  emptyText?: string;
  children(data: T): ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.isError) return <QueryFailure error={query.error} onRetry={() => void query.refetch()} />;
  if (emptyWhen?.(query.data)) return <p className="muted">{emptyText}</p>;
  return children(query.data);
}
