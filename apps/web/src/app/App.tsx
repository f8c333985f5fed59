import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { SignInPage } from "../features/auth/SignInPage.tsx";
import { type Me, useMe } from "../features/auth/session.ts";
import { routes } from "../features/routes.ts";
import { AppFrame } from "./AppFrame.tsx";
import { RequestError } from "./graphql.ts";
import { I18nProvider, type MessageKey, useT } from "./i18n/index.tsx";
import { Link, match, useFocusHeadingOnRouteChange, usePath } from "./router.tsx";

const queryClient = new QueryClient({
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
  const { t } = useT();
  const me = useMe();
  if (me.isPending) {
    return (
      <p className="centered muted" role="status">
        {t("app.loading")}
      </p>
    );
  }
  if (me.isError) {
    const code = me.error instanceof RequestError ? me.error.code : "INTERNAL";
    return (
      <div className="centered" role="alert">
        <p>{t(`errors.${code}` as MessageKey)}</p>
        <button type="button" className="button" onClick={() => void me.refetch()}>
          {t("app.retry")}
        </button>
      </div>
    );
  }
  return me.data ? <Screen me={me.data} /> : <SignInPage />;
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
