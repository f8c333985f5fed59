import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import {
  type AppErrorResult,
  type FieldError,
  graphql,
  RequestError,
  setCsrfToken,
} from "../../app/graphql.ts";
import { errorMessageKey, fieldMessageKey, useT } from "../../app/i18n/index.tsx";
import { useFocusHeadingOnRouteChange, usePath } from "../../app/router.tsx";
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

/** What went wrong, kept as codes so the message follows a change of language. */
interface SignInFailure {
  code: string;
  retryAfterSeconds?: number;
  fields: FieldError[];
}

const formFields = ["email", "password"] as const;

/**
 * The sign-in page (`/connexion`). On success the `me` query holds the new session and the
 * app takes the person to the page they asked for, or home (app/App.tsx).
 */
export function SignInPage() {
  const { t } = useT();
  const { pathname } = usePath();
  useFocusHeadingOnRouteChange(pathname);
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [failure, setFailure] = useState<SignInFailure | null>(null);
  const errorId = useId();
  const signIn = useMutation({
    mutationFn: () => graphql<{ signIn: SignInResult }>(signInMutation, { input: { email, password } }),
    onSuccess: ({ signIn: result }) => {
      if ("me" in result) {
        setFailure(null);
        setCsrfToken(result.me.csrfToken);
        queryClient.setQueryData(meQueryKey, result.me);
        return;
      }
      const refused = result as AppErrorResult;
      setFailure({
        code: refused.code,
        retryAfterSeconds: refused.retryAfterSeconds,
        fields: refused.fields ?? [],
      });
    },
    onError: (error) =>
      setFailure({ code: error instanceof RequestError ? error.code : "INTERNAL", fields: [] }),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!signIn.isPending) signIn.mutate();
  }

  function failureMessage(current: SignInFailure): string {
    if (current.code === "TOO_MANY_ATTEMPTS") {
      return t("errors.TOO_MANY_ATTEMPTS", {
        minutes: Math.max(1, Math.ceil((current.retryAfterSeconds ?? 60) / 60)),
      });
    }
    if (current.code === "INPUT_VALIDATION" && current.fields.length > 0) {
      // One message per field: the first problem the API names is the one to fix first.
      const firstPerField = current.fields.filter(
        (field, index) => current.fields.findIndex((other) => other.path === field.path) === index,
      );
      return firstPerField
        .map((field) => {
          const key = fieldMessageKey(field.code);
          return t("auth.fieldError", {
            field: t(field.path === "password" ? "auth.password" : "auth.email"),
            message: key ? t(key) : field.message,
          });
        })
        .join(" ");
    }
    return t(errorMessageKey(current.code));
  }

  /** A field is marked invalid when the API named it, or when the pair was refused. */
  function invalid(name: (typeof formFields)[number]): true | undefined {
    if (!failure) return undefined;
    if (failure.code === "INVALID_CREDENTIALS") return true;
    return failure.fields.some((field) => field.path === name) || undefined;
  }

  return (
    <div className="sign-in">
      <header className="sign-in__lang">
        <LanguageSwitch />
      </header>
      <main className="sign-in__card" id="main">
        <p className="brand" aria-hidden="true">
          <span className="brand__mark">M</span> {t("app.name")}
        </p>
        <h1>{t("auth.title")}</h1>
        <p className="muted">{t("auth.intro")}</p>
        <form onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor="email">{t("auth.email")}</label>
            <input
              id="email"
              name="email"
              type="email"
              autoComplete="username"
              inputMode="email"
              autoCapitalize="none"
              spellCheck={false}
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              aria-invalid={invalid("email")}
              aria-describedby={invalid("email") ? errorId : undefined}
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
              aria-invalid={invalid("password")}
              aria-describedby={invalid("password") ? errorId : undefined}
            />
          </div>
          {/* Always in the page, so screen readers announce the message when it appears. */}
          <div role="alert" id={errorId} className={failure ? "alert alert--error" : "visually-hidden"}>
            {failure ? failureMessage(failure) : null}
          </div>
          <button
            type="submit"
            className="button button--primary button--block"
            aria-disabled={signIn.isPending || undefined}
          >
            {signIn.isPending ? t("auth.submitting") : t("auth.submit")}
          </button>
        </form>
        <p className="small muted">{t("auth.confidentiality")}</p>
      </main>
    </div>
  );
}
