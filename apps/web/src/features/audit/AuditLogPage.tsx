import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { z } from "zod";
import { request } from "../../app/graphql.ts";
import { type MessageKey, useT } from "../../app/i18n/index.tsx";
import { useDomainForm } from "../../ui/domain-form.tsx";
import { Field } from "../../ui/Field.tsx";
import { QueryFailure } from "../../ui/QueryFailure.tsx";
import { mayTake, useViewer } from "../auth/session.ts";
import { loadTeam, organisationKeys } from "../organisations/organisations.graphql.ts";
import { type AuditEvent, AuditLogQuery, auditKeys } from "./audit.graphql.ts";
import "./audit.css";

/**
 * The log's actions and record kinds are open strings (a module adds its own): those named here
 * read as words, any other as the code the API wrote.
 */
const actionLabels: Partial<Record<string, MessageKey>> = {
  READ_PERSON_FILE: "audit.action.READ_PERSON_FILE",
  READ_LEGAL_NAME: "audit.action.READ_LEGAL_NAME",
  PREVIEW_AS_PARTNER: "audit.action.PREVIEW_AS_PARTNER",
  PERSON_UPDATED: "audit.action.PERSON_UPDATED",
  PERSON_FOLLOWERS_CHANGED: "audit.action.PERSON_FOLLOWERS_CHANGED",
  CONSENT_RECORDED: "audit.action.CONSENT_RECORDED",
  CONSENT_WITHDRAWN: "audit.action.CONSENT_WITHDRAWN",
  ENCOUNTER_UPDATED: "audit.action.ENCOUNTER_UPDATED",
  ENCOUNTER_DELETED: "audit.action.ENCOUNTER_DELETED",
  ACCOMPANIMENT_DONE: "audit.action.ACCOMPANIMENT_DONE",
  ACCOMPANIMENT_CANCELLED: "audit.action.ACCOMPANIMENT_CANCELLED",
  ACCOMPANIMENT_NO_SHOW: "audit.action.ACCOMPANIMENT_NO_SHOW",
  NURSE_VISIT_ACCEPT: "audit.action.NURSE_VISIT_ACCEPT",
  NURSE_VISIT_DECLINE: "audit.action.NURSE_VISIT_DECLINE",
  NURSE_VISIT_CANCEL: "audit.action.NURSE_VISIT_CANCEL",
  NURSE_VISIT_PROPOSE_OTHER_TIME: "audit.action.NURSE_VISIT_PROPOSE_OTHER_TIME",
  NURSE_VISIT_REASSIGNED: "audit.action.NURSE_VISIT_REASSIGNED",
  REFERRAL_SENT: "audit.action.REFERRAL_SENT",
  REFERRAL_ACCEPTED: "audit.action.REFERRAL_ACCEPTED",
  REFERRAL_DECLINED: "audit.action.REFERRAL_DECLINED",
  REFERRAL_WITHDRAWN: "audit.action.REFERRAL_WITHDRAWN",
  REFERRAL_IN_PROGRESS: "audit.action.REFERRAL_IN_PROGRESS",
  REFERRAL_COMPLETED: "audit.action.REFERRAL_COMPLETED",
  REFERRAL_CLOSED_NO_CONTACT: "audit.action.REFERRAL_CLOSED_NO_CONTACT",
  ROLES_CHANGED: "audit.action.ROLES_CHANGED",
  SHARING_AGREEMENT_CHANGED: "audit.action.SHARING_AGREEMENT_CHANGED",
  SAFETY_ALERT_PUBLISHED: "audit.action.SAFETY_ALERT_PUBLISHED",
  SIGN_IN: "audit.action.SIGN_IN",
  SIGN_OUT: "audit.action.SIGN_OUT",
  SWITCH_ORGANISATION: "audit.action.SWITCH_ORGANISATION",
};

const recordKindLabels: Partial<Record<string, MessageKey>> = {
  PERSON: "audit.recordKind.PERSON",
  CONSENT: "audit.recordKind.CONSENT",
  ENCOUNTER: "audit.recordKind.ENCOUNTER",
  ACCOMPANIMENT: "audit.recordKind.ACCOMPANIMENT",
  NURSE_VISIT: "audit.recordKind.NURSE_VISIT",
  REFERRAL: "audit.recordKind.REFERRAL",
  MEMBERSHIP: "audit.recordKind.MEMBERSHIP",
  PARTNERSHIP: "audit.recordKind.PARTNERSHIP",
  SAFETY_ALERT: "audit.recordKind.SAFETY_ALERT",
  SESSION: "audit.recordKind.SESSION",
};

