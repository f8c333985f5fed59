import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { graphql } from "../../app/graphql.ts";
import { type MessageKey, useT } from "../../app/i18n/index.tsx";
import { enumLabel } from "../../ui/enum-labels.ts";
import { QueryFailure } from "../../ui/QueryFailure.tsx";
import { useViewer } from "../auth/session.ts";
import { usePartnerships } from "./ConsentSection.tsx";
import { type PreviewResult, personKeys, previewQuery } from "./persons.graphql.ts";

const profileFields = ["alias", "birthYear", "gender", "languages", "legalName", "safeContactNote"] as const;
const profileLabels: Record<(typeof profileFields)[number], MessageKey> = {
  alias: "file.alias",
  birthYear: "file.birthYear",
  gender: "file.gender",
  languages: "file.languages",
  legalName: "file.legalName",
  safeContactNote: "file.contact",
};

/** "See as partner": the same rules, run as the chosen organisation, shown read-only. */
export function PartnerPreviewPanel({ personId }: { personId: string }) {
  const { t, language, formatDateTime } = useT();
  const me = useViewer();
  const selectId = useId();
  const partnerships = usePartnerships();
  const [organisationId, setOrganisationId] = useState("");
  const organisations = new Map(
    (partnerships.data ?? [])
      .flatMap((p) => p.members)
      .filter((m) => m.id !== me.actingOrganisation?.id)
      .map((m) => [m.id, m]),
  );
  const preview = useQuery({
    queryKey: personKeys.preview(personId, organisationId),
    enabled: organisationId !== "",
    queryFn: async () => {
      const data = await graphql<{ personAsSeenBy: { preview?: PreviewResult } }>(previewQuery, {
        person: personId,
        organisation: organisationId,
      });
      return data.personAsSeenBy.preview ?? null;
    },
  });
  const shown = (value: unknown) =>
    value === null || value === undefined ? (
      <em className="muted">{t("preview.hidden")}</em>
    ) : Array.isArray(value) ? (
      value.join(", ")
    ) : typeof value === "string" && /^[A-Z_]+$/.test(value) ? (
      enumLabel(language, value)
    ) : (
      String(value)
    );
  const result = preview.data;
  const profile = result?.profile ? (JSON.parse(result.profile.json) as Record<string, unknown>) : null;
  const encounters = (result?.encounters ?? []).map((e) => JSON.parse(e.json) as Record<string, unknown>);
  return (
    <section aria-labelledby="preview-title" className="card">
      <h2 id="preview-title">{t("preview.title")}</h2>
      <p className="small muted">{t("preview.intro")}</p>
      <div className="field">
        <label htmlFor={selectId}>{t("preview.organisation")}</label>
        <select id={selectId} value={organisationId} onChange={(e) => setOrganisationId(e.target.value)}>
          <option value="">{t("preview.choose")}</option>
          {[...organisations.values()].map((organisation) => (
            <option key={organisation.id} value={organisation.id}>
              {organisation.name}
            </option>
          ))}
        </select>
      </div>
      {preview.isError ? <QueryFailure error={preview.error} onRetry={() => void preview.refetch()} /> : null}
      {result ? (
        <div aria-live="polite">
          <p className={result.sees ? "alert alert--warn" : "alert alert--ok"} data-testid="preview-verdict">
            {t(result.sees ? "preview.sees" : "preview.seesNot", { name: result.organisation.name })}
          </p>
          {profile ? (
            <dl className="facts">
              {profileFields.map((field) => (
                <div key={field} style={{ display: "contents" }}>
                  <dt>{t(profileLabels[field])}</dt>
                  <dd>{shown(profile[field])}</dd>
                </div>
              ))}
            </dl>
          ) : null}
          {result.sees ? (
            <>
              <h3>{t("preview.encounters", { count: encounters.length })}</h3>
              <ul className="card-list">
                {encounters.map((encounter, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a read-only snapshot, never reordered or edited.
                  <li key={`${String(encounter.occurredAt)}-${index}`} className="card small">
                    <strong>{formatDateTime(String(encounter.occurredAt))}</strong> —{" "}
                    {shown(encounter.placeType)}, {shown(encounter.themes as string[] | null)}
                    <br />
                    {t("timeline.note")} : {shown(encounter.note)}
                  </li>
                ))}
              </ul>
              <p className="small">{t("preview.accompaniments", { count: result.accompaniments.length })}</p>
              <p className="small">{t("preview.visits", { count: result.nurseVisits.length })}</p>
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
