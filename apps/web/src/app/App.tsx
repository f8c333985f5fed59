import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { pathAfterSignIn, signInPath, signInUrl } from "../features/auth/auth.routes.ts";
import { SignInPage } from "../features/auth/SignInPage.tsx";
import { type Me, meQueryKey, useMe } from "../features/auth/session.ts";
import { routes } from "../features/routes.ts";
import { AppFrame } from "./AppFrame.tsx";
import { RequestError } from "./graphql.ts";
import { I18nProvider, useT } from "./i18n/index.tsx";
import { Link, match, Redirect, useFocusHeadingOnRouteChange, usePath } from "./router.tsx";

/**
 * A request refused for want of a session (expired, signed out in another tab) or of the current
 * CSRF token (a new session elsewhere) asks `me` again: null shows the sign-in page, a new
 * session brings its token.
 */
function recheckSessionOn(error: Error) {
  if (error instanceof RequestError && (error.code === "UNAUTHENTICATED" || error.code === "CSRF")) {
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

function Screen({ me }: { me: Me }) {
  const { t } = useT();
  const { pathname } = usePath();
  useFocusHeadingOnRouteChange(pathname);
  for (const route of routes) {
    const params = match(route.path, pathname);
    if (params) {
      const Component = route.component;
      return (
        <AppFrame me={me}>
          <Component params={params} />
        </AppFrame>
      );
    }
  }
  return (
    <AppFrame me={me}>
      <section className="page">
        <h1>{t("app.notFound")}</h1>
        <Link to="/">{t("app.backHome")}</Link>
      </section>
    </AppFrame>
  );
}

function Root() {
  const { t, failureMessage } = useT();
  const me = useMe();
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
