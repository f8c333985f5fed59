/**
 * Tonight's visitors, the latest first: who (alias, or gender and age, or a group's head count),
 * a first visit, an intake to fill in, what each received. A tap opens what a visitor received
 * (services as chips, items as quick quantities), saved as the visit's services and materials —
 * the stock counts them once. Only the visit's author or a coordinator changes it (as any
 * encounter); the others read it.
 */
import { encounterLimits } from "@maillage/domain";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { failureOf, mutate } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import type { EveningFieldsFragment } from "../../generated/graphql.ts";
import { ToggleChips } from "../../ui/ChipsField.tsx";
import { FieldSet } from "../../ui/Field.tsx";
import { QuantityField } from "../../ui/QuantityField.tsx";
import { type CatalogueChoices, choiceLabel } from "../encounters/catalogue-choices.ts";
import { RecordVisitReceived } from "./night-centre.graphql.ts";

type Visit = EveningFieldsFragment["visits"][number];
type Flags = EveningFieldsFragment["visitFlags"][number];

/** Who a visit is, in words. */
export function useVisitorName() {
  const { t, enumLabel } = useT();
  return (visit: Visit) => {
    if (visit.person) return visit.person.alias;
    if (visit.headCount > 1) return t("night.visitor.group", { count: visit.headCount });
    return t("night.visitor.anonymous", {
      gender: visit.anonymousGender ? enumLabel("Gender", visit.anonymousGender) : "—",
      age: visit.anonymousAgeBracket ? enumLabel("AgeBracket", visit.anonymousAgeBracket) : "—",
    });
  };
}

function ReceivedEditor({
  visit,
  who,
  catalogue,
  onSaved,
}: {
  visit: Visit;
  who: string;
  catalogue: CatalogueChoices;
  onSaved(): void;
}) {
  const { t, language, failureMessage } = useT();
  const [services, setServices] = useState<string[]>(visit.services.map((s) => s.service));
  const [quantities, setQuantities] = useState<Record<string, number>>(
    Object.fromEntries(visit.materials.map((m) => [m.item, m.quantity])),
  );
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () =>
      mutate(RecordVisitReceived, (data) => data.recordVisitReceived, {
        input: {
          visitId: visit.id,
          services,
          materials: Object.entries(quantities)
            .filter(([, quantity]) => quantity > 0)
            .map(([item, quantity]) => ({ item, quantity })),
        },
      }),
    onSuccess: () => {
      setProblem(null);
      onSaved();
    },
    onError: (error) => setProblem(failureMessage(failureOf(error))),
  });
  const serviceCodes = catalogue.services.map((choice) => choice.code);
  const serviceLabel = (code: string) => {
    const choice = catalogue.services.find((c) => c.code === code);
    return choice ? choiceLabel(choice, language) : code;
  };
  return (
    <form
      className="received"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
      noValidate
    >
      {serviceCodes.length > 0 ? (
        <ToggleChips
          legend={t("night.received.services")}
          options={serviceCodes}
          label={serviceLabel}
          value={services}
          onChange={setServices}
        />
      ) : null}
      <FieldSet legend={t("night.received.items")}>
        <ul className="steppers">
          {catalogue.materials.map((choice) => {
            const name = choiceLabel(choice, language);
            return (
              <li key={choice.code}>
                <QuantityField
                  label={name}
                  value={quantities[choice.code] ?? 0}
                  max={encounterLimits.maxQuantity}
                  onChange={(quantity) => setQuantities({ ...quantities, [choice.code]: quantity })}
                  decreaseLabel={t("night.received.remove", { item: name })}
                  increaseLabel={t("night.received.add", { item: name })}
                  quickLabel={(count) => t("night.received.quick", { item: name, count })}
                />
              </li>
            );
          })}
        </ul>
      </FieldSet>
      <p role="alert" className={problem ? "alert alert--error" : "visually-hidden"}>
        {problem ?? ""}
      </p>
      <button type="submit" className="button button--primary button--block" disabled={save.isPending}>
        {t("night.received.save")}
        <span className="visually-hidden"> — {t("night.visitor.edit", { who })}</span>
      </button>
    </form>
  );
}

export function VisitorList({
  visits,
  flags,
  catalogue,
  editable,
  onChanged,
  onIntake,
}: {
  visits: readonly Visit[];
  flags: readonly Flags[];
  catalogue: CatalogueChoices;
  /** The evening is open: what was received may still change. */
  editable: boolean;
  onChanged(): void;
  onIntake(visit: Visit): void;
}) {
  const { t, formatDateTime } = useT();
  const nameOf = useVisitorName();
  const [open, setOpen] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const status = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (saved) status.current?.focus();
  }, [saved]);
  const flagOf = new Map(flags.map((flag) => [flag.visitId, flag]));
  return (
    <section aria-labelledby="visitors-title">
      <h2 id="visitors-title">{t("night.visitors", { count: visits.length })}</h2>
      {saved ? (
        <p ref={status} tabIndex={-1} role="status" className="alert alert--ok">
          {t("night.received.saved", { who: saved })}
        </p>
      ) : null}
      <ul className="card-list visitors">
        {visits.map((visit) => {
          const who = nameOf(visit);
          const flag = flagOf.get(visit.id);
          const received = [
            ...visit.services.map((s) => s.label),
            ...visit.materials.map((m) => `${m.label} × ${m.quantity}`),
          ];
          const expanded = open === visit.id;
          const mayChange = editable && visit.viewerMayChange;
          return (
            <li key={visit.id} className="card visitor">
              <div className="visitor__head">
                {mayChange ? (
                  <button
                    type="button"
                    className="visitor__toggle"
                    aria-expanded={expanded}
                    aria-controls={`received-${visit.id}`}
                    onClick={() => {
                      setSaved(null);
                      setOpen(expanded ? null : visit.id);
                    }}
                  >
                    <strong>{who}</strong>
                    <span className="small visitor__received">
                      {received.length > 0
                        ? t("night.visitor.received", { list: received.join(", ") })
                        : t("night.visitor.nothingYet")}
                    </span>
                  </button>
                ) : (
                  <div className="visitor__toggle">
                    <strong>{who}</strong>
                    <span className="small visitor__received">
                      {received.length > 0
                        ? t("night.visitor.received", { list: received.join(", ") })
                        : t("night.visitor.nothingYet")}
                    </span>
                  </div>
                )}
                <span className="small muted">
                  {t("night.visitor.at", {
                    time: formatDateTime(visit.occurredAt, { dateStyle: undefined, timeStyle: "short" }),
                  })}
                </span>
                {flag?.firstVisit ? (
                  <span className="badge badge--ok">{t("night.visitor.firstVisit")}</span>
                ) : null}
              </div>
              {flag?.intakeDue && visit.person && editable ? (
                <button type="button" className="button button--block" onClick={() => onIntake(visit)}>
                  {t("night.intake.open", { alias: visit.person.alias })}
                </button>
              ) : null}
              {expanded ? (
                <div id={`received-${visit.id}`}>
                  <ReceivedEditor
                    visit={visit}
                    who={who}
                    catalogue={catalogue}
                    onSaved={() => {
                      setOpen(null);
                      setSaved(who);
                      onChanged();
                    }}
                  />
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
