import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { type Me, meFields, meQueryKey } from "../features/auth/session.ts";
import { ReferralBadge } from "../features/referrals/ReferralBadge.tsx";
import { navEntries } from "../features/routes.ts";
import { LanguageSwitch } from "../ui/LanguageSwitch.tsx";
import { graphql, setCsrfToken } from "./graphql.ts";
import { type MessageKey, useT } from "./i18n/index.tsx";
import { Link, navigate, usePath } from "./router.tsx";

const switchMutation = `mutation Switch($input: SwitchOrganisationInput!) {
  switchOrganisation(input: $input) {
    __typename ... on SwitchOrganisationSuccess { me { ${meFields} } } ... on AppError { code }
  }
}`;

function OrganisationSwitcher({ me }: { me: Me }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const [failed, setFailed] = useState(false);
  const switchOrganisation = useMutation({
    mutationFn: (organisationId: string) =>
      graphql<{ switchOrganisation: { __typename: string; me?: Me } }>(switchMutation, {
        input: { organisationId },
      }),
    onSuccess: async ({ switchOrganisation: result }) => {
      if (!result.me) {
        setFailed(true);
        return;
      }
      setFailed(false);
      setCsrfToken(result.me.csrfToken);
      // Another organisation: nothing cached from the previous one may show. (The `me` query
      // stays: its mounted observer must see the new value.)
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
      queryClient.setQueryData(meQueryKey, result.me);
      navigate("/");
    },
    onError: () => setFailed(true),
  });
  if (me.memberships.length < 2) {
    return <span className="frame__org">{me.actingOrganisation?.name ?? t("app.noOrganisation")}</span>;
  }
  return (
    <label className="frame__switcher">
      <span className="visually-hidden">{t("app.switchOrganisation")}</span>
      <select
        value={me.actingOrganisation?.id ?? ""}
        disabled={switchOrganisation.isPending}
        onChange={(event) => switchOrganisation.mutate(event.target.value)}
        aria-invalid={failed || undefined}
      >
        {me.memberships.map((membership) => (
          <option key={membership.organisation.id} value={membership.organisation.id}>
            {membership.organisation.name}
          </option>
        ))}
      </select>
    </label>
  );
}

export function AppFrame({ me, children }: { me: Me; children: ReactNode }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const { pathname } = usePath();
  const signOut = useMutation({
    mutationFn: () => graphql<{ signOut: { ok: boolean } }>("mutation { signOut { ok } }"),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
      queryClient.setQueryData(meQueryKey, null);
      navigate("/", { replace: true });
    },
  });
  const entries = navEntries.filter((entry) => entry.visible(me));
  const roleLabels = [
    ...me.roles.map((role) => t(`role.${role}` as MessageKey)),
    ...(me.committeeSeats.length ? [t("role.COMMITTEE")] : []),
  ];
  return (
    <div className="frame">
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <header className="frame__header">
        <Link to="/" className="brand">
          <span className="brand__mark" aria-hidden="true">
            M
          </span>
          <span>{t("app.name")}</span>
        </Link>
        <div className="frame__context">
          <span className="visually-hidden">{t("app.actingAs")} :</span>
          <OrganisationSwitcher me={me} />
          <span className="frame__roles">{roleLabels.join(" · ")}</span>
        </div>
        <div className="frame__actions">
          <ReferralBadge />
          <LanguageSwitch />
          <button type="button" className="button button--quiet" onClick={() => signOut.mutate()}>
            {t("app.signOut")}
          </button>
        </div>
      </header>
      {entries.length > 1 ? (
        <nav className="frame__nav" aria-label={t("app.menu")}>
          <ul>
            {entries.map((entry) => (
              <li key={entry.to}>
                <Link to={entry.to} aria-current={pathname === entry.to ? "page" : undefined}>
                  {t(entry.label)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <main id="main" className="frame__main">
        {children}
      </main>
      <footer className="frame__footer small muted">
        {t("app.signedInAs", { name: `${me.user.displayName} <${me.user.email}>` })}
      </footer>
    </div>
  );
}
