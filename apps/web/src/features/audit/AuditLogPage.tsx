import { instantAtWallTime } from "@maillage/domain";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { z } from "zod";
import { request } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { Link } from "../../app/router.tsx";
import type { AuditAction, AuditRecordKind } from "../../generated/enums.ts";
import { useDomainForm } from "../../ui/domain-form.tsx";
import { Field } from "../../ui/Field.tsx";
import { Loaded } from "../../ui/Loaded.tsx";
import {
  type AuditEvent,
  AuditLogActorsQuery,
  type AuditLogFilter,
  AuditLogQuery,
  auditKeys,
} from "./audit.graphql.ts";
import {
  actionLabel,
  actionSentence,
  auditActionOrder,
  auditRecordKindOrder,
  ofRecordPhrase,
  recordKindLabel,
  recordPhrase,
} from "./audit-labels.ts";
import "./audit.css";

/**
 * The log's filter as chosen: every box offers only values the log shows (members who appear in
 * it, the actions and kinds in words, days); empty means any.
 */
const filterForm = z.object({
  userId: z.string(),
  action: z.union([z.literal(""), z.enum(auditActionOrder)]),
  recordKind: z.union([z.literal(""), z.enum(auditRecordKindOrder)]),
  from: z.string(),
  to: z.string(),
});
type FilterValues = z.output<typeof filterForm>;
const noFilter: FilterValues = { userId: "", action: "", recordKind: "", from: "", to: "" };

/** A `date` box's day as the instant its day starts in the programme's zone (plus `days`). */
function zonedDayStart(text: string, timeZone: string, days = 0): string | null {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!parts) return null;
  return instantAtWallTime(
    Number(parts[1]),
    Number(parts[2]),
    Number(parts[3]) + days,
    0,
    timeZone,
  ).toISOString();
}

function apiFilter(values: FilterValues, timeZone: string): AuditLogFilter {
  return {
    userId: values.userId || null,
    action: (values.action || null) as AuditAction | null,
    recordKind: (values.recordKind || null) as AuditRecordKind | null,
    from: zonedDayStart(values.from, timeZone),
    // "To" names the last day shown: up to the start of the next.
    to: zonedDayStart(values.to, timeZone, 1),
  };
}

/** Where the record of an event opens: a person's file (also for her consents, encounters…), a visit, a referral. */
function pageOf(
  event: AuditEvent,
): { to: string; label: "audit.open.PERSON" | "audit.open.NURSE_VISIT" | "audit.open.REFERRAL" } | null {
  const id = event.record.openId;
  if (!id) return null;
  const encoded = encodeURIComponent(id);
  switch (event.knownRecordKind) {
    case "NURSE_VISIT":
      return { to: `/visites/${encoded}`, label: "audit.open.NURSE_VISIT" };
    case "REFERRAL":
      return { to: `/references/${encoded}`, label: "audit.open.REFERRAL" };
    case "CONSENT":
      return { to: `/personnes/${encoded}#consentement`, label: "audit.open.PERSON" };
    default:
      return { to: `/personnes/${encoded}`, label: "audit.open.PERSON" };
  }
}

/** The row in words: who did what to what, in the viewer's language. */
function useSentence() {
  const { t, formatDate } = useT();
  return (event: AuditEvent): string => {
    const who = event.userDisplayName ?? t("audit.someone");
    const action = event.knownAction;
    const kind = event.knownRecordKind;
    if (!action || !kind) {
      return t("audit.unknownAction", {
        who,
        action: action ? t(actionLabel(action)) : event.action,
        recordKind: kind ? t(recordKindLabel(kind)) : event.recordKind,
      });
    }
    const known = event.record.label !== null || event.record.at !== null ? "yes" : "no";
    const values = {
      known,
      label: event.record.label ?? "",
      date: event.record.at ? formatDate(event.record.at) : "",
    };
    return t(actionSentence(action), {
      who,
      record: t(recordPhrase(kind), values),
      ofRecord: t(ofRecordPhrase(kind), values),
    });
  };
}

function AuditRow({ event, sentence }: { event: AuditEvent; sentence: string }) {
  const { t, formatDateTime } = useT();
  const page = pageOf(event);
  return (
    <tr>
      <td data-label={t("audit.col.at")}>
        <time dateTime={event.at}>{formatDateTime(event.at)}</time>
      </td>
      <td data-label={t("audit.col.what")}>
        {sentence}
        {event.identifyingWarningOverridden ? (
          <span className="small muted audit-table__note">{t("audit.warningOverridden")}</span>
        ) : null}
      </td>
      <td data-label={t("audit.col.open")} className={page ? undefined : "audit-table__empty"}>
        {page ? (
          <Link to={page.to} aria-label={t("audit.openLabel", { what: sentence })}>
            {t(page.label)}
          </Link>
        ) : (
          "—"
        )}
      </td>
    </tr>
  );
}

