import { categoryIds } from "@commitments/core/vocabulary";
import { useQueries, useQuery } from "@tanstack/react-query";
import { type ReactNode, useId } from "react";
import { commitmentsQuery, fulfilmentQuery, sessionQuery } from "../api.ts";
import { Citation } from "../commitments/Citation.tsx";
import { ScrollBox } from "../commitments/ScrollBox.tsx";
import { formatInteger, formatMeasure, formatPartialDate, formatRatio, inMeasureOf } from "../format.ts";
import { FormField } from "../forms/Field.tsx";
import { useLang, useMessages } from "../i18n/index.ts";
import { usePartyName } from "../i18n/names.ts";
import { label } from "../i18n/vocabulary.ts";
import { sayRefusal } from "../problems.ts";
import { usePageHeading } from "../usePageHeading.ts";
import { useSearchParam } from "../useSearchParam.ts";
import { ViewLink } from "../ViewLink.tsx";
import { messages } from "./messages.ts";
import { PinButton } from "./PinButton.tsx";
import { usePins } from "./pins.ts";
import { disputedCommitmentsQuery, type FulfilmentRow, fulfilmentTableQuery } from "./queries.ts";
import "./watch.css";

interface Flags {
  synthetic: boolean;
  disputed: boolean;
}

/** Longest delay first; among equals, the least of the schedule delivered, then by title. */
function byDelay(a: FulfilmentRow, b: FulfilmentRow): number {
  const fa = a.fulfilment;
  const fb = b.fulfilment;
  return (
    (fb?.delayDays ?? 0) - (fa?.delayDays ?? 0) ||
    (fa?.adherence ?? 1) - (fb?.adherence ?? 1) ||
    a.title.localeCompare(b.title)
  );
}

/**
 * The watch list (?view=watch): commitments behind their schedule, from the API's fulfilment table, longest delay
 * first, filtered by donor and category (the filters are in the URL). Signed-in people also keep their own list
 * of pinned commitments, in this browser.
 */
