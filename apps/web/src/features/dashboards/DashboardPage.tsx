import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { request } from "../../app/graphql.ts";
import type { EnumName, EnumTypes } from "../../app/i18n/enum-labels.ts";
import { enumOptions, type MessageKey, useT } from "../../app/i18n/index.tsx";
import { Loaded } from "../../ui/Loaded.tsx";
import { SelectField } from "../../ui/SelectField.tsx";
import { mayTake, useViewer } from "../auth/session.ts";
import { IntakeNeedsFigures } from "../night-centre/IntakeNeedsFigures.tsx";
import { Count } from "./Count.tsx";
import {
  type Dashboard,
  dashboardKeys,
  OrganisationDashboardQuery,
  PartnershipDashboardQuery,
} from "./dashboards.graphql.ts";
import { currentFiscalYear, useFiscalYearLabel } from "./fiscal-years.ts";
import { WorkshopFigures } from "./WorkshopFigures.tsx";

type TotalName = "encounters" | "contacts" | "personsMet" | "visitsCompleted";
type TableName =
  | "byPlace"
  | "byTheme"
  | "byChannel"
  | "materials"
  | "services"
  | "byPlatform"
  | "personsByAge"
  | "personsByGender"
  | "acts"
  | "accompaniments"
  | "referrals";

const totals: Record<TotalName, MessageKey> = {
  encounters: "dashboard.encounters",
  contacts: "dashboard.contacts",
  personsMet: "dashboard.personsMet",
  visitsCompleted: "dashboard.visitsCompleted",
};

/**
 * Each table, in the order shown: its title and the schema enum its cells' keys are values of,
 * or null for a catalogue's codes (the API names them: `label`).
 */
const tables: Record<TableName, { title: MessageKey; keysOf: EnumName | null }> = {
  byPlace: { title: "dashboard.table.byPlace", keysOf: "PlaceType" },
  byTheme: { title: "dashboard.table.byTheme", keysOf: "Theme" },
  byChannel: { title: "dashboard.table.byChannel", keysOf: "Channel" },
  byPlatform: { title: "dashboard.table.byPlatform", keysOf: null },
  materials: { title: "dashboard.table.materials", keysOf: null },
  services: { title: "dashboard.table.services", keysOf: null },
  personsByAge: { title: "dashboard.table.personsByAge", keysOf: "AgeBracket" },
  personsByGender: { title: "dashboard.table.personsByGender", keysOf: "Gender" },
  acts: { title: "dashboard.table.acts", keysOf: "ClinicalActKind" },
  accompaniments: { title: "dashboard.table.accompaniments", keysOf: "AccompanimentStatus" },
  referrals: { title: "dashboard.table.referrals", keysOf: "ReferralStatus" },
};

/** A cell's key is a value of its table's enum (the API sends it as a string). */
function isValueOf<E extends EnumName>(name: E, key: string): key is EnumTypes[E] {
  return (enumOptions(name) as string[]).includes(key);
}

// Kept here for the screens that import it from the dashboard (workshops).
export { currentFiscalYear } from "./fiscal-years.ts";

/** The dashboard of the organisation (exact) or of a partnership (small counts suppressed). */
function useDashboard(scope: { partnershipId: string } | "organisation", fiscalYear: number) {
  return useQuery({
    queryKey:
      scope === "organisation"
        ? dashboardKeys.organisation(fiscalYear)
        : dashboardKeys.partnership(scope.partnershipId, fiscalYear),
    queryFn: async () => {
      if (scope === "organisation") {
        const { organisationDashboard: result } = await request(OrganisationDashboardQuery, { fiscalYear });
        return result.__typename === "OrganisationDashboardSuccess" ? result.dashboard : null;
      }
      const { partnershipDashboard: result } = await request(PartnershipDashboardQuery, {
        partnershipId: scope.partnershipId,
        fiscalYear,
      });
      return result.__typename === "PartnershipDashboardSuccess" ? result.dashboard : null;
    },
  });
}

