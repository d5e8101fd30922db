import type { Source } from "@commitments/core";

export function SourceList({ sources }: { sources: Source[] }) {
  return (
    <ul className="sources">
      {sources.map((source, i) => (
        <li key={`${source.title}-${i}`}>
          {source.url ? <a href={source.url}>{source.title}</a> : <span>{source.title}</span>}
          {source.publisher ? `, ${source.publisher}` : ""}
          {source.published ? ` (${source.published})` : ""}
          {source.locator ? ` — ${source.locator}` : ""}
          {source.kind === "synthetic" ? <span className="badge badge-synthetic">Synthetic</span> : null}
          {source.quote ? <q>{source.quote}</q> : null}
        </li>
      ))}
    </ul>
  );
}
