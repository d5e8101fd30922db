import { formatList } from "@commitments/api/client";
import { useQuery } from "@tanstack/react-query";
import { formatInteger, formatMoment } from "../format.ts";
import { useLang, useMessages } from "../i18n/index.ts";
import { sayRefusal } from "../problems.ts";
import { messages } from "./messages.ts";
import { importsQuery } from "./upload.ts";

/** The organisation's recent imports (GET /v1/imports): what was sent, by whom, and what came of it. */
export function RecentImports() {
  const all = useMessages(messages);
  const t = all.recent;
  const formats: Record<string, string> = all.formats;
  const lang = useLang();
  const imports = useQuery(importsQuery);
  return (
    <section aria-labelledby="recent-imports-title" className="recent-imports">
      <h2 id="recent-imports-title" tabIndex={-1}>
        {t.title}
      </h2>
      {imports.error ? (
        <p role="alert">{t.failed(sayRefusal(imports.error, lang))}</p>
      ) : !imports.data ? (
        <p aria-busy="true">{t.loading}</p>
      ) : imports.data.length === 0 ? (
        <p className="empty-state">{t.none}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.when}</th>
                <th scope="col">{t.file}</th>
                <th scope="col">{t.format}</th>
                <th scope="col">{t.by}</th>
                <th scope="col">{t.outcome}</th>
                <th scope="col" className="num">
                  {t.rows}
                </th>
                <th scope="col" className="num">
                  {t.problems}
                </th>
              </tr>
            </thead>
            <tbody>
              {imports.data.map((run) => (
                <tr key={run.id} data-import-id={run.id} data-status={run.status}>
                  <td>
                    <time dateTime={run.at}>{formatMoment(lang, run.at)}</time>
                  </td>
                  <th scope="row">{run.fileName}</th>
                  <td>
                    {formats[run.format] ?? formatList.find((f) => f.id === run.format)?.label ?? run.format}
                  </td>
                  <td>{run.actor}</td>
                  <td>
                    {t.statuses[run.status] ?? run.status}
                    {run.changeSet === null ? "" : t.changeSet(run.changeSet)}
                  </td>
                  <td className="num">{formatInteger(run.rows, lang)}</td>
                  <td className="num">{formatInteger(run.problems, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
