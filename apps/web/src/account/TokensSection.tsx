import type { TokenScope } from "@commitments/core/access";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useRef, useState } from "react";
import {
  ApiProblem,
  type ApiToken,
  apiError,
  client,
  csrfHeaders,
  refreshSessionOn401,
  type Session,
  tokensQuery,
} from "../api.ts";
import { formatTimestamp } from "../format.ts";
import { Field } from "./Field.tsx";

const access: Record<"read" | "write", { scopes: TokenScope[]; label: string }> = {
  read: { scopes: ["read"], label: "Read only" },
  write: { scopes: ["read", "write"], label: "Read and write (uploads)" },
};

/** Your organisation's API tokens, for machines: listed, created (shown once) and revoked. */
export function TokensSection({ session }: { session: Session }) {
  const tokens = useQuery(tokensQuery);
  const [created, setCreated] = useState<(ApiToken & { token: string }) | null>(null);
  return (
    <section aria-labelledby="tokens-title" className="account-tokens">
      <h2 id="tokens-title">API tokens</h2>
      <p className="lede">
        For programs that upload to the tracker on your organisation's behalf. A token acts with your roles,
        except publishing, which stays a person's decision. Reading needs no token.
      </p>
      {created ? <NewToken created={created} onDone={() => setCreated(null)} /> : null}
      {tokens.error ? (
        <p role="alert">Could not load the tokens: {tokens.error.message}</p>
      ) : !tokens.data ? (
        <p aria-busy="true">Loading the tokens…</p>
      ) : tokens.data.length === 0 ? (
        <p className="empty-state">Your organisation has no API tokens yet.</p>
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

const when = (iso: string | null, none: string) =>
  iso ? <time dateTime={iso}>{formatTimestamp(iso)}</time> : none;

function TokenTable({ tokens, session }: { tokens: ApiToken[]; session: Session }) {
  return (
    <div className="table-scroll">
      <table className="data-table tokens-table">
        <caption>
          {tokens.length} {tokens.length === 1 ? "token" : "tokens"}, newest first. Only the first characters
          of each are kept, to tell them apart.
        </caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Begins</th>
            <th scope="col">Scopes</th>
            <th scope="col">Created</th>
            <th scope="col">Expires</th>
            <th scope="col">Last used</th>
            <th scope="col">Status</th>
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
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const revoke = useMutation({
    mutationFn: async () => {
      const response = await client.v1.tokens[":id"].revoke.$post(
        { param: { id: token.id } },
        csrfHeaders(session),
      );
      if (!response.ok) throw await apiError(response);
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
      <td>{when(token.createdAt, "")}</td>
      <td>{when(token.expiresAt, "Never")}</td>
      <td>{when(token.lastUsedAt, "Never")}</td>
      <td>
        {status === "revoked" ? (
          <>Revoked {when(token.revokedAt, "")}</>
        ) : status === "expired" ? (
          "Expired"
        ) : confirming ? (
          <span className="confirm">
            Programs using it are refused at once.{" "}
            <button
              type="button"
              className="button button-danger"
              disabled={revoke.isPending}
              onClick={() => revoke.mutate()}
            >
              Revoke now
            </button>{" "}
            <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </span>
        ) : (
          <>
            Active{" "}
            <button
              type="button"
              className="button button-secondary"
              aria-label={`Revoke the token “${token.name}”`}
              onClick={() => setConfirming(true)}
            >
              Revoke
            </button>
          </>
        )}
        {revoke.error ? <p role="alert">Could not revoke it: {revoke.error.message}</p> : null}
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
      if (!response.ok) throw await apiError(response);
      return (await response.json()).data;
    },
    onSuccess: (data) => {
      onCreated(data);
      setName("");
      return queryClient.invalidateQueries({ queryKey: tokensQuery.queryKey });
    },
    onError: (error) => {
      refreshSessionOn401(queryClient, error);
      const problem = error instanceof ApiProblem ? error : null;
      const next = {
        name: problem?.fieldMessage("name"),
        expiresInDays: problem?.fieldMessage("expiresInDays"),
        scopes: problem?.fieldMessage("scopes"),
      };
      show(next.name || next.expiresInDays || next.scopes ? next : { form: error.message });
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
      name: name.trim() === "" ? "Give the token a name, to know later what uses it" : undefined,
      expiresInDays:
        Number.isInteger(expiresInDays) && expiresInDays >= 1 && expiresInDays <= 366
          ? undefined
          : "A whole number of days, from 1 to 366: every token expires",
    };
    if (next.name || next.expiresInDays) return show(next);
    setErrors({});
    create.mutate({ name: name.trim(), scopes: access[scope].scopes, expiresInDays });
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="create-token-title">
      <h3 id="create-token-title">Create a token</h3>
      {errors.form ? <p role="alert">Could not create the token: {errors.form}</p> : null}
      <Field
        ref={nameInput}
        label="Name"
        hint="What will use it, e.g. “Nightly upload from the ministry's database”."
        name="token-name"
        maxLength={100}
        required
        value={name}
        error={errors.name}
        onChange={(event) => setName(event.target.value)}
      />
      <fieldset className="field">
        <legend>Scopes</legend>
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
            {access[key].label}
          </label>
        ))}
      </fieldset>
      <Field
        ref={daysInput}
        label="Expires in (days)"
        hint="From 1 to 366."
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
          {create.isPending ? "Creating…" : "Create token"}
        </button>
      </p>
    </form>
  );
}

/** The new token, this once: the API keeps only its hash, so it can never be shown again. */
function NewToken({ created, onDone }: { created: ApiToken & { token: string }; onDone: () => void }) {
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
      <h3 id="new-token-title">Your new token “{created.name}”</h3>
      <p className="warning">
        <strong>Copy it now: it will not be shown again.</strong> Keep it as you would a password. If it is
        lost, revoke it and create another.
      </p>
      <div className="token-copy">
        <label htmlFor="new-token-value" className="visually-hidden">
          New API token
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
          Copy
        </button>
      </div>
      <p role="status" className="field-hint">
        {copied === "yes"
          ? "Copied to the clipboard."
          : copied === "failed"
            ? "The browser did not allow copying: the token is selected, copy it with Ctrl+C (⌘C)."
            : ""}
      </p>
      <p>
        <button type="button" className="button button-secondary" onClick={onDone}>
          I have copied it
        </button>
      </p>
    </section>
  );
}
