import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { graphql } from "../../app/graphql.ts";
import { type MessageKey, useT } from "../../app/i18n/index.tsx";
import { enumLabel } from "../../ui/enum-labels.ts";
import { hasRole, useViewer } from "../auth/session.ts";

const tables = [
  "byPlace",
  "byTheme",
  "byChannel",
  "materials",
  "personsByAge",
  "personsByGender",
  "acts",
  "accompaniments",
  "referrals",
] as const;
const totals = ["encounters", "contacts", "personsMet", "visitsCompleted"] as const;

interface Cell {
  key: string;
  count: number | null;
}
interface Dashboard {
  fiscalYear: number;
  suppressed: boolean;
  encounters: number | null;
  contacts: number | null;
  personsMet: number | null;
  visitsCompleted: number | null;
  [table: string]: unknown;
}

const dashboardFields = `fiscalYear suppressed encounters contacts personsMet visitsCompleted
  ${tables.map((table) => `${table} { cells { key count } total }`).join(" ")}`;

/** Fiscal years run 1 April – 31 March: the year the current one started. */
function currentFiscalYear(now = new Date()): number {
  return now.getMonth() >= 3 ? now.getFullYear() : now.getFullYear() - 1;
}

function useDashboard(kind: "organisation" | "partnership", fiscalYear: number, partnershipId?: string) {
  return useQuery({
    queryKey: ["dashboard", kind, fiscalYear, partnershipId],
    queryFn: async () => {
      if (kind === "organisation") {
        const data = await graphql<{ organisationDashboard: { dashboard?: Dashboard } }>(
          `query ($year: Int!) { organisationDashboard(fiscalYear: $year) { ... on OrganisationDashboardSuccess { dashboard { ${dashboardFields} } } } }`,
          { year: fiscalYear },
        );
        return data.organisationDashboard.dashboard ?? null;
      }
      const data = await graphql<{ partnershipDashboard: { dashboard?: Dashboard } }>(
        `query ($id: ID!, $year: Int!) { partnershipDashboard(partnershipId: $id, fiscalYear: $year) { ... on PartnershipDashboardSuccess { dashboard { ${dashboardFields} } } } }`,
        { id: partnershipId, year: fiscalYear },
      );
      return data.partnershipDashboard.dashboard ?? null;
    },
  });
}

function Count({ value }: { value: number | null }) {
  const { t, language } = useT();
  if (value === null) return <span className="badge">{t("dashboard.small")}</span>;
  return <>{new Intl.NumberFormat(language === "fr" ? "fr-CA" : "en-CA").format(value)}</>;
}

function DashboardView({ dashboard }: { dashboard: Dashboard }) {
  const { t, language } = useT();
  return (
    <>
      <p className={dashboard.suppressed ? "alert alert--warn" : "muted"} role="note">
        {t(dashboard.suppressed ? "dashboard.suppressedNote" : "dashboard.exactNote")}
      </p>
      <dl className="tiles">
        {totals.map((key) => (
          <div key={key} className="card">
            <dt className="small muted">{t(`dashboard.${key}` as MessageKey)}</dt>
            <dd className="tile__value">
              <Count value={dashboard[key]} />
            </dd>
          </div>
        ))}
      </dl>
      <div className="grid-2">
        {tables.map((name) => {
          const table = dashboard[name] as { cells: Cell[]; total: number | null };
          const cells = [...table.cells].sort((a, b) => (b.count ?? -1) - (a.count ?? -1));
          return (
            <section key={name} aria-labelledby={`table-${name}`}>
              <h2 id={`table-${name}`}>{t(`dashboard.table.${name}` as MessageKey)}</h2>
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
                        <th scope="row">{enumLabel(language, cell.key)}</th>
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
        })}
      </div>
    </>
  );
}

/** Coordinators: their organisation's indicators; committee members: their partnership's. */
export function DashboardPage() {
  const { t } = useT();
  const me = useViewer();
  const yearId = useId();
  const [fiscalYear, setFiscalYear] = useState(currentFiscalYear());
  const seat = me.committeeSeats[0]?.partnership;
  const coordinator = hasRole(me, "COORDINATOR");
  const kind = coordinator ? "organisation" : "partnership";
  const dashboard = useDashboard(kind, fiscalYear, seat?.id);
  const title = coordinator
    ? t("dashboard.organisationTitle", { name: me.actingOrganisation?.name ?? "" })
    : t("dashboard.partnershipTitle", { name: seat?.name ?? "" });
  return (
    <section className="page">
      <h1>{title}</h1>
      <div className="field field--inline">
        <label htmlFor={yearId}>{t("dashboard.fiscalYear")}</label>
        <select
          id={yearId}
          value={fiscalYear}
          onChange={(event) => setFiscalYear(Number(event.target.value))}
        >
          {[0, 1, 2].map((back) => {
            const year = currentFiscalYear() - back;
            return (
              <option key={year} value={year}>
                {t("dashboard.fiscalYearLabel", { start: year, end: year + 1 })}
              </option>
            );
          })}
        </select>
      </div>
      {dashboard.isPending ? (
        <p role="status" className="muted">
          {t("app.loading")}
        </p>
      ) : dashboard.data ? (
        <DashboardView dashboard={dashboard.data} />
      ) : (
        <p role="alert" className="alert alert--error">
          {t("dashboard.unavailable")}
        </p>
      )}
    </section>
  );
}
