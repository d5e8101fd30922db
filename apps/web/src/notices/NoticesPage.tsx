import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { client, csrfHeaders, type Session, sessionQuery, unwrap } from "../api.ts";
import { formatMoment } from "../format.ts";
import { useLang, useMessages } from "../i18n/index.ts";
import { sayRefusal } from "../problems.ts";
import { usePageHeading } from "../usePageHeading.ts";
import { ViewLink } from "../ViewLink.tsx";
import { messages } from "./messages.ts";
import { type NoticeView, noticesQuery, unreadNoticesQuery } from "./queries.ts";
import "./notices.css";

/** The signed-in person's notices, in words; viewing them marks them read (the "New" marks stay for this visit). */
export function NoticesPage() {
  const t = useMessages(messages);
  const session = useQuery(sessionQuery);
  const heading = usePageHeading(t.title);
  const signedIn = session.data?.user ? session.data : null;
  return (
    <article className="notices-page" aria-labelledby="notices-title">
      <nav aria-label={t.breadcrumb} className="breadcrumb">
        <ViewLink params={{}}>{t.back}</ViewLink>
      </nav>
      <h1 id="notices-title" tabIndex={-1} ref={heading}>
        {t.title}
      </h1>
      <p className="lede">{t.lede}</p>
      {signedIn ? (
        <NoticeList session={signedIn} />
      ) : session.isPending ? (
        <p aria-busy="true">{t.loading}</p>
      ) : (
        <p className="empty-state">
          {t.notSignedIn} <ViewLink params={{ view: "sign-in" }}>{t.signIn}</ViewLink>
        </p>
      )}
    </article>
  );
}

function NoticeList({ session }: { session: Session }) {
  const t = useMessages(messages);
  const lang = useLang();
  const notices = useQuery(noticesQuery);
  const queryClient = useQueryClient();
  const markRead = useMutation({
    mutationFn: async (upTo: string) =>
      unwrap(await client.v1.notices.read.$post({ json: { upTo } }, csrfHeaders(session))),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: unreadNoticesQuery.queryKey }),
  });
  const newest = notices.data?.data[0];
  const unread = notices.data?.unread ?? 0;
  const { mutate } = markRead;
  useEffect(() => {
    if (newest && unread > 0) mutate(newest.at);
  }, [newest, unread, mutate]);
  if (notices.error) return <p role="alert">{t.loadFailed(sayRefusal(notices.error, lang))}</p>;
  if (!notices.data) return <p aria-busy="true">{t.loading}</p>;
  if (notices.data.data.length === 0) return <p className="empty-state">{t.none}</p>;
  return (
    <section aria-labelledby="notices-caption">
      <h2 id="notices-caption" className="notices-caption">
        {t.caption(notices.data.data.length, notices.data.unread)}
      </h2>
      <ol className="notices">
        {notices.data.data.map((notice) => (
          <NoticeItem key={notice.id} notice={notice} />
        ))}
      </ol>
    </section>
  );
}

function NoticeItem({ notice }: { notice: NoticeView }) {
  const t = useMessages(messages);
  const lang = useLang();
  const { record } = notice;
  const kind = record.kind === "tranche" || record.kind === "event" ? record.kind : "commitment";
  const what = record.title ? t.record[kind](record.title) : t.record.unseen;
  return (
    <li className={notice.read ? "notice" : "notice notice-new"}>
      <h3>
        {t.kinds[notice.kind]}
        {notice.read ? null : <span className="badge badge-new">{t.isNew}</span>}
      </h3>
      <p>
        {record.commitment ? <ViewLink params={{ commitment: record.commitment }}>{what}</ViewLink> : what}
      </p>
      <dl className="notice-facts">
        <div>
          <dt>{t.by}</dt>
          <dd>{notice.by}</dd>
        </div>
        <div>
          <dt>{t.at}</dt>
          <dd>
            <time dateTime={notice.at}>{formatMoment(lang, notice.at)}</time>
          </dd>
        </div>
        {notice.reason ? (
          <div>
            <dt>{notice.kind === "disputed" ? t.statement : t.reason}</dt>
            <dd className="notice-reason">{notice.reason}</dd>
          </div>
        ) : null}
      </dl>
    </li>
  );
}
