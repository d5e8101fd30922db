import type { Source } from "@commitments/core";
import { formatPartialDate } from "../format.ts";
import { useLang, useMessages } from "../i18n/index.ts";
import { messages } from "./messages.ts";

/**
 * The sources of a figure, each linked where it has an address, with its kind and publisher: the reader can
 * follow every figure to where it was published. Synthetic sources are flagged as such. `brief` is the ladder's
 * listing: the date as the source gave it, and no kind.
 */
export function SourceList({ sources, brief = false }: { sources: readonly Source[]; brief?: boolean }) {
  const t = useMessages(messages);
  const lang = useLang();
  return (
    <ul className="sources">
      {sources.map((source, i) => (
        <li key={`${source.title}-${i}`}>
          {source.url ? <a href={source.url}>{source.title}</a> : <span>{source.title}</span>}
          {source.publisher ? `, ${source.publisher}` : ""}
          {source.published
            ? ` (${brief ? source.published : t.sources.published(formatPartialDate(source.published, lang))})`
            : ""}
          {source.locator ? ` — ${source.locator}` : ""}
          {source.kind === "synthetic" ? (
            <span className="badge badge-synthetic">{t.badges.synthetic}</span>
          ) : brief ? null : (
            <span className="source-kind"> · {t.sourceKinds[source.kind]}</span>
          )}
          {source.quote ? <q>{source.quote}</q> : null}
        </li>
      ))}
    </ul>
  );
}