export function WatchPage() {
  const t = useMessages(messages);
  const lang = useLang();
  const heading = usePageHeading(t.title);
  const [donor, setDonor] = useSearchParam("donor");
  const [category, setCategory] = useSearchParam("category");
  const table = useQuery(fulfilmentTableQuery({ donor, category }));
  const commitments = useQuery(commitmentsQuery);
  const disputed = useQuery(disputedCommitmentsQuery);
  const session = useQuery(sessionQuery);
  const user = session.data?.user ?? undefined;
  const { pins, toggle } = usePins(user?.id);

  const asOf = table.data?.meta.asOf;
  // Pinned commitments are read one by one, whatever the filters, at the table's moment: one citation for both.
  const pinned = useQueries({
    queries: pins.map((id) => ({ ...fulfilmentQuery(id, asOf ?? ""), enabled: asOf !== undefined })),
  });

  const partyName = usePartyName();
  const flagsOf = (id: string): Flags => {
    const commitment = commitments.data?.items.find((c) => c.id === id);
    return {
      synthetic: commitment?.synthetic === true,
      disputed: commitment?.disputed === true || (disputed.data?.includes(id) ?? false),
    };
  };
  const donors = [...new Set(commitments.data?.items.map((c) => c.donor) ?? [])].sort((a, b) =>
    partyName(a).localeCompare(partyName(b), lang),
  );
  // A category's depth in the taxonomy is its number of dots: "ammunition.tank" sits under "ammunition".
  const depthOf = (id: string): number => id.split(".").length - 1;
  const today = asOf ? formatPartialDate(asOf.slice(0, 10), lang) : "";
  const behind = (table.data?.rows ?? []).filter((row) => (row.fulfilment?.delayDays ?? 0) > 0).sort(byDelay);
  const pin = (row: { commitment: string; title: string }) =>
    user
      ? { pinned: pins.includes(row.commitment), toggle: () => toggle(row.commitment), title: row.title }
      : undefined;

  return (
    <article className="watch" aria-labelledby="watch-title">
      <h1 id="watch-title" tabIndex={-1} ref={heading}>
        {t.title}
      </h1>
      <p className="lede">{t.lede}</p>

      <form className="watch-filters" aria-label={t.filters} onSubmit={(event) => event.preventDefault()}>
        <FormField label={t.donor}>
          {(control) => (
            <select
              {...control}
              value={donor ?? ""}
              onChange={(event) => setDonor(event.target.value || null)}
            >
              <option value="">{t.allDonors}</option>
              {donors.map((id) => (
                <option key={id} value={id}>
                  {partyName(id)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t.category}>
          {(control) => (
            <select
              {...control}
              value={category ?? ""}
              onChange={(event) => setCategory(event.target.value || null)}
            >
              <option value="">{t.allCategories}</option>
              {categoryIds.map((id) => (
                <option key={id} value={id}>
                  {"— ".repeat(depthOf(id))}
                  {label("category", id, lang)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {donor || category ? (
          <p className="watch-clear">
            <ViewLink params={{ view: "watch" }}>{t.clear}</ViewLink>
          </p>
        ) : null}
      </form>

      {user ? (
        <section aria-labelledby="mine-title" className="watch-mine">
          <h2 id="mine-title">{t.mine}</h2>
          <p className="field-hint">{t.mineNote}</p>
          {pins.length === 0 ? (
            <p className="empty-state">{t.mineEmpty}</p>
          ) : (
            <WatchTable caption={t.mineCaption(pins.length)} today={today} pinned>
              {pins.map((id, i) => {
                const query = pinned[i];
                if (query?.error)
                  return (
                    <tr key={id} data-commitment={id}>
                      <th scope="row" colSpan={6}>
                        {t.notFound(id)}
                      </th>
                      <td>
                        <PinButton title={id} pinned onToggle={() => toggle(id)} />
                      </td>
                    </tr>
                  );
                const row = query?.data?.data;
                if (!row)
                  return (
                    <tr key={id} data-commitment={id}>
                      <td colSpan={7} aria-busy="true">
                        {t.loading}
                      </td>
                    </tr>
                  );
                return (
                  <WatchRow
                    key={id}
                    row={row}
                    flags={flagsOf(id)}
                    donorName={partyName(row.donor)}
                    pin={pin(row)}
                  />
                );
              })}
            </WatchTable>
          )}
        </section>
      ) : session.data === null ? (
        <p className="field-hint">
          {t.signInToPin} <ViewLink params={{ view: "sign-in" }}>{t.signIn}</ViewLink>
        </p>
      ) : null}

      <section aria-labelledby="behind-title" className="watch-behind">
        <h2 id="behind-title">{t.behindTitle}</h2>
        {table.error ? (
          <p role="alert">{t.failed(sayRefusal(table.error, lang))}</p>
        ) : !table.data ? (
          <p aria-busy="true">{t.loading}</p>
        ) : behind.length === 0 ? (
          <p className="empty-state">
            {donor || category ? t.noneBehindFiltered(today) : t.noneBehind(today)}
          </p>
        ) : (
          <WatchTable caption={t.behindCaption(behind.length, today)} today={today} pinned={Boolean(user)}>
            {behind.map((row) => (
              <WatchRow
                key={row.commitment}
                row={row}
                flags={flagsOf(row.commitment)}
                donorName={partyName(row.donor)}
                pin={pin(row)}
              />
            ))}
          </WatchTable>
        )}
        {table.data ? <Citation meta={table.data.meta} apiPath="/v1/fulfilment" /> : null}
      </section>
    </article>
  );
}

function WatchTable({
  caption,
  today,
  pinned,
  children,
}: {
  caption: string;
  today: string;
  /** Whether rows have a pin button. */
  pinned: boolean;
  children: ReactNode;
}) {
  const t = useMessages(messages);
  const captionId = useId();
  return (
    <ScrollBox labelledBy={captionId}>
      <table className="data-table watch-table">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.commitment}</th>
            <th scope="col">{t.donor}</th>
            <th scope="col" className="num">
              {t.dueBy(today)}
            </th>
            <th scope="col" className="num">
              {t.delivered}
            </th>
            <th scope="col">{t.adherence}</th>
            <th scope="col" className="num">
              {t.daysLate}
            </th>
            {pinned ? <th scope="col">{t.pin}</th> : null}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </ScrollBox>
  );
}

/** One commitment's figures, as the API gave them, in the commitment's own measure. */
function WatchRow({
  row,
  flags,
  donorName,
  pin,
}: {
  row: FulfilmentRow;
  flags: Flags;
  donorName: string;
  pin: { pinned: boolean; toggle: () => void; title: string } | undefined;
}) {
  const t = useMessages(messages);
  const lang = useLang();
  const f = row.fulfilment;
  const amount = (value: string) => formatMeasure(inMeasureOf(row.measure, value), { exact: true, lang });
  return (
    <tr data-commitment={row.commitment}>
      <th scope="row">
        <ViewLink params={{ commitment: row.commitment }}>{row.title}</ViewLink>
        {flags.synthetic ? <span className="badge badge-synthetic">{t.synthetic}</span> : null}
        {flags.disputed ? <span className="badge badge-disputed">{t.disputed}</span> : null}
      </th>
      <td>{donorName}</td>
      {f ? (
        <>
          <td className="num" data-figure="scheduled">
            {amount(f.scheduled)}
          </td>
          <td className="num" data-figure="delivered">
            {amount(f.delivered)}
          </td>
          <td data-figure="adherence">
            {f.adherence === null ? (
              t.nothingDue
            ) : (
              <span className="adherence">
                <svg
                  className="adherence-bar"
                  viewBox="0 0 100 10"
                  aria-hidden="true"
                  preserveAspectRatio="none"
                >
                  <rect className="adherence-track" width={100} height={10} />
                  <rect className="adherence-fill" width={f.adherence * 100} height={10} />
                </svg>
                <span className="num">{formatRatio(f.adherence, lang)}</span>
              </span>
            )}
          </td>
          <td className="num" data-figure="delay">
            {formatInteger(f.delayDays, lang)}
          </td>
        </>
      ) : (
        <td colSpan={4}>{t.noFigures(row.problem ?? "")}</td>
      )}
      {pin ? (
        <td>
          <PinButton title={pin.title} pinned={pin.pinned} onToggle={pin.toggle} />
        </td>
      ) : null}
    </tr>
  );
}
