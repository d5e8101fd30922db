import { useQuery } from "@tanstack/react-query";
import { partiesQuery } from "../api.ts";
import { useLang, useMessages } from "../i18n/index.ts";
import type { DonorRecords, RecordKind } from "./queries.ts";
import { changesInWords, type Namer, recordInWords } from "./review.ts";
import { reviewMessages } from "./review-messages.ts";

/*
 * A record as the public will read it, and a proposal's changes field by field: what an approver looks at before
 * deciding.
 */

/** Ids in words: parties by their name in the page's language, commitments by their title. */
export function useNamer(records: DonorRecords): Namer {
  const t = useMessages(reviewMessages);
  const lang = useLang();
  const parties = useQuery(partiesQuery);
  const titles = new Map(records.commitments.map((c) => [c.id, c.title]));
  return {
    lang,
    party: (id) => {
      const party = parties.data?.find((p) => p.id === id);
      return (lang === "uk" ? party?.nameUk : undefined) ?? party?.name ?? id;
    },
    commitment: (id) => titles.get(id) ?? t.none,
    none: t.none,
    position: t.position,
  };
}

/** The record of a kind with an id among the ministry's records, as the API read it. */
export function recordOf(
  records: DonorRecords,
  kind: RecordKind,
  id: string,
): Record<string, unknown> | undefined {
  const list =
    kind === "commitment" ? records.commitments : kind === "tranche" ? records.tranches : records.events;
  return (list as { id: string }[]).find((r) => r.id === id) as Record<string, unknown> | undefined;
}

/** The record's fields the public reads, under their labels, and its sources with their links. */
export function RecordFacts({ record, names }: { record: Record<string, unknown>; names: Namer }) {
  const t = useMessages(reviewMessages);
  const { facts, sources } = recordInWords(record, names);
  return (
    <dl className="review-facts">
      {facts.map(({ field, text }) => (
        <div key={field} data-field={field}>
          <dt>{t.fields[field]}</dt>
          <dd>{text}</dd>
        </div>
      ))}
      {"sources" in record ? (
        <div data-field="sources">
          <dt>{t.fields.sources}</dt>
          <dd>
            {sources.length === 0 ? (
              t.noSources
            ) : (
              <ul className="review-sources">
                {sources.map((source, i) => (
                  <li key={i}>
                    {source.url ? (
                      <a href={source.url} rel="noreferrer noopener" target="_blank">
                        {source.title}
                      </a>
                    ) : (
                      source.title
                    )}
                    {source.detail ? <span className="review-source-detail"> — {source.detail}</span> : null}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

/** What publishing a correction changes: each field the public reads, as published now and as it would become. */
export function ChangesTable({
  changes,
  names,
}: {
  changes: readonly { field: string; before: unknown; after: unknown }[];
  names: Namer;
}) {
  const t = useMessages(reviewMessages);
  const shown = changesInWords(changes, names);
  if (shown.length === 0) return <p>{t.noChanges}</p>;
  return (
    <table className="data-table review-changes">
      <caption>{t.changesCaption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.changeColumns.field}</th>
          <th scope="col">{t.changeColumns.before}</th>
          <th scope="col">{t.changeColumns.after}</th>
        </tr>
      </thead>
      <tbody>
        {shown.map((change) => (
          <tr key={change.field} data-field={change.field}>
            <th scope="row">{t.fields[change.field]}</th>
            <td>
              <del>{change.before}</del>
            </td>
            <td>
              <ins>{change.after}</ins>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
