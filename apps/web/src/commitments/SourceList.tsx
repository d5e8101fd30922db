import type { Source } from "@commitments/core";
import { formatPartialDate } from "../format.ts";
import { useLang, useMessages } from "../i18n/index.ts";
import { messages } from "./messages.ts";

/**
 * The sources of a figure, each linked where it has an address, with its kind and publisher: the reader can
 * follow every figure to where it was published. Synthetic sources are flagged as such.
 */
export function SourceList({ sources }: { sources: readonly Source[] }) {
  const t = useMessages(messages);
  const lang = useLang();
  return (
    <ul className="sources">
      {sources.map((source, i) => (
        <li key={`${source.title}-${i}`}>
          {source.url ? <a href={source.url}>{source.title}</a> : <span>{source.title}</span>}
          {source.publisher ? `, ${source.publisher}` : ""}
          {source.published ? ` (${t.sources.published(formatPartialDate(source.published, lang))})` : ""}
          {source.locator ? ` — ${source.locator}` : ""}
          {source.kind === "synthetic" ? (
            <span className="badge badge-synthetic">{t.badges.synthetic}</span>
          ) : (
            <span className="source-kind"> · {t.sourceKinds[source.kind]}</span>
          )}
          {source.quote ? <q>{source.quote}</q> : null}
        </li>
      ))}
    </ul>
  );
}
