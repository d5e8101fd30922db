import { useQuery } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { confirmingParty } from "../account/access.ts";
import { commitmentsQuery, sessionQuery } from "../api.ts";
import { messages as commitmentMessages } from "../commitments/messages.ts";
import { ScrollBox } from "../commitments/ScrollBox.tsx";
import { formatMeasure, formatPartialDate } from "../format.ts";
import { useLang, useMessages } from "../i18n/index.ts";
import { usePartyName } from "../i18n/names.ts";
import { sayRefusal } from "../problems.ts";
import { usePageHeading } from "../usePageHeading.ts";
import { ViewLink } from "../ViewLink.tsx";
import { ConfirmForm } from "./ConfirmForm.tsx";
import { messages } from "./messages.ts";
import { type DeliveryToConfirm, toConfirmQuery } from "./queries.ts";
import "../commitments/commitments.css";

/**
 * The verifiers' queue (?view=to-confirm): the published deliveries to their country that wait for its
 * confirmation of receipt, the oldest first, each confirmed in place or opened on its commitment's page.
 */
export function ToConfirmPage() {
  const t = useMessages(messages).queue;
  const lang = useLang();
  const heading = usePageHeading(t.title);
  const session = useQuery(sessionQuery);
  const signedIn = session.data?.user ? session.data : null;
  const party = signedIn ? confirmingParty(signedIn) : null;

  let content: React.ReactNode;
  if (session.error) content = <p role="alert">{sayRefusal(session.error, lang)}</p>;
  else if (session.isPending) content = <p aria-busy="true">{t.loading}</p>;
  else if (!signedIn)
    content = (
      <p className="empty-state">
        {t.notSignedIn} <ViewLink params={{ view: "sign-in" }}>{t.signIn}</ViewLink>
      </p>
    );
  else if (!party) content = <p className="empty-state">{t.notAllowed}</p>;
  else content = <Queue party={party} />;

  return (
    <article className="to-confirm-page" aria-labelledby="to-confirm-title">
      <h1 id="to-confirm-title" tabIndex={-1} ref={heading}>
        {t.title}
      </h1>
      {content}
    </article>
  );
}

function Queue({ party }: { party: string }) {
  const t = useMessages(messages);
  const deliveryOf = useMessages(commitmentMessages).events.deliveryOf;
  const lang = useLang();
  const partyName = usePartyName();
  const queue = useQuery(toConfirmQuery(party));
  const commitments = useQuery(commitmentsQuery);
  const [acting, setActing] = useState<DeliveryToConfirm | null>(null);
  const [notice, setNotice] = useState("");
  const opener = useRef<HTMLButtonElement | null>(null);
  const country = partyName(party);

  const failed = queue.error ?? commitments.error;
  if (failed) return <p role="alert">{t.queue.failed(sayRefusal(failed, lang))}</p>;
  if (!queue.data || !commitments.data) return <p aria-busy="true">{t.queue.loading}</p>;
  const byId = new Map(commitments.data.items.map((c) => [c.id, c]));
  const date = (value: string) => formatPartialDate(value, lang);

  function close(recorded?: string) {
    setActing(null);
    if (recorded) {
      setNotice(recorded);
      // The row is gone once confirmed: focus goes to the page's heading, not to a button that left.
      queueMicrotask(() => document.getElementById("to-confirm-title")?.focus());
    } else queueMicrotask(() => opener.current?.focus());
  }

  return (
    <>
      <p className="lede">{t.queue.lede(country)}</p>
      <p role="status" className="remark-notice">
        {notice}
      </p>
      {queue.data.length === 0 ? (
        <p className="empty-state">{t.queue.empty(country)}</p>
      ) : (
        <ScrollBox labelledBy="to-confirm-caption">
          <table className="data-table" data-to-confirm>
            <caption id="to-confirm-caption">{t.queue.caption(queue.data.length)}</caption>
            <thead>
              <tr>
                <th scope="col">{t.queue.date}</th>
                <th scope="col">{t.queue.donor}</th>
                <th scope="col">{t.queue.commitment}</th>
                <th scope="col" className="num">
                  {t.queue.amount}
                </th>
                <th scope="col">{t.queue.confirm}</th>
              </tr>
            </thead>
            <tbody>
              {queue.data.map((e) => {
                const commitment = byId.get(e.commitment);
                const what = deliveryOf(date(e.date));
                return (
                  <tr key={e.id} data-event={e.id}>
                    <td>
                      <time dateTime={e.date}>{date(e.date)}</time>
                    </td>
                    <td>{commitment ? partyName(commitment.donor) : ""}</td>
                    <th scope="row">
                      <ViewLink params={{ commitment: e.commitment, event: e.id }}>
                        {commitment?.title ?? e.commitment}
                      </ViewLink>
                    </th>
                    <td className="num">{formatMeasure(e.measure, { exact: true, lang })}</td>
                    <td>
                      <button
                        type="button"
                        className="button"
                        onClick={(click) => {
                          opener.current = click.currentTarget;
                          setNotice("");
                          setActing(e);
                        }}
                      >
                        {t.action}
                        <span className="visually-hidden">
                          {" "}
                          — {what}, {commitment?.title ?? ""}
                        </span>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollBox>
      )}
      {acting ? (
        <div className="remark-panel">
          <ConfirmForm
            key={acting.id}
            event={acting}
            what={`${deliveryOf(date(acting.date))} (${byId.get(acting.commitment)?.title ?? acting.commitment})`}
            commitmentId={acting.commitment}
            onCancel={() => close()}
            onDone={close}
          />
        </div>
      ) : null}
    </>
  );
}