function AuditFilters({ onApply }: { onApply(filter: FilterValues): void }) {
  const { t } = useT();
  const actors = useQuery({
    queryKey: auditKeys.actors,
    queryFn: async () => (await request(AuditLogActorsQuery)).auditLogActors,
  });
  const form = useDomainForm(filterForm, { defaultValues: noFilter });
  const byLabel = <V extends string>(values: readonly V[], label: (value: V) => string) =>
    values.map((value) => ({ value, label: label(value) })).sort((a, b) => a.label.localeCompare(b.label));
  return (
    <form
      className="card audit-filters"
      onSubmit={form.handleSubmit(onApply)}
      aria-label={t("audit.filters")}
      noValidate
    >
      <div className="grid-2">
        <Field label={t("audit.filter.user")}>
          {(control) => (
            <select {...control} {...form.register("userId")}>
              <option value="">{t("audit.filter.anyUser")}</option>
              {(actors.data ?? []).map((actor) => (
                <option key={actor.id} value={actor.id}>
                  {actor.displayName}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("audit.filter.action")}>
          {(control) => (
            <select {...control} {...form.register("action")}>
              <option value="">{t("audit.filter.anyAction")}</option>
              {byLabel(auditActionOrder, (action) => t(actionLabel(action))).map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("audit.filter.recordKind")}>
          {(control) => (
            <select {...control} {...form.register("recordKind")}>
              <option value="">{t("audit.filter.anyRecordKind")}</option>
              {byLabel(auditRecordKindOrder, (kind) => t(recordKindLabel(kind))).map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="grid-2">
          <Field label={t("audit.filter.from")}>
            {(control) => <input {...control} type="date" {...form.register("from")} />}
          </Field>
          <Field label={t("audit.filter.to")}>
            {(control) => <input {...control} type="date" {...form.register("to")} />}
          </Field>
        </div>
      </div>
      <div className="row">
        <button type="submit" className="button button--primary">
          {t("audit.filter.apply")}
        </button>
        <button
          type="button"
          className="button button--quiet"
          onClick={() => {
            form.reset(noFilter);
            onApply(noFilter);
          }}
        >
          {t("audit.filter.reset")}
        </button>
      </div>
    </form>
  );
}

/** /journal: the organisation's audit log in words, newest first, filtered by member, action, kind, days. */
export function AuditLogPage() {
  const { t, timeZone } = useT();
  const sentenceOf = useSentence();
  // The filter the log is read with: the one last applied, not the one being chosen.
  const [filter, setFilter] = useState<AuditLogFilter>(() => apiFilter(noFilter, timeZone));
  const log = useInfiniteQuery({
    queryKey: auditKeys.log(filter),
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam }) => (await request(AuditLogQuery, { after: pageParam, filter })).auditLog,
    getNextPageParam: (page) => (page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null),
  });
  const events = log.data?.pages.flatMap((page) => page.edges.map((edge) => edge.node)) ?? [];
  return (
    <section className="page">
      <h1>{t("audit.title")}</h1>
      <p className="muted">{t("audit.intro")}</p>
      <AuditFilters onApply={(values) => setFilter(apiFilter(values, timeZone))} />
      <Loaded query={log} emptyWhen={() => events.length === 0} emptyText={t("audit.empty")}>
        {() => (
          <div className="table-scroll">
            <table className="audit-table">
              <caption className="visually-hidden">{t("audit.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("audit.col.at")}</th>
                  <th scope="col">{t("audit.col.what")}</th>
                  <th scope="col">{t("audit.col.open")}</th>
                </tr>
              </thead>
              <tbody>
                {events.map((event) => (
                  <AuditRow key={event.id} event={event} sentence={sentenceOf(event)} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Loaded>
      {log.hasNextPage ? (
        <p>
          <button
            type="button"
            className="button"
            disabled={log.isFetchingNextPage}
            onClick={() => void log.fetchNextPage()}
          >
            {log.isFetchingNextPage ? t("app.loading") : t("app.loadMore")}
          </button>
        </p>
      ) : null}
    </section>
  );
}
