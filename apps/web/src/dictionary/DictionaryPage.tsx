import { useQuery } from "@tanstack/react-query";
import { Fragment } from "react";
import { type DataDictionary, dictionaryQuery } from "../api.ts";
import { usePageHeading } from "../usePageHeading.ts";
import { ViewLink } from "../ViewLink.tsx";

type ExportDescription = DataDictionary["exports"][number];

const formatLabels: Record<string, string> = { csv: "CSV", xlsx: "XLSX", json: "JSON" };

/** Row kinds as the template names them, listed for a column: "commitment, event". */
const kinds = (list: readonly string[] | undefined) => (list && list.length > 0 ? list.join(", ") : "—");

/**
 * The data dictionary (?view=data-dictionary): every export the API offers, where to download it, and every
 * column it has, as GET /v1/exports/dictionary documents them.
 */
export function DictionaryPage() {
  const dictionary = useQuery(dictionaryQuery);
  const heading = usePageHeading("Data dictionary");

  return (
    <article className="dictionary-page" aria-labelledby="dictionary-title">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ViewLink params={{}}>← The ladder and all commitments</ViewLink>
      </nav>
      <h1 id="dictionary-title" tabIndex={-1} ref={heading}>
        Data dictionary
      </h1>
      <p className="lede">
        Everything the tracker publishes can be downloaded for any filter and any moment: the records in the
        tracker's own import template, and the series of promised against delivered. Every column of every
        export is described here. The same document, for programs:{" "}
        <a href="/v1/exports/dictionary">
          <code>/v1/exports/dictionary</code>
        </a>
        .
      </p>
      {dictionary.error ? (
        <p role="alert">Could not load the data dictionary: {dictionary.error.message}</p>
      ) : !dictionary.data ? (
        <p aria-busy="true">Loading the data dictionary…</p>
      ) : (
        <>
          {dictionary.data.exports.map((description) => (
            <ExportSection key={description.id} description={description} />
          ))}
          <section aria-labelledby="dictionary-headers-title">
            <h2 id="dictionary-headers-title">Response headers</h2>
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
            <h2 id="dictionary-notes-title">Notes</h2>
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
  const titleId = `dictionary-${description.id}-title`;
  const records = description.id === "records";
  return (
    <section aria-labelledby={titleId} className="dictionary-export">
      <h2 id={titleId}>{description.title}</h2>
      <p>{description.description}</p>
      <p>
        Download:{" "}
        {description.formats.map((f, i) => (
          <span key={f.format}>
            {i > 0 ? " · " : null}
            <a href={f.path} download>
              {formatLabels[f.format] ?? f.format}
            </a>
          </span>
        ))}{" "}
        (everything published, as of now; add the API's filters and <code>asOf</code> to the address for a
        part of it or an earlier moment).
      </p>
      <div className="table-scroll">
        <table className="data-table dictionary-table">
          <caption>
            The {description.columns.length} columns of the {description.title.toLowerCase()} export, in the
            order the CSV and XLSX files have them.
            {records
              ? " Required on import: the row kinds (the record column) a column must be filled on; export-only columns are ignored on import."
              : null}
          </caption>
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">Type</th>
              <th scope="col">Description</th>
              <th scope="col">Example</th>
              {records ? (
                <>
                  <th scope="col">Filled on</th>
                  <th scope="col">Required on import</th>
                </>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {description.columns.map((column) => (
              <tr key={column.name} id={`column-${description.id}-${column.name}`}>
                <th scope="row">
                  <code>{column.name}</code>
                  {column.exportOnly ? <span className="badge badge-export-only">Export only</span> : null}
                </th>
                <td>{column.type}</td>
                <td>{column.description}</td>
                <td>
                  <code>{column.example}</code>
                </td>
                {records ? (
                  <>
                    <td>{kinds(column.appliesTo)}</td>
                    <td>{column.exportOnly ? "no: ignored" : kinds(column.requiredOnImport)}</td>
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
