import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { ApiProblem, client, sessionQuery, unwrap } from "../api.ts";
import { InputField } from "../forms/Field.tsx";
import { type Lang, useLang, useMessages } from "../i18n/index.ts";
import { detailWords, sayRefusal } from "../problems.ts";
import { usePageHeading } from "../usePageHeading.ts";
import { navigate, viewHref } from "../useSearchParam.ts";
import { ViewLink } from "../ViewLink.tsx";
import { type AccountMessages, messages } from "./messages.ts";
import "./account.css";

type Errors = { email?: string | undefined; password?: string | undefined; form?: string | undefined };

/** What is wrong with the form before it is sent: empty fields, said at the field. */
function missing(email: string, password: string, t: AccountMessages["signIn"]): Errors {
  return {
    email: email.trim() === "" ? t.enterEmail : undefined,
    password: password === "" ? t.enterPassword : undefined,
  };
}

/**
 * The API's refusal, placed at the field it names; anything else (too many attempts, an outage) above the form,
 * in the page's words.
 */
function fromProblem(error: Error, t: AccountMessages["signIn"], lang: Lang): Errors {
  if (!(error instanceof ApiProblem)) return { form: sayRefusal(error, lang) };
  const email = error.fieldMessage("email");
  const password = error.fieldMessage("password");
  if (error.status === 401) return { password: t.wrong };
  if (email || password) {
    return {
      email: email && t.emailProblem(detailWords({ message: email }, lang)),
      password: password && t.passwordProblem(detailWords({ message: password }, lang)),
    };
  }
  return { form: sayRefusal(error, lang) };
}

/** Sign in with e-mail and password. The API sets an HttpOnly session cookie; the page never sees the session. */
export function SignInPage() {
  const all = useMessages(messages);
  const t = all.signIn;
  const lang = useLang();
  const queryClient = useQueryClient();
  const session = useQuery(sessionQuery);
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const emailInput = useRef<HTMLInputElement>(null);
  const passwordInput = useRef<HTMLInputElement>(null);
  const formError = useRef<HTMLParagraphElement>(null);
  const heading = usePageHeading(t.title);

  const signIn = useMutation({
    mutationFn: async (credentials: { email: string; password: string }) => {
      const response = await client.v1.session.$post({ json: credentials });
      return (await unwrap(response)).data;
    },
    onSuccess: async (signedIn) => {
      queryClient.setQueryData(sessionQuery.queryKey, signedIn);
      queryClient.removeQueries({ queryKey: ["tokens"] });
      navigate(new URL(viewHref({ view: "account" }), window.location.href));
      window.scrollTo(0, 0);
      await queryClient.invalidateQueries({ queryKey: sessionQuery.queryKey });
    },
    onError: (error) => {
      setPassword("");
      showErrors(fromProblem(error, t, lang));
    },
  });

  /** Shows the errors and moves focus to the first, so it is announced and can be corrected at once. */
  function showErrors(next: Errors) {
    setErrors(next);
    queueMicrotask(() => {
      if (next.email) emailInput.current?.focus();
      else if (next.password) passwordInput.current?.focus();
      else if (next.form) formError.current?.focus();
    });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems = missing(email, password, t);
    if (problems.email || problems.password) return showErrors(problems);
    setErrors({});
    signIn.mutate({ email: email.trim(), password });
  }

  return (
    <article className="account-page" aria-labelledby="sign-in-title">
      <nav aria-label={all.breadcrumb} className="breadcrumb">
        <ViewLink params={{}}>{all.back}</ViewLink>
      </nav>
      <h1 id="sign-in-title" tabIndex={-1} ref={heading}>
        {t.title}
      </h1>
      {session.data ? (
        <p className="empty-state">
          {t.signedInAs(session.data.user?.name ?? session.data.organisation.name)}{" "}
          <ViewLink params={{ view: "account" }}>{t.goToAccount}</ViewLink>.
        </p>
      ) : null}
      <p className="lede">{t.lede}</p>
      <form className="form" onSubmit={submit} noValidate aria-labelledby="sign-in-title">
        {errors.form ? (
          <p className="form-error" role="alert" tabIndex={-1} ref={formError}>
            {errors.form}
          </p>
        ) : null}
        <InputField
          ref={emailInput}
          label={t.email}
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          error={errors.email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <InputField
          ref={passwordInput}
          label={t.password}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          error={errors.password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <p>
          <button type="submit" className="button" disabled={signIn.isPending}>
            {signIn.isPending ? t.signingIn : t.submit}
          </button>
        </p>
      </form>
      <p className="field-hint">{t.hint}</p>
    </article>
  );
}
