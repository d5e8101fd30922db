import type { TokenScope } from "@commitments/core/access";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useRef, useState } from "react";
import {
  ApiProblem,
  type ApiToken,
  accepted,
  client,
  csrfHeaders,
  refreshSessionOn401,
  type Session,
  tokensQuery,
  unwrap,
} from "../api.ts";
import { formatMoment } from "../format.ts";
import { InputField } from "../forms/Field.tsx";
import { type Lang, useLang, useMessages } from "../i18n/index.ts";
import { detailWords, sayRefusal } from "../problems.ts";
import { messages } from "./messages.ts";

const access: Record<"read" | "write", TokenScope[]> = { read: ["read"], write: ["read", "write"] };

/** Your organisation's API tokens, for machines: listed, created (shown once) and revoked. */
export function TokensSection({ session }: { session: Session }) {
  const t = useMessages(messages).tokens;
  const lang = useLang();
  const tokens = useQuery(tokensQuery);
  const [created, setCreated] = useState<(ApiToken & { token: string }) | null>(null);
  return (
    <section aria-labelledby="tokens-title" className="account-tokens">
      <h2 id="tokens-title">{t.title}</h2>
      <p className="lede">{t.lede}</p>
      {created ? <NewToken created={created} onDone={() => setCreated(null)} /> : null}
      {tokens.error ? (
        <p role="alert">{t.loadFailed(sayRefusal(tokens.error, lang))}</p>
      ) : !tokens.data ? (
        <p aria-busy="true">{t.loading}</p>
      ) : tokens.data.length === 0 ? (
        <p className="empty-state">{t.none}</p>
      ) : (
        <TokenTable tokens={tokens.data} session={session} />
      )}
      <CreateToken session={session} onCreated={setCreated} />
    </section>
  );
}

function statusOf(token: ApiToken): "revoked" | "expired" | "active" {
  if (token.revokedAt) return "revoked";
  if (token.expiresAt && Date.parse(token.expiresAt) <= Date.now()) return "expired";
  return "active";
}

const when = (lang: Lang, iso: string | null, none: string) =>
  iso ? <time dateTime={iso}>{formatMoment(lang, iso)}</time> : none;

