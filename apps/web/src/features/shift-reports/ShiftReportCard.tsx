import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { failureOf, mutate } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { ConfirmDialog } from "../../ui/ConfirmDialog.tsx";
import { homeKeys } from "../home/home.graphql.ts";
import { LateEntryMark } from "../record-dates/LateEntryMark.tsx";
import { venueKeys } from "../venues/venues.graphql.ts";
import { DeleteShiftReport, type ShiftReportItem, shiftReportKeys } from "./shift-reports.graphql.ts";

/** A shift's day and hours, as the programme's clock reads them. */
export function useShiftTimes() {
  const { t, formatDate, formatDateTime } = useT();
  const time = (value: string) => formatDateTime(value, { dateStyle: undefined, timeStyle: "short" });
  return {
    day: (report: { startsAt: string }) => formatDate(report.startsAt),
    when: (report: { startsAt: string; endsAt: string }) =>
      t("shift.when", {
        date: formatDate(report.startsAt),
        start: time(report.startsAt),
        end: time(report.endsAt),
      }),
    time,
  };
}

/**
 * One shift's report: when, by whom, its handover notes first, then the venues visited, the team
 * and the partners alongside. Its author or a coordinator changes it or, once asked, deletes it.
 */
export function ShiftReportCard({
  report,
  headingLevel,
  onEdit,
  onDeleted,
}: {
  report: ShiftReportItem;
  headingLevel: 2 | 3;
  onEdit(): void;
  onDeleted(): void;
}) {
  const { t, failureMessage } = useT();
  const queryClient = useQueryClient();
  const { day, when } = useShiftTimes();
  const headingId = useId();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => mutate(DeleteShiftReport, (data) => data.deleteShiftReport, { id: report.id }),
    onSuccess: () => {
      setConfirming(false);
      void queryClient.invalidateQueries({ queryKey: shiftReportKeys.all });
      void queryClient.invalidateQueries({ queryKey: venueKeys.all });
      void queryClient.invalidateQueries({ queryKey: homeKeys.today });
      onDeleted();
    },
  });
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const date = day(report);
  return (
    <article className="card shift-report" aria-labelledby={headingId}>
      <Heading id={headingId} className="shift-report__title">
        {when(report)}
      </Heading>
      <p className="small muted shift-report__by">{t("shift.by", { name: report.authorName })}</p>
      <LateEntryMark lateEntry={report.lateEntry} enteredAt={report.enteredAt} />
      <section className="shift-report__handover" aria-label={t("shift.handover")}>
        <p className="shift-report__label">{t("shift.handover")}</p>
        {report.handoverNote ? (
          <p className="shift-report__note">{report.handoverNote}</p>
        ) : (
          <p className="muted">{t("shift.noHandover")}</p>
        )}
      </section>
      <dl className="facts shift-report__facts">
        <dt>{t("shift.venues")}</dt>
        <dd>
          {report.venues.length > 0
            ? report.venues.map((venue) => venue.name).join(", ")
            : t("shift.noVenue")}
        </dd>
        <dt>{t("shift.team")}</dt>
        <dd>{report.members.map((member) => member.displayName).join(", ") || "—"}</dd>
        <dt>{t("shift.partners")}</dt>
        <dd>
          {report.partners.length > 0
            ? report.partners
                .map((partner) =>
                  t("shift.partnerItem", { name: partner.name, count: partner.interventions }),
                )
                .join(", ")
            : t("shift.coInterventions", { count: 0 })}
        </dd>
      </dl>
      {report.viewerMayChange ? (
        confirming ? (
          <ConfirmDialog
            label={t("shift.deleteLabel", { date })}
            question={t("shift.deleteQuestion")}
            confirmLabel={t("shift.delete")}
            pending={remove.isPending}
            onConfirm={() => remove.mutate()}
            onCancel={() => setConfirming(false)}
          >
            {remove.isError ? (
              <p role="alert" className="field__error">
                {failureMessage(failureOf(remove.error))}
              </p>
            ) : null}
          </ConfirmDialog>
        ) : (
          <div className="row">
            <button
              type="button"
              className="button"
              aria-label={t("shift.editLabel", { date })}
              onClick={onEdit}
            >
              {t("shift.edit")}
            </button>
            <button
              type="button"
              className="button button--quiet"
              aria-label={t("shift.deleteLabel", { date })}
              onClick={() => setConfirming(true)}
            >
              {t("shift.delete")}
            </button>
          </div>
        )
      ) : null}
    </article>
  );
}
