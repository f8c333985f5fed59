import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { RequestError, request } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { Fact } from "../../ui/Fact.tsx";
import { QueryFailure } from "../../ui/QueryFailure.tsx";
import { useViewer } from "../auth/session.ts";
import { useMyPartnerships } from "../partnerships/useMyPartnerships.ts";
import { type PartnerPreview, PartnerPreviewQuery, personKeys } from "./persons.graphql.ts";

async function loadPreview(person: string, organisation: string): Promise<PartnerPreview> {
  const result = (await request(PartnerPreviewQuery, { person, organisation })).personAsSeenBy;
  if (result.__typename === "PersonAsSeenBySuccess") return result.preview;
  throw new RequestError(result.code, result.message);
}

/**
 * "See as partner": what the chosen organisation reads of this file, by the rules it is served
 * by, shown read-only. The API answers only the fields a partner may read: the legal name and
 * every note are shown as hidden because a partner never gets them.
 */
export function PartnerPreviewPanel({ personId }: { personId: string }) {
  const { t, formatDateTime, enumLabel } = useT();
  const me = useViewer();
  const selectId = useId();
  const partnerships = useMyPartnerships();
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
    queryFn: () => loadPreview(personId, organisationId),
  });
  const result = preview.data;
  const profile = result?.profile ?? null;
  const hidden = <em className="muted">{t("preview.hidden")}</em>;
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
              <Fact term={t("file.alias")}>{profile.alias}</Fact>
              <Fact term={t("file.birthYear")}>{profile.birthYear ?? "—"}</Fact>
              <Fact term={t("file.gender")}>{enumLabel("Gender", profile.gender)}</Fact>
              <Fact term={t("file.languages")}>{profile.languages.join(", ") || "—"}</Fact>
              <Fact term={t("file.contact")}>{profile.safeContactNote ?? "—"}</Fact>
              <Fact term={t("file.legalName")}>{hidden}</Fact>
            </dl>
          ) : null}
          {result.encounters.length > 0 ? (
            <>
              <h3>{t("preview.encounters", { count: result.encounters.length })}</h3>
              <ul className="card-list">
                {result.encounters.map((encounter, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a read-only snapshot, never reordered or edited.
                  <li key={`${encounter.occurredAt}-${index}`} className="card small">
                    <strong>{formatDateTime(encounter.occurredAt)}</strong> —{" "}
                    {enumLabel("PlaceType", encounter.placeType)}
                    {encounter.themes.length > 0
                      ? `, ${encounter.themes.map((theme) => enumLabel("Theme", theme)).join(", ")}`
                      : null}
                    <br />
                    {t("timeline.note")} : {hidden}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="small">{t("preview.encounters", { count: 0 })}</p>
          )}
          <p className="small">{t("preview.accompaniments", { count: result.accompaniments.length })}</p>
          <p className="small">{t("preview.visits", { count: result.nurseVisits.length })}</p>
          <p className="small">{t("preview.referrals", { count: result.referrals.length })}</p>
        </div>
      ) : null}
    </section>
  );
}
