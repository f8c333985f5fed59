/**
 * The intake form's answers on the person's file (her organisation's members who read intakes):
 * each domain's need, who filled it in and when, the private comment; corrected in place.
 */
import { intakeDomains } from "@maillage/domain";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { request } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { Fact } from "../../ui/Fact.tsx";
import { Loaded } from "../../ui/Loaded.tsx";
import { mayWrite, useViewer } from "../auth/session.ts";
import { IntakeForm } from "./IntakeForm.tsx";
import { nightCentreKeys, PersonIntakeQuery } from "./night-centre.graphql.ts";
import "./night-centre.css";

export function IntakeSection({ personId, alias }: { personId: string; alias: string }) {
  const { t, enumLabel, formatDate } = useT();
  const me = useViewer();
  const queryClient = useQueryClient();
  const key = [...nightCentreKeys.all, "intake", personId] as const;
  const intake = useQuery({
    queryKey: key,
    queryFn: async () => (await request(PersonIntakeQuery, { id: personId })).person,
  });
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const status = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (saved) status.current?.focus();
  }, [saved]);
  return (
    <section aria-labelledby="intake-section-title" className="card">
      <h2 id="intake-section-title">{t("intake.section")}</h2>
      <Loaded query={intake}>
        {(person) => {
          const current = person?.intakeAssessment ?? null;
          if (editing)
            return (
              <IntakeForm
                personId={personId}
                alias={alias}
                existing={current}
                onSaved={() => {
                  setEditing(false);
                  setSaved(true);
                  void queryClient.invalidateQueries({ queryKey: key });
                }}
                onLater={() => setEditing(false)}
              />
            );
          return (
            <>
              {saved ? (
                <p ref={status} tabIndex={-1} role="status" className="alert alert--ok">
                  {t("intake.updated")}
                </p>
              ) : null}
              {current ? (
                <>
                  <p className="small muted">
                    {t("intake.assessed", {
                      date: formatDate(current.assessedAt),
                      who: current.assessedBy?.displayName ?? "—",
                    })}
                  </p>
                  <dl className="facts intake__answers">
                    {intakeDomains.map((domain) => {
                      const level = current.needs.find((need) => need.domain === domain)?.level ?? null;
                      return (
                        <Fact key={domain} term={enumLabel("IntakeDomain", domain)}>
                          <span
                            className={
                              level === "IMMEDIATE" ? "badge badge--danger" : level ? "badge" : "muted"
                            }
                          >
                            {level ? enumLabel("IntakeNeedLevel", level) : t("intake.notAsked")}
                          </span>
                        </Fact>
                      );
                    })}
                  </dl>
                  {current.comment ? <p className="intake__comment">{current.comment}</p> : null}
                </>
              ) : (
                <p className="muted">{t("intake.none")}</p>
              )}
              {mayWrite(me, "INTAKE_ASSESSMENT") ? (
                <div className="row intake__actions">
                  <button
                    type="button"
                    className="button"
                    onClick={() => {
                      setSaved(false);
                      setEditing(true);
                    }}
                  >
                    {current ? t("intake.edit") : t("intake.fillNow")}
                  </button>
                </div>
              ) : null}
            </>
          );
        }}
      </Loaded>
    </section>
  );
}
