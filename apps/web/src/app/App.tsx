import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useEffect } from "react";
import { AcceptInvitationPage, invitationPath } from "../features/auth/AcceptInvitationPage.tsx";
import { pathAfterSignIn, signInPath, signInUrl } from "../features/auth/auth.routes.ts";
import { SignInPage } from "../features/auth/SignInPage.tsx";
import {
  isOfflineMe,
  type Me,
  mayWrite,
  meQueryKey,
  noteSessionEnded,
  useMe,
} from "../features/auth/session.ts";
import { routes } from "../features/routes.ts";
import { refreshCaseloadSlice } from "../offline/caseload-slice.ts";
import { fieldQueue } from "../offline/field-queue.ts";
import { rememberIdentity } from "../offline/offline-identity.ts";
import { AppFrame } from "./AppFrame.tsx";
import { RequestError } from "./graphql.ts";
import { I18nProvider, ProgrammeFormats, useT } from "./i18n/index.tsx";
import { Link, match, Redirect, useFocusHeadingOnRouteChange, usePath } from "./router.tsx";

/**
 * A request refused for want of a session (expired, signed out in another tab) or of the current
 * CSRF token (a new session elsewhere) asks `me` again: null shows the sign-in page, a new
 * session brings its token.
 */
function recheckSessionOn(error: Error) {
  if (error instanceof RequestError && (error.code === "UNAUTHENTICATED" || error.code === "CSRF")) {
    if (error.code === "UNAUTHENTICATED") noteSessionEnded();
    void queryClient.invalidateQueries({ queryKey: meQueryKey, exact: true });
  }
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (query.queryKey[0] !== meQueryKey[0]) recheckSessionOn(error);
    },
  }),
  mutationCache: new MutationCache({ onError: recheckSessionOn }),
  defaultOptions: {
    queries: {
      retry: (count, error) => count < 2 && error instanceof RequestError && error.code === "NETWORK",
      refetchOnWindowFocus: false,
    },
  },
});

/**
 * Signed in with the network: unlock the phone's vault (sending what waits in it) and refresh the
 * caseload slice a worker picks persons from offline.
 */
function useOfflineReadiness(me: Me) {
  const online = !isOfflineMe(me);
  const refreshes = online && mayWrite(me, "ENCOUNTER");
  useEffect(() => {
    if (!online) return;
    // What the app needs to open offline (roles, no names): after sign-in, a switch, a reload.
    rememberIdentity(me);
    void fieldQueue()
      .then(async ({ vault, outbox }) => {
        await outbox.flush();
        if (refreshes) await refreshCaseloadSlice(vault);
      })
      .catch(() => undefined);
    // `me` changes with a sign-in, an organisation switch or a reload: each opens the vault again.
  }, [me, online, refreshes]);
}

function Screen({ me }: { me: Me }) {
  const { t } = useT();
  const { pathname } = usePath();
  useFocusHeadingOnRouteChange(pathname);
  useOfflineReadiness(me);
  const route = routes.find((candidate) => match(candidate.path, pathname));
  const params = route ? match(route.path, pathname) : null;
  const Component = route?.component;
  // Dates in the acting organisation's time zone, written as its locale writes them.
  return (
    <ProgrammeFormats settings={me.programmeSettings}>
      <AppFrame me={me}>
        {Component && params ? (
          <Component params={params} />
        ) : (
          <section className="page">
            <h1>{t("app.notFound")}</h1>
            <Link to="/">{t("app.backHome")}</Link>
          </section>
        )}
      </AppFrame>
    </ProgrammeFormats>
  );
}

function Root() {
  const { t, failureMessage } = useT();
  const me = useMe();
  // Back from no network: ask `me` again (the offline stand-in has no token; the session may have ended).
  useEffect(() => {
    const online = () => void queryClient.invalidateQueries({ queryKey: meQueryKey, exact: true });
    window.addEventListener("online", online);
    return () => window.removeEventListener("online", online);
  }, []);
  const { pathname, search } = usePath();
  if (me.data === undefined) {
    // No answer yet about the session. (A failed re-check keeps the screen that was there.)
    if (me.isError) {
      const code = me.error instanceof RequestError ? me.error.code : "INTERNAL";
      return (
        <main className="centered" id="main">
          <div role="alert">
            <p>{failureMessage({ code })}</p>
          </div>
          <button type="button" className="button" onClick={() => void me.refetch()}>
            {t("app.retry")}
          </button>
        </main>
      );
    }
    return (
      <main className="centered muted" id="main">
        <p role="status">{t("app.loading")}</p>
      </main>
    );
  }
  // An invitation's link opens its page whether or not this browser is signed in (as someone else).
  if (pathname === invitationPath) return <AcceptInvitationPage />;
  if (!me.data) {
    if (pathname !== signInPath) {
      return <Redirect to={signInUrl(location.pathname + location.search + location.hash)} />;
    }
    return <SignInPage />;
  }
  if (pathname === signInPath) return <Redirect to={pathAfterSignIn(search)} />;
  return <Screen me={me.data} />;
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <Root />
      </I18nProvider>
    </QueryClientProvider>
  );
}
