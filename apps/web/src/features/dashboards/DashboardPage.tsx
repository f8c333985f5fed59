import { fiscalYearBounds, wallTime } from "@maillage/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { request } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { Loaded } from "../../ui/Loaded.tsx";
import { SelectField } from "../../ui/SelectField.tsx";
import { mayTake, useViewer } from "../auth/session.ts";
import { currentFiscalYear, type FiscalSettings } from "./fiscal-years.ts";
import { IndicatorsView } from "./indicators/IndicatorsView.tsx";
import {
  IndicatorPartnershipsQuery,
  indicatorKeys,
  OrganisationIndicatorsQuery,
  PartnershipIndicatorsQuery,
} from "./indicators/indicators.graphql.ts";
import { type PeriodChoice, type PeriodInput, periodInput } from "./indicators/indicators-model.ts";
import { PeriodPicker } from "./indicators/PeriodPicker.tsx";
import { ReportDownloads } from "./indicators/ReportDownloads.tsx";

/** Whose figures: the acting organisation's (exact, live) or a partnership's (protected, snapshot). */
type Scope =
  | { kind: "organisation" }
  | { kind: "partnership"; id: string; name: string; settings: FiscalSettings };

/** The indicators of a scope and period; null when the API refuses them (not found, a bad period). */
function useIndicators(scope: Scope | null, period: PeriodInput | null) {
  const { language } = useT();
  return useQuery({
    enabled: scope !== null && period !== null,
    placeholderData: keepPreviousData,
    // The answer's texts are in the viewer's language: another language is another answer.
    queryKey: [
      ...(scope?.kind === "partnership"
        ? indicatorKeys.partnership(scope.id, period ?? { fiscalYear: 0 })
        : indicatorKeys.organisation(period ?? { fiscalYear: 0 })),
      language,
    ],
    queryFn: async () => {
      if (!scope || !period) return null;
      if (scope.kind === "organisation") {
        const { organisationIndicators: result } = await request(OrganisationIndicatorsQuery, { period });
        return result.__typename === "OrganisationIndicatorsSuccess" ? result.indicators : null;
      }
      const { partnershipIndicators: result } = await request(PartnershipIndicatorsQuery, {
        partnershipId: scope.id,
        period,
      });
      return result.__typename === "PartnershipIndicatorsSuccess" ? result.indicators : null;
    },
  });
}

/** A day of the programme's calendar as a date box writes it (YYYY-MM-DD). */
function dayOf(instant: Date, timeZone: string): string {
  const { year, month, day } = wallTime(instant, timeZone);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * Coordinators: their organisation's indicators, exact, and those of its partnerships; committee
 * members: their partnership's, protected. Charts with their tables, the period and the one before.
 */
export function DashboardPage() {
  const { t } = useT();
  const me = useViewer();
  const ownOrganisation = mayTake(me, "READ_ORGANISATION_DASHBOARD");
  // A coordinator also reads the protected figures of her organisation's partnerships.
  const memberships = useQuery({
    queryKey: indicatorKeys.partnerships,
    enabled: ownOrganisation,
    queryFn: async () => (await request(IndicatorPartnershipsQuery)).myPartnerships,
  });
  const partnerships = new Map<string, Scope & { kind: "partnership" }>();
  for (const { partnership } of me.committeeSeats)
    partnerships.set(partnership.id, {
      kind: "partnership",
      id: partnership.id,
      name: partnership.name,
      settings: partnership.programmeSettings,
    });
  for (const partnership of memberships.data ?? [])
    partnerships.set(partnership.id, {
      kind: "partnership",
      id: partnership.id,
      name: partnership.name,
      settings: partnership.programmeSettings,
    });
  const scopes: Scope[] = [
    ...(ownOrganisation ? [{ kind: "organisation" } as const] : []),
    ...partnerships.values(),
  ];
  const [scopeKey, setScopeKey] = useState(
    ownOrganisation ? "organisation" : scopes[0]?.kind === "partnership" ? scopes[0].id : "",
  );
  const scope =
    scopes.find((found) => (found.kind === "organisation" ? "organisation" : found.id) === scopeKey) ??
    scopes[0] ??
    null;
  // The organisation's years follow its own settings, a partnership's its own (Brussels, January…).
  const settings = scope?.kind === "partnership" ? scope.settings : me.programmeSettings;
  const [choice, setChoice] = useState<PeriodChoice>(() => ({
    fiscalYear: currentFiscalYear(settings),
    span: "year",
    fromDay: "",
    toDay: "",
  }));
  const allowCustom = scope?.kind === "organisation";
  const period = periodInput(choice, allowCustom);
  const indicators = useIndicators(scope, period);
  const choose = (next: PeriodChoice) => {
    // A custom range starts as the fiscal year chosen, up to today.
    if (next.span === "custom" && (next.fromDay === "" || next.toDay === "")) {
      const { from, to } = fiscalYearBounds(next.fiscalYear, settings);
      const end = new Date(Math.min(to.getTime() - 1, Date.now()));
      setChoice({ ...next, fromDay: dayOf(from, settings.timeZone), toDay: dayOf(end, settings.timeZone) });
    } else setChoice(next);
  };
  const title =
    scope?.kind === "partnership"
      ? t("dashboard.partnershipTitle", { name: scope.name })
      : t("dashboard.organisationTitle", { name: me.actingOrganisation?.name ?? "" });
  const data = indicators.data ?? null;
  return (
    <section className="page">
      <h1>{title}</h1>
      {scopes.length > 1 ? (
        <div className="indicator-scope">
          <SelectField
            label={t("indicators.scope.label")}
            choices={scopes.map((option) =>
              option.kind === "organisation"
                ? {
                    value: "organisation",
                    label: t("indicators.scope.organisation", { name: me.actingOrganisation?.name ?? "" }),
                  }
                : { value: option.id, label: t("indicators.scope.partnership", { name: option.name }) },
            )}
            value={scope?.kind === "partnership" ? scope.id : "organisation"}
            onChange={(event) => {
              setScopeKey(event.target.value);
              // A partnership's figures are never asked for days: back to the whole year.
              if (event.target.value !== "organisation" && choice.span === "custom")
                setChoice({ ...choice, span: "year" });
            }}
          />
        </div>
      ) : null}
      <PeriodPicker
        // Until the figures say which years have data (or when they failed): this year and two before.
        years={data?.years ?? [0, 1, 2].map((back) => currentFiscalYear(settings) - back)}
        fiscalYearStartMonth={settings.fiscalYearStartMonth}
        choice={choice}
        onChange={choose}
        allowCustom={allowCustom}
        shownLabel={data?.period.label ?? null}
        previousLabel={data?.previous?.label ?? null}
      />
      <ReportDownloads period={period} partnershipId={scope?.kind === "partnership" ? scope.id : null} />
      {scope === null ? (
        <p role="alert" className="alert alert--error">
          {t("dashboard.unavailable")}
        </p>
      ) : period === null ? null : (
        <Loaded query={indicators}>
          {(found) =>
            found ? (
              <IndicatorsView indicators={found} />
            ) : (
              <p role="alert" className="alert alert--error">
                {t("dashboard.unavailable")}
              </p>
            )
          }
        </Loaded>
      )}
    </section>
  );
}