function TokenTable({ tokens, session }: { tokens: ApiToken[]; session: Session }) {
  const t = useMessages(messages).tokens;
  return (
    <div className="table-scroll">
      <table className="data-table tokens-table">
        <caption>{t.caption(tokens.length)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.columns.name}</th>
            <th scope="col">{t.columns.begins}</th>
            <th scope="col">{t.columns.scopes}</th>
            <th scope="col">{t.columns.created}</th>
            <th scope="col">{t.columns.expires}</th>
            <th scope="col">{t.columns.lastUsed}</th>
            <th scope="col">{t.columns.status}</th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <TokenRow key={token.id} token={token} session={session} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function TokenRow({ token, session }: { token: ApiToken; session: Session }) {
  const t = useMessages(messages).tokens;
  const lang = useLang();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const revoke = useMutation({
    mutationFn: async () => {
      const response = await client.v1.tokens[":id"].revoke.$post(
        { param: { id: token.id } },
        csrfHeaders(session),
      );
      await accepted(response);
    },
    onSuccess: () => {
      setConfirming(false);
      return queryClient.invalidateQueries({ queryKey: tokensQuery.queryKey });
    },
    onError: (error) => refreshSessionOn401(queryClient, error),
  });
  const status = statusOf(token);
  return (
    <tr data-token-id={token.id} data-status={status}>
      <th scope="row">{token.name}</th>
      <td>
        <code>{token.prefix}…</code>
      </td>
      <td>{token.scopes.join(", ")}</td>
      <td>{when(lang, token.createdAt, "")}</td>
      <td>{when(lang, token.expiresAt, t.never)}</td>
      <td>{when(lang, token.lastUsedAt, t.never)}</td>
      <td>
        {status === "revoked" ? (
          <>
            {t.revokedAt} {when(lang, token.revokedAt, "")}
          </>
        ) : status === "expired" ? (
          t.expired
        ) : confirming ? (
          <span className="confirm">
            {t.refusedAtOnce}{" "}
            <button
              type="button"
              className="button button-danger"
              disabled={revoke.isPending}
              onClick={() => revoke.mutate()}
            >
              {t.revokeNow}
            </button>{" "}
            <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
              {t.keep}
            </button>
          </span>
        ) : (
          <>
            {t.active}{" "}
            <button
              type="button"
              className="button button-secondary"
              aria-label={t.revokeLabel(token.name)}
              onClick={() => setConfirming(true)}
            >
              {t.revoke}
            </button>
          </>
        )}
        {revoke.error ? <p role="alert">{t.revokeFailed(sayRefusal(revoke.error, lang))}</p> : null}
      </td>
    </tr>
  );
}

type CreateErrors = {
  name?: string | undefined;
  expiresInDays?: string | undefined;
  scopes?: string | undefined;
  form?: string | undefined;
};

function CreateToken({
  session,
  onCreated,
}: {
  session: Session;
  onCreated: (created: ApiToken & { token: string }) => void;
}) {
  const t = useMessages(messages).tokens;
  const lang = useLang();
  const queryClient = useQueryClient();
  const scopesName = useId();
  const [name, setName] = useState("");
  const [scope, setScope] = useState<"read" | "write">("write");
  const [days, setDays] = useState("90");
  const [errors, setErrors] = useState<CreateErrors>({});
  const nameInput = useRef<HTMLInputElement>(null);
  const daysInput = useRef<HTMLInputElement>(null);

  const create = useMutation({
    mutationFn: async (body: { name: string; scopes: TokenScope[]; expiresInDays: number }) => {
      const response = await client.v1.tokens.$post({ json: body }, csrfHeaders(session));
      return (await unwrap(response)).data;
    },
    onSuccess: (data) => {
      onCreated(data);
      setName("");
      return queryClient.invalidateQueries({ queryKey: tokensQuery.queryKey });
    },
    onError: (error) => {
      refreshSessionOn401(queryClient, error);
      const problem = error instanceof ApiProblem ? error : null;
      const at = (field: string) => {
        const message = problem?.fieldMessage(field);
        return message === undefined ? undefined : detailWords({ message }, lang);
      };
      const next = { name: at("name"), expiresInDays: at("expiresInDays"), scopes: at("scopes") };
      show(next.name || next.expiresInDays || next.scopes ? next : { form: sayRefusal(error, lang) });
    },
  });

  function show(next: CreateErrors) {
    setErrors(next);
    queueMicrotask(() => {
      if (next.name) nameInput.current?.focus();
      else if (next.expiresInDays) daysInput.current?.focus();
    });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const expiresInDays = Number(days);
    const next: CreateErrors = {
      name: name.trim() === "" ? t.nameMissing : undefined,
      expiresInDays:
        Number.isInteger(expiresInDays) && expiresInDays >= 1 && expiresInDays <= 366
          ? undefined
          : t.daysWrong,
    };
    if (next.name || next.expiresInDays) return show(next);
    setErrors({});
    create.mutate({ name: name.trim(), scopes: access[scope], expiresInDays });
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="create-token-title">
      <h3 id="create-token-title">{t.createTitle}</h3>
      {errors.form ? <p role="alert">{t.createFailed(errors.form)}</p> : null}
      <InputField
        ref={nameInput}
        label={t.name}
        hint={t.nameHint}
        name="token-name"
        maxLength={100}
        required
        value={name}
        error={errors.name}
        onChange={(event) => setName(event.target.value)}
      />
      <fieldset className="field">
        <legend>{t.scopes}</legend>
        {errors.scopes ? <p className="field-error">{errors.scopes}</p> : null}
        {(["read", "write"] as const).map((key) => (
          <label key={key} className="choice">
            <input
              type="radio"
              name={scopesName}
              value={key}
              checked={scope === key}
              onChange={() => setScope(key)}
            />{" "}
            {t.access[key]}
          </label>
        ))}
      </fieldset>
      <InputField
        ref={daysInput}
        label={t.days}
        hint={t.daysHint}
        type="number"
        inputMode="numeric"
        min={1}
        max={366}
        step={1}
        name="token-days"
        required
        value={days}
        error={errors.expiresInDays}
        onChange={(event) => setDays(event.target.value)}
      />
      <p>
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? t.creating : t.create}
        </button>
      </p>
    </form>
  );
}

/** The new token, this once: the API keeps only its hash, so it can never be shown again. */
function NewToken({ created, onDone }: { created: ApiToken & { token: string }; onDone: () => void }) {
  const t = useMessages(messages).tokens;
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const copy = async () => {
    input.current?.select();
    try {
      await navigator.clipboard.writeText(created.token);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  };
  return (
    <section className="new-token" aria-labelledby="new-token-title">
      <h3 id="new-token-title">{t.newTitle(created.name)}</h3>
      <p className="warning">
        <strong>{t.copyNow}</strong> {t.keepSafe}
      </p>
      <div className="token-copy">
        <label htmlFor="new-token-value" className="visually-hidden">
          {t.newLabel}
        </label>
        <input
          id="new-token-value"
          ref={input}
          className="token-value"
          readOnly
          value={created.token}
          onFocus={(event) => event.target.select()}
          spellCheck={false}
          autoComplete="off"
        />
        <button type="button" className="button" onClick={copy}>
          {t.copy}
        </button>
      </div>
      <p role="status" className="field-hint">
        {copied === "yes" ? t.copied : copied === "failed" ? t.copyFailed : ""}
      </p>
      <p>
        <button type="button" className="button button-secondary" onClick={onDone}>
          {t.done}
        </button>
      </p>
    </section>
  );
}
