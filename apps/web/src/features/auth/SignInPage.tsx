import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { type AppErrorResult, graphql, RequestError, setCsrfToken } from "../../app/graphql.ts";
import { type MessageKey, useT } from "../../app/i18n/index.tsx";
import { LanguageSwitch } from "../../ui/LanguageSwitch.tsx";
import { type Me, meFields, meQueryKey } from "./session.ts";

type SignInResult = ({ __typename: "SignInSuccess"; me: Me } | AppErrorResult) & { __typename: string };

const signInMutation = `mutation SignIn($input: SignInInput!) {
  signIn(input: $input) {
    __typename
    ... on SignInSuccess { me { ${meFields} } }
    ... on AppError { code message }
    ... on TooManyAttemptsError { retryAfterSeconds }
    ... on InputValidationError { fields { path code message } }
  }
}`;

export function SignInPage() {
  const { t } = useT();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  const signIn = useMutation({
    mutationFn: () => graphql<{ signIn: SignInResult }>(signInMutation, { input: { email, password } }),
    onSuccess: ({ signIn: result }) => {
      if ("me" in result) {
        setCsrfToken(result.me.csrfToken);
        queryClient.setQueryData(meQueryKey, result.me);
        setError(null);
        return;
      }
      const failure = result as AppErrorResult;
      if (failure.code === "TOO_MANY_ATTEMPTS") {
        setError(
          t("errors.TOO_MANY_ATTEMPTS", { minutes: Math.ceil((failure.retryAfterSeconds ?? 60) / 60) }),
        );
      } else if (failure.code === "INPUT_VALIDATION" && failure.fields?.length) {
        setError(
          failure.fields
            .map(
              (f) =>
                `${t(f.path === "email" ? "auth.email" : "auth.password")} : ${t(`field.${f.code}` as MessageKey)}`,
            )
            .join(" "),
        );
      } else {
        setError(t(`errors.${failure.code}` as MessageKey));
      }
    },
    onError: (failure) =>
      setError(t(`errors.${failure instanceof RequestError ? failure.code : "INTERNAL"}` as MessageKey)),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    signIn.mutate();
  }

  return (
    <div className="sign-in">
      <div className="sign-in__lang">
        <LanguageSwitch />
      </div>
      <main className="sign-in__card" id="main">
        <p className="brand" aria-hidden="true">
          <span className="brand__mark">M</span> {t("app.name")}
        </p>
        <h1>{t("auth.title")}</h1>
        <p className="muted">{t("auth.intro")}</p>
        <form onSubmit={submit} noValidate aria-describedby={error ? errorId : undefined}>
          <div className="field">
            <label htmlFor="email">{t("auth.email")}</label>
            <input
              id="email"
              name="email"
              type="email"
              autoComplete="username"
              inputMode="email"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              aria-invalid={error ? true : undefined}
            />
          </div>
          <div className="field">
            <label htmlFor="password">{t("auth.password")}</label>
            <input
              id="password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-invalid={error ? true : undefined}
            />
          </div>
          <div role="alert" id={errorId} className={error ? "alert alert--error" : "visually-hidden"}>
            {error}
          </div>
          <button type="submit" className="button button--primary button--block" disabled={signIn.isPending}>
            {signIn.isPending ? t("auth.submitting") : t("auth.submit")}
          </button>
        </form>
        <p className="small muted">{t("auth.confidentiality")}</p>
      </main>
    </div>
  );
}