function IndicatorTable({ name, table }: { name: TableName; table: Dashboard[TableName] }) {
  const { t, enumLabel } = useT();
  const { title, keysOf } = tables[name];
  const cells = [...table.cells].sort((a, b) => (b.count ?? -1) - (a.count ?? -1));
  // A key this version of the web does not know yet is shown as the API sent it.
  const label = (cell: { key: string; label?: string | null }) =>
    keysOf && isValueOf(keysOf, cell.key) ? enumLabel(keysOf, cell.key) : (cell.label ?? cell.key);
  return (
    <section aria-labelledby={`table-${name}`}>
      <h2 id={`table-${name}`}>{t(title)}</h2>
      {cells.length === 0 ? (
        <p className="muted">{t("dashboard.none")}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("dashboard.column.item")}</th>
              <th scope="col" className="numeric">
                {t("dashboard.column.count")}
              </th>
            </tr>
          </thead>
          <tbody>
            {cells.map((cell) => (
              <tr key={cell.key}>
                <th scope="row">{label(cell)}</th>
                <td className="numeric">
                  <Count value={cell.count} />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("dashboard.total")}</th>
              <td className="numeric">
                <Count value={table.total} />
              </td>
            </tr>
          </tfoot>
        </table>
      )}
    </section>
  );
}

function DashboardView({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useT();
  return (
    <>
      <p className={dashboard.suppressed ? "alert alert--warn" : "muted"} role="note">
        {t(dashboard.suppressed ? "dashboard.suppressedNote" : "dashboard.exactNote")}
      </p>
      <dl className="tiles">
        {(Object.keys(totals) as TotalName[]).map((name) => (
          <div key={name} className="card">
            <dt className="small muted">{t(totals[name])}</dt>
            <dd className="tile__value">
              <Count value={dashboard[name]} />
            </dd>
          </div>
        ))}
      </dl>
      <div className="grid-2">
        {(Object.keys(tables) as TableName[]).map((name) => (
          <IndicatorTable key={name} name={name} table={dashboard[name]} />
        ))}
      </div>
      <WorkshopFigures workshops={dashboard.workshops} />
      <IntakeNeedsFigures intakeNeeds={dashboard.intakeNeeds} />
    </>
  );
}

/** Coordinators: their organisation's indicators; committee members: their partnership's. */
export function DashboardPage() {
  const { t } = useT();
  const me = useViewer();
  const fiscalYearLabel = useFiscalYearLabel();
  const seats = me.committeeSeats.map((seat) => seat.partnership);
  // The partnership chosen among the committee seats (a screen's filter, like the year).
  const [partnershipId, setPartnershipId] = useState(seats[0]?.id ?? "");
  const ownOrganisation = mayTake(me, "READ_ORGANISATION_DASHBOARD");
  const seat = seats.find((partnership) => partnership.id === partnershipId);
  // The organisation's years follow its own settings, a partnership's its own (Brussels, January…).
  const settings = ownOrganisation ? me.programmeSettings : (seat?.programmeSettings ?? me.programmeSettings);
  const [fiscalYear, setFiscalYear] = useState(() => currentFiscalYear(settings));
  const dashboard = useDashboard(ownOrganisation ? "organisation" : { partnershipId }, fiscalYear);
  const title = ownOrganisation
    ? t("dashboard.organisationTitle", { name: me.actingOrganisation?.name ?? "" })
    : t("dashboard.partnershipTitle", { name: seat?.name ?? "" });
  return (
    <section className="page">
      <h1>{title}</h1>
      <div className="row">
        <SelectField
          label={t("dashboard.fiscalYear")}
          choices={[0, 1, 2].map((back) => {
            const year = currentFiscalYear(settings) - back;
            return { value: year, label: fiscalYearLabel(year, settings) };
          })}
          value={fiscalYear}
          onChange={(event) => setFiscalYear(Number(event.target.value))}
        />
        {!ownOrganisation && seats.length > 1 ? (
          <SelectField
            label={t("dashboard.partnership")}
            choices={seats.map((partnership) => ({ value: partnership.id, label: partnership.name }))}
            value={partnershipId}
            onChange={(event) => setPartnershipId(event.target.value)}
          />
        ) : null}
      </div>
      <Loaded query={dashboard}>
        {(data) =>
          data ? (
            <DashboardView dashboard={data} />
          ) : (
            <p role="alert" className="alert alert--error">
              {t("dashboard.unavailable")}
            </p>
          )
        }
      </Loaded>
    </section>
  );
}
