import { useQuery } from "@tanstack/react-query";
import { categoriesQuery, commitmentsQuery, partiesQuery } from "../api.ts";
import { humanise } from "../format.ts";
import { ViewLink } from "../ViewLink.tsx";
import { Citation } from "./Citation.tsx";
import { promised } from "./labels.ts";

/** Every commitment the tracker records; each opens its own view (?commitment=<id>). */
export function CommitmentsSection() {
  const commitments = useQuery(commitmentsQuery);
  const parties = useQuery(partiesQuery);
  const categories = useQuery(categoriesQuery);
  const partyName = (id: string) => parties.data?.find((p) => p.id === id)?.name ?? id;
  const categoryLabel = (id: string) => categories.data?.find((c) => c.id === id)?.label ?? humanise(id);

  return (
    <section id="commitments" aria-labelledby="commitments-title" className="commitments">
      <h2 id="commitments-title">Commitments</h2>
      <p className="lede">
        Pledge lines: what each donor promised, measured in money or in items. Open one to see its schedule
        and what has been delivered against it.
      </p>
      {commitments.error ? (
        <p role="alert">Could not load the commitments: {commitments.error.message}</p>
      ) : !commitments.data ? (
        <p aria-busy="true">Loading the commitments…</p>
      ) : commitments.data.items.length === 0 ? (
        <p>No commitments recorded.</p>
      ) : (
        <>
          <div className="table-scroll">
            <table className="data-table commitments-table">
              <caption>
                {commitments.data.items.length} commitments, by id. Amounts as promised, before any delivery.
              </caption>
              <thead>
                <tr>
                  <th scope="col">Donor</th>
                  <th scope="col">Commitment</th>
                  <th scope="col">Category</th>
                  <th scope="col" className="num">
                    Promised
                  </th>
                </tr>
              </thead>
              <tbody>
                {commitments.data.items.map((c) => (
                  <tr key={c.id} data-commitment={c.id}>
                    <td>{partyName(c.donor)}</td>
                    <th scope="row">
                      <ViewLink params={{ commitment: c.id }}>{c.title}</ViewLink>
                      {c.synthetic ? <span className="badge badge-synthetic">Synthetic</span> : null}
                      {c.retracted ? <span className="badge badge-retracted">Retracted</span> : null}
                    </th>
                    <td>{categoryLabel(c.category)}</td>
                    <td className="num">{promised(c.measure, c.measureBasis)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Citation meta={commitments.data.meta} apiPath="/v1/commitments" />
        </>
      )}
    </section>
  );
}
