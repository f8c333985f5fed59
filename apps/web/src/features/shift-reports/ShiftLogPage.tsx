import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import { request } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { Loaded } from "../../ui/Loaded.tsx";
import { useViewer } from "../auth/session.ts";
import { useMyPartnerships } from "../partnerships/useMyPartnerships.ts";
import { ShiftReportCard, useShiftTimes } from "./ShiftReportCard.tsx";
import { type ShiftChoices, ShiftReportForm } from "./ShiftReportForm.tsx";
import { editedShiftReportValues, newShiftReportValues } from "./shift-report-form.ts";
import { ShiftLogQuery, type ShiftReportItem, shiftReportKeys } from "./shift-reports.graphql.ts";
import "./shift-reports.css";

/**
 * The street team's shift log: the last shift's report first (its handover notes at the top),
 * tonight's report to write, then the earlier shifts. A report is changed in the same form.
 */
export function ShiftLogPage() {
  const { t, timeZone } = useT();
  const me = useViewer();
  const log = useQuery({ queryKey: shiftReportKeys.all, queryFn: () => request(ShiftLogQuery) });
  const partnerships = useMyPartnerships();
  const [editing, setEditing] = useState<ShiftReportItem | null>(null);
  const [announce, setAnnounce] = useState<"updated" | null>(null);
  const [deleted, setDeleted] = useState(false);
  const deletedStatus = useRef<HTMLParagraphElement>(null);
  const { day } = useShiftTimes();
  useEffect(() => {
    if (deleted) deletedStatus.current?.focus();
  }, [deleted]);

  // The member organisations of every partnership, each once, the acting one left out.
  const partners = useMemo(() => {
    const own = me.actingOrganisation?.id;
    const byId = new Map<string, string>();
    for (const partnership of partnerships.data ?? [])
      for (const member of partnership.members) if (member.id !== own) byId.set(member.id, member.name);
    return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  }, [partnerships.data, me.actingOrganisation?.id]);

  const fresh = () => newShiftReportValues(new Date(), timeZone, me.user.id);
  const startEditing = (report: ShiftReportItem) => {
    setAnnounce(null);
    setDeleted(false);
    setEditing(report);
    // The form's heading takes the focus: the form is where the change is made.
    requestAnimationFrame(() => {
      const heading = document.querySelector<HTMLElement>(".shift-form__title");
      heading?.focus();
      heading?.scrollIntoView({ block: "start" });
    });
  };

  return (
    <section className="page shift-log">
      <h1>{t("shift.title")}</h1>
      <p className="muted">{t("shift.intro")}</p>
      <Loaded query={log}>
        {(data) => {
          const reports = data.shiftReports.edges.map((edge) => edge.node);
          const [latest, ...earlier] = reports;
          const choices: ShiftChoices = {
            venues: data.venues.edges.map((edge) => edge.node),
            members: data.shiftTeamMembers,
            partners,
          };
          const cardOf = (report: ShiftReportItem, headingLevel: 2 | 3) => (
            <ShiftReportCard
              key={report.id}
              report={report}
              headingLevel={headingLevel}
              onEdit={() => startEditing(report)}
              onDeleted={() => {
                if (editing?.id === report.id) setEditing(null);
                setDeleted(true);
              }}
            />
          );
          return (
            <>
              {deleted ? (
                <p ref={deletedStatus} tabIndex={-1} role="status" className="alert alert--ok">
                  {t("shift.deleted")}
                </p>
              ) : null}
              <section aria-labelledby="shift-latest" className="shift-log__latest">
                <h2 id="shift-latest" className="shift-log__heading">
                  {t("shift.latest")}
                </h2>
                {latest ? cardOf(latest, 3) : <p className="muted">{t("shift.none")}</p>}
              </section>
              <ShiftReportForm
                key={editing?.id ?? "new"}
                editing={editing ? { id: editing.id, day: day(editing) } : null}
                initial={editing ? editedShiftReportValues(editing, timeZone) : fresh()}
                fresh={fresh}
                choices={choices}
                announce={editing ? null : announce}
                onSaved={(state) => {
                  setDeleted(false);
                  if (state === "updated") {
                    setEditing(null);
                    setAnnounce("updated");
                  } else setAnnounce(null);
                }}
                onCancel={() => setEditing(null)}
              />
              {earlier.length > 0 ? (
                <section aria-labelledby="shift-earlier">
                  <h2 id="shift-earlier">{t("shift.earlier")}</h2>
                  <ul className="card-list">
                    {earlier.map((report) => (
                      <li key={report.id}>{cardOf(report, 3)}</li>
                    ))}
                  </ul>
                </section>
              ) : null}
            </>
          );
        }}
      </Loaded>
    </section>
  );
}
