import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { SecondFactorNotice } from "../features/account/SecondFactorNotice.tsx";
import { signInPath } from "../features/auth/auth.routes.ts";
import { type Me, meQueryKey } from "../features/auth/session.ts";
import { QueueBadge } from "../features/offline-queue/QueueBadge.tsx";
import { useFieldQueue } from "../features/offline-queue/useFieldQueue.ts";
import { ReferralBadge } from "../features/referrals/ReferralBadge.tsx";
import { navEntries } from "../features/routes.ts";
import { graphql } from "../generated/gql.ts";
import { forgetThisDevice } from "../offline/field-queue.ts";
import { rememberIdentity } from "../offline/offline-identity.ts";
import { ConfirmDialog } from "../ui/ConfirmDialog.tsx";
import { LanguageSwitch } from "../ui/LanguageSwitch.tsx";
import { failureOf, MutationFailure, mutate, request, setCsrfToken } from "./graphql.ts";
import { useT } from "./i18n/index.tsx";
import { Link, navigate, usePath } from "./router.tsx";

const SwitchOrganisation = graphql(`
  mutation SwitchOrganisation($input: SwitchOrganisationInput!) {
    switchOrganisation(input: $input) {
      __typename
      ... on SwitchOrganisationSuccess {
        me {
          ...MeFields
        }
      }
      ...MutationFailure
    }
  }
`);

const SignOut = graphql(`
  mutation SignOut {
    signOut {
      ok
    }
  }
`);

/** A failure of the frame's own actions, kept as data so the message follows the language. */
type FrameNotice = { code: string } | { refusedSwitch: true } | null;

/** Everything cached was read for the previous organisation or session: none of it may show. */
function forgetEverythingButMe(queryClient: ReturnType<typeof useQueryClient>) {
  // Removed rather than invalidated, so no screen shows the previous data while refetching, and
  // the page being left does not refetch. `me` stays: its mounted observer must see the new value.
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
}

function OrganisationSwitcher({ me, onNotice }: { me: Me; onNotice(notice: FrameNotice): void }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const switchOrganisation = useMutation({
    mutationFn: (organisationId: string) =>
      mutate(SwitchOrganisation, (data) => data.switchOrganisation, { input: { organisationId } }),
    onSuccess: ({ me: switched }) => {
      onNotice(null);
      setCsrfToken(switched.csrfToken);
      queryClient.setQueryData(meQueryKey, switched);
      forgetEverythingButMe(queryClient);
      if (location.pathname !== "/") navigate("/");
    },
    // A refused switch (the membership ended meanwhile) says so; anything else says what failed.
    onError: (error) =>
      onNotice(error instanceof MutationFailure ? { refusedSwitch: true } : { code: failureOf(error).code }),
  });
  if (me.memberships.length < 2) {
    return <span className="frame__org">{me.actingOrganisation?.name ?? t("app.noOrganisation")}</span>;
  }
  return (
    <label className="frame__switcher">
      <span className="visually-hidden">{t("app.switchOrganisation")}</span>
      <select
        value={me.actingOrganisation?.id ?? ""}
        aria-busy={switchOrganisation.isPending || undefined}
        onChange={(event) => {
          // Not disabled while switching: a disabled control would drop the keyboard focus.
          if (!switchOrganisation.isPending) switchOrganisation.mutate(event.target.value);
        }}
      >
        {me.actingOrganisation ? null : <option value="">{t("app.noOrganisation")}</option>}
        {me.memberships.map((membership) => (
          <option key={membership.organisation.id} value={membership.organisation.id}>
            {membership.organisation.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * The frame around every signed-in screen: skip link, header (product, acting organisation and
 * its switcher, roles, the person's name, language, sign-out), the menu, and the page in <main>.
 */
export function AppFrame({ me, children }: { me: Me; children: ReactNode }) {
  const { t, enumLabel, failureMessage } = useT();
  const queryClient = useQueryClient();
  const { pathname } = usePath();
  // A failure is shown on the page where it happened, not carried to the next one.
  const [notice, setNoticeAt] = useState<{ notice: NonNullable<FrameNotice>; at: string } | null>(null);
  const setNotice = (next: FrameNotice) => setNoticeAt(next ? { notice: next, at: location.pathname } : null);
  const shown = notice?.at === pathname ? notice.notice : null;
  const queue = useFieldQueue();
  // Entries not sent yet are lost at sign-out: the worker is asked first.
  const [confirmingSignOut, setConfirmingSignOut] = useState(false);
  const signOut = useMutation({
    mutationFn: async () => {
      // The API forgets this device's secret, then everything kept on the phone is deleted.
      await forgetThisDevice();
      await request(SignOut);
    },
    onSuccess: () => {
      setConfirmingSignOut(false);
      rememberIdentity(null);
      setCsrfToken(null);
      forgetEverythingButMe(queryClient);
      queryClient.setQueryData(meQueryKey, null);
      navigate(signInPath, { replace: true });
    },
    // Not signed out on the server (no network…): say so rather than pretend, on a shared phone.
    onError: (error) => setNotice({ code: failureOf(error).code }),
  });
  const entries = navEntries.filter((entry) => entry.visible(me));
  const roleLabels = [
    ...me.roles.map((role) => enumLabel("Role", role)),
    ...(me.committeeSeats.length ? [t("frame.committee")] : []),
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
          <span className="visually-hidden">{t("app.actingAs")}</span>
          <OrganisationSwitcher me={me} onNotice={setNotice} />
          <span className="frame__who">
            <span className="frame__user">{me.user.displayName}</span>
            {roleLabels.length > 0 ? (
              <>
                <span aria-hidden="true"> · </span>
                <span className="frame__roles">{roleLabels.join(" · ")}</span>
              </>
            ) : null}
          </span>
        </div>
        <div className="frame__actions">
          <QueueBadge />
          <ReferralBadge />
          <LanguageSwitch />
          <button
            type="button"
            className="button button--quiet"
            aria-disabled={signOut.isPending || undefined}
            onClick={() => {
              if (signOut.isPending) return;
              if (queue.waiting + queue.failed > 0) setConfirmingSignOut(true);
              else signOut.mutate();
            }}
          >
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
        {/* Always in the page, so screen readers announce a failure of the header's actions. */}
        <div role="alert" className={shown ? "alert alert--error" : "visually-hidden"}>
          {shown ? ("code" in shown ? failureMessage(shown) : t("app.switchOrganisationFailed")) : null}
        </div>
        <SecondFactorNotice me={me} />
        {confirmingSignOut ? (
          <ConfirmDialog
            label={t("app.signOut")}
            question={t("queue.signOutQuestion", { count: queue.waiting + queue.failed })}
            confirmLabel={t("queue.signOutAnyway")}
            pending={signOut.isPending}
            onConfirm={() => signOut.mutate()}
            onCancel={() => setConfirmingSignOut(false)}
          />
        ) : null}
        {children}
      </main>
      <footer className="frame__footer small muted">
        {t("app.signedInAs", { name: `${me.user.displayName} <${me.user.email}>` })}
      </footer>
    </div>
  );
}