/** The log's filter as typed: ids pasted with stray spaces are trimmed; empty means any. */
const filterForm = z.object({ userId: z.string().trim(), recordId: z.string().trim() });
type Filter = z.output<typeof filterForm>;
const noFilter: Filter = { userId: "", recordId: "" };

function AuditRow({ event }: { event: AuditEvent }) {
  const { t, formatDateTime } = useT();
  const action = actionLabels[event.action];
  const kind = recordKindLabels[event.recordKind];
  return (
    <tr>
      <td data-label={t("audit.col.at")}>
        <time dateTime={event.at}>{formatDateTime(event.at)}</time>
      </td>
      <td data-label={t("audit.col.who")}>{event.userDisplayName ?? t("audit.unknownUser")}</td>
      <td data-label={t("audit.col.action")}>{action ? t(action) : event.action}</td>
      <td data-label={t("audit.col.recordKind")}>{kind ? t(kind) : event.recordKind}</td>
      <td data-label={t("audit.col.recordId")} className="audit-table__id">
        {event.recordId ?? "—"}
      </td>
    </tr>
  );
}

function AuditFilters({ onApply }: { onApply(filter: Filter): void }) {
  const { t } = useT();
  const me = useViewer();
  // Who manages the team may pick a member by name; anyone else pastes an id.
  const picksFromTeam = mayTake(me, "MANAGE_MEMBERS");
  const team = useQuery({ queryKey: organisationKeys.team, enabled: picksFromTeam, queryFn: loadTeam });
  const form = useDomainForm(filterForm, { defaultValues: noFilter });
  return (
    <form
      className="card audit-filters"
      onSubmit={form.handleSubmit(onApply)}
      aria-label={t("audit.filters")}
      noValidate
    >
      <div className="grid-2">
        <Field label={t(picksFromTeam ? "audit.filter.user" : "audit.filter.userId")}>
          {(control) =>
            picksFromTeam ? (
              <select {...control} {...form.register("userId")}>
                <option value="">{t("audit.filter.anyUser")}</option>
                {(team.data ?? []).map((member) => (
                  <option key={member.userId} value={member.userId}>
                    {member.displayName}
                  </option>
                ))}
              </select>
            ) : (
              <input {...control} {...form.register("userId")} spellCheck={false} autoComplete="off" />
            )
          }
        </Field>
        <Field label={t("audit.filter.record")} hint={t("audit.filter.recordHint")}>
          {(control) => (
            <input {...control} {...form.register("recordId")} spellCheck={false} autoComplete="off" />
          )}
        </Field>
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

/** /journal: the organisation's audit log, newest first, filtered by user or record. */
export function AuditLogPage() {
  const { t } = useT();
  // The filter the log is read with: the one last applied, not the one being typed.
  const [filter, setFilter] = useState<Filter>(noFilter);
  const log = useInfiniteQuery({
    queryKey: auditKeys.log(filter.userId, filter.recordId),
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam }) =>
      (
        await request(AuditLogQuery, {
          after: pageParam,
          filter: { userId: filter.userId || null, recordId: filter.recordId || null },
        })
      ).auditLog,
    getNextPageParam: (page) => (page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null),
  });
  const events = log.data?.pages.flatMap((page) => page.edges.map((edge) => edge.node)) ?? [];
  return (
    <section className="page">
      <h1>{t("audit.title")}</h1>
      <p className="muted">{t("audit.intro")}</p>
      <AuditFilters onApply={setFilter} />
      {log.isPending ? (
        <p role="status" className="muted">
          {t("app.loading")}
        </p>
      ) : log.isError ? (
        <QueryFailure error={log.error} onRetry={() => void log.refetch()} />
      ) : events.length === 0 ? (
        <p className="muted">{t("audit.empty")}</p>
      ) : (
        <div className="table-scroll">
          <table className="audit-table">
            <caption className="visually-hidden">{t("audit.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("audit.col.at")}</th>
                <th scope="col">{t("audit.col.who")}</th>
                <th scope="col">{t("audit.col.action")}</th>
                <th scope="col">{t("audit.col.recordKind")}</th>
                <th scope="col">{t("audit.col.recordId")}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <AuditRow key={event.id} event={event} />
              ))}
            </tbody>
          </table>
        </div>
      )}
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
