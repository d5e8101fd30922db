import { useQuery } from "@tanstack/react-query";
import { Fragment } from "react";
import { type DataDictionary, dictionaryQuery } from "../api.ts";
import { useLang, useMessages } from "../i18n/index.ts";
import { sayRefusal } from "../problems.ts";
import { usePageHeading } from "../usePageHeading.ts";
import { ViewLink } from "../ViewLink.tsx";
import { messages } from "./messages.ts";
import "./dictionary.css";

type ExportDescription = DataDictionary["exports"][number];

const formatLabels: Record<string, string> = { csv: "CSV", xlsx: "XLSX", json: "JSON" };

/** Row kinds as the template names them, listed for a column: "commitment, event". */
const kinds = (list: readonly string[] | undefined) => (list && list.length > 0 ? list.join(", ") : "—");

/**
 * The data dictionary (?view=data-dictionary): every export the API offers, where to download it, and every
 * column it has, as GET /v1/exports/dictionary documents them.
 */
export function DictionaryPage() {
  const t = useMessages(messages);
  const lang = useLang();
  const dictionary = useQuery(dictionaryQuery);
  const heading = usePageHeading(t.title);

  return (
    <article className="dictionary-page" aria-labelledby="dictionary-title">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ViewLink params={{}}>{t.back}</ViewLink>
      </nav>
      <h1 id="dictionary-title" tabIndex={-1} ref={heading}>
        {t.title}
      </h1>
      <p className="lede">
        {t.lede}{" "}
        <a href="/v1/exports/dictionary">
          <code>/v1/exports/dictionary</code>
        </a>
        .
      </p>
      {lang === "en" ? null : <p className="hint">{t.contentNote}</p>}
      {dictionary.error ? (
        <p role="alert">{t.failed(sayRefusal(dictionary.error, lang))}</p>
      ) : !dictionary.data ? (
        <p aria-busy="true">{t.loading}</p>
      ) : (
        <>
          {dictionary.data.exports.map((description) => (
            <ExportSection key={description.id} description={description} />
          ))}
          <section aria-labelledby="dictionary-headers-title">
            <h2 id="dictionary-headers-title">{t.headers}</h2>
            <dl className="facts">
              {dictionary.data.headers.map((header) => (
                <Fragment key={header.name}>
                  <dt>
                    <code>{header.name}</code>
                  </dt>
                  <dd>{header.description}</dd>
                </Fragment>
              ))}
            </dl>
          </section>
          <section aria-labelledby="dictionary-notes-title">
            <h2 id="dictionary-notes-title">{t.notes}</h2>
            <dl className="facts">
              {dictionary.data.notes.map((note) => (
                <Fragment key={note.title}>
                  <dt>{note.title}</dt>
                  <dd>{note.text}</dd>
                </Fragment>
              ))}
            </dl>
          </section>
        </>
      )}
    </article>
  );
}

function ExportSection({ description }: { description: ExportDescription }) {
  const t = useMessages(messages);
  const lang = useLang();
  const titleId = `dictionary-${description.id}-title`;
  const records = description.id === "records";
  return (
    <section aria-labelledby={titleId} className="dictionary-export">
      <h2 id={titleId}>{description.title}</h2>
      <p>{description.description}</p>
      <p>
        {t.download}{" "}
        {description.formats.map((f, i) => (
          <span key={f.format}>
            {i > 0 ? " · " : null}
            <a href={f.path} download>
              {formatLabels[f.format] ?? f.format}
            </a>
          </span>
        ))}{" "}
        {t.downloadNote}
      </p>
      <div className="table-scroll">
        <table className="data-table dictionary-table">
          <caption>
            {t.caption(description.columns.length, description.title)}
            {records ? t.required : null}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t.column}</th>
              <th scope="col">{t.type}</th>
              <th scope="col">{t.description}</th>
              <th scope="col">{t.example}</th>
              {records ? (
                <>
                  <th scope="col">{t.filledOn}</th>
                  <th scope="col">{t.requiredOnImport}</th>
                </>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {description.columns.map((column) => (
              <tr key={column.name} id={`column-${description.id}-${column.name}`}>
                <th scope="row">
                  <code>{column.name}</code>
                  {column.exportOnly ? <span className="badge badge-export-only">{t.exportOnly}</span> : null}
                </th>
                <td>{column.type}</td>
                <td>
                  {column.description}
                  {column.values ? (
                    <details className="dictionary-values">
                      <summary>{t.values(column.values.length)}</summary>
                      <dl>
                        {column.values.map((value) => (
                          <Fragment key={value.id}>
                            <dt>
                              <code>{value.id}</code> {value[lang].label}
                            </dt>
                            <dd>{value[lang].description}</dd>
                          </Fragment>
                        ))}
                      </dl>
                    </details>
                  ) : null}
                </td>
                <td>
                  <code>{column.example}</code>
                </td>
                {records ? (
                  <>
                    <td>{kinds(column.appliesTo)}</td>
                    <td>{column.exportOnly ? t.ignored : kinds(column.requiredOnImport)}</td>
                  </>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
