import { useQuery } from "@tanstack/react-query";
import { commitmentsQuery } from "../api.ts";
import { useLang, useMessages } from "../i18n/index.ts";
import { usePartyName } from "../i18n/names.ts";
import { label } from "../i18n/vocabulary.ts";
import { sayRefusal } from "../problems.ts";
import { usePageHeading } from "../usePageHeading.ts";
import { ViewLink } from "../ViewLink.tsx";
import { Citation } from "./Citation.tsx";
import { promised } from "./labels.ts";
import { messages } from "./messages.ts";
import { ScrollBox } from "./ScrollBox.tsx";
import "./commitments.css";

/** Every commitment the tracker records (?view=commitments); each opens its own page (?commitment=<id>). */
export function CommitmentsSection() {
  const t = useMessages(messages);
  const lang = useLang();
  const commitments = useQuery(commitmentsQuery);
  const heading = usePageHeading(t.list.title);
  const partyName = usePartyName();

  return (
    <section id="commitments" aria-labelledby="commitments-title" className="commitments">
      <h1 id="commitments-title" tabIndex={-1} ref={heading}>
        {t.list.title}
      </h1>
      <p className="lede">{t.list.lede}</p>
      {commitments.error ? (
        <p role="alert">{t.list.failed(sayRefusal(commitments.error, lang))}</p>
      ) : !commitments.data ? (
        <p aria-busy="true">{t.list.loading}</p>
      ) : commitments.data.items.length === 0 ? (
        <p>{t.list.empty}</p>
      ) : (
        <>
          <ScrollBox labelledBy="commitments-caption">
            <table className="data-table commitments-table">
              <caption id="commitments-caption">{t.list.caption(commitments.data.items.length)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.list.donor}</th>
                  <th scope="col">{t.list.commitment}</th>
                  <th scope="col">{t.list.category}</th>
                  <th scope="col" className="num">
                    {t.list.promised}
                  </th>
                </tr>
              </thead>
              <tbody>
                {commitments.data.items.map((c) => (
                  <tr key={c.id} data-commitment={c.id}>
                    <td>{partyName(c.donor)}</td>
                    <th scope="row">
                      <ViewLink params={{ commitment: c.id }}>{c.title}</ViewLink>
                      {c.synthetic ? (
                        <span className="badge badge-synthetic">{t.badges.synthetic}</span>
                      ) : null}
                      {c.retracted ? (
                        <span className="badge badge-retracted">{t.badges.retracted}</span>
                      ) : null}
                      {c.disputed ? <span className="badge badge-disputed">{t.badges.disputed}</span> : null}
                    </th>
                    <td>{label("category", c.category, lang)}</td>
                    <td className="num">{promised(c.measure, c.measureBasis, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
          <Citation meta={commitments.data.meta} apiPath="/v1/commitments" />
        </>
      )}
    </section>
  );
}
