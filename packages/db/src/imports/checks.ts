import type { SourceDataset } from "@commitments/core";
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { rowsOf } from "../entities.ts";
import type { Visibility } from "../records.ts";
import { columnsOf, entityOf, nounOf } from "./stage.ts";
import { id, list } from "./staging.ts";
import type { ImportCounts, ImportParams, ImportProblem, Kind } from "./types.ts";
import { kinds } from "./types.ts";

/** The problems kept for the report: the first `cap`, and how many there were in all. */
export class Problems {
  readonly list: ImportProblem[] = [];
  count = 0;
  constructor(readonly cap: number) {}
  add(problem: ImportProblem) {
    this.count += 1;
    if (this.list.length < this.cap) this.list.push(problem);
  }
  /** Problems listed elsewhere (a reading thread), `count` of them in all. */
  addCounted(listed: readonly ImportProblem[], count: number) {
    for (const problem of listed) this.add(problem);
    this.count += count - listed.length;
  }
  /** Rows to fetch from a check: what still fits, and at least one, so the check's total is counted. */
  get room() {
    return Math.max(this.cap - this.list.length, 1);
  }
}

/**
 * Whether a ledger row (alias `l`) is one a publisher's release may correct or retract: its commitment's figures
 * are of the release's dataset. Never for the tracker's own records, which change through their workflow only.
 */
export function inRelease(kind: Kind, dataset: SourceDataset | null): SQL {
  if (dataset === null || dataset === "tracker" || kind === "parties") return sql`false`;
  if (kind === "commitments") return sql`l.source_dataset = ${dataset}`;
  return sql`exists (select 1 from commitments c where c.id = l.commitment_id and c.valid_to is null
    and c.source_dataset = ${dataset})`;
}

/**
 * The data columns of a kind that differ between a ledger row `l` and a staged row `s`, as a list of names. A
 * release compares figures, not citations (`citations: false`): a figure the new release repeats keeps citing the
 * release that first gave it, whose row numbers and label naturally differ from the new one's.
 */
export function differs(kind: Kind, { citations = true }: { citations?: boolean } = {}): SQL {
  return sql`array_to_string(array[${sql.join(
    columnsOf[kind]
      .filter((col) => col.name !== "id" && (citations || col.name !== "sources"))
      .map(
        (col) =>
          sql`case when l.${id(col.name)} is distinct from s.${id(col.name)} then ${col.key}::text end`,
      ),
    sql`, `,
  )}], ', ')`;
}

/** Whether the ledger row `l` is one the importer may see (records.ts's visibility, as SQL on an alias). */
function seenBy(visibility: Visibility): SQL {
  if (visibility.drafts === "all") return sql`true`;
  if (visibility.drafts === "none") return sql`l.status = 'published'`;
  return sql`(l.status = 'published' or l.organisation_id = ${visibility.organisation})`;
}

interface Found {
  row: number;
  column: string;
  value: string | null;
  message: string;
  total: number;
}

/**
 * The checks across rows and against the ledger, set-based over the staged tables. Adds what it finds to
 * `problems`; returns the records per kind and how many are new (a release's corrections are planned apart).
 */
export async function check(
  tx: Db,
  tables: Record<Kind, string>,
  problems: Problems,
  refuse: ImportParams["refuse"],
  release: SourceDataset | null,
  sees: Visibility,
): Promise<ImportCounts> {
  const seen = seenBy(sees);
  // Each check selects (row, column, value, message); what fits in the report is fetched, the rest counted.
  const run = async (query: SQL) => {
    const found = rowsOf<Found>(
      await tx.execute(sql`select x.*, count(*) over ()::int as total from (${query}) x
        order by x."row" limit ${problems.room}`),
    );
    for (const f of found) {
      problems.add({
        row: f.row,
        column: f.column,
        ...(f.value === null ? {} : { value: f.value }),
        message: f.message,
      });
    }
    problems.count += (found[0]?.total ?? 0) - found.length;
  };
  const c = id(tables.commitments);
  const staged = (kind: Kind) => id(tables[kind]);
  // Every commitment a record of the file may belong to: in the file, or current in the ledger and seen by the
  // importer (another organisation's draft is no parent: it answers as one that does not exist).
  const parents = sql`(select distinct on (id) id, donor, measure_kind, currency, unit, item from ${c}
      order by id, source_row)
    union all
    (select id, donor, measure_kind, currency, unit, item from commitments l
      where l.valid_to is null and not l.retracted and ${seen}
        and not exists (select 1 from ${c} s where s.id = l.id))`;

  for (const kind of kinds) {
    const s = staged(kind);
    const { table } = entityOf[kind];
    const noun = nounOf[kind];
    if (kind === "parties") {
      // A party is introduced by every row that names it: the same party again is no problem, another one is.
      const content = sql`jsonb_build_array(${list(columnsOf.parties.map((col) => col.name))})`;
      await run(sql`select source_row as "row", 'id' as "column", id as value,
          'another party with this id on row ' || first || ' of the file' as message
        from (select source_row, id, ${content} as content,
          first_value(source_row) over (partition by id order by source_row) as first,
          first_value(${content}) over (partition by id order by source_row) as first_content from ${s}) d
        where content <> first_content`);
      // A party the ledger holds is kept as it is: the file names it, it does not define it.
      continue;
    }
    // An id twice in the file: the later rows are problems, whatever they hold.
    await run(sql`select source_row as "row", 'id' as "column", id as value,
        'the ' || ${noun}::text || ' id appears already on row ' || first || ' of the file' as message
      from (select source_row, id, row_number() over (partition by id order by source_row) as n,
        min(source_row) over (partition by id) as first from ${s}) d where n > 1`);
    // An id the ledger holds: with the same values it is skipped; in a release of its dataset it is corrected;
    // otherwise a problem naming what differs. A record the importer may not see is never compared: its id is
    // taken, whatever the file says of it.
    await run(sql`select s.source_row as "row", 'id' as "column", s.id as value,
        case when not ${seen} then 'this id is taken: choose another'
          when l.retracted then 'a retracted ' || ${noun}::text || ' had this id: it stays taken'
          else 'the ledger holds this ' || ${noun}::text || ' with other values: ' || ${differs(kind)} end as message
      from ${s} s join ${table} l on l.id = s.id and l.valid_to is null
      where not ${seen} or ((l.retracted or ${differs(kind)} <> '') and not ${inRelease(kind, release)})`);
    if (kind !== "commitments") {
      await run(sql`select s.source_row as "row", 'commitment' as "column", s.commitment_id as value,
          case when p.id is null then 'no commitment with this id, in the file or the ledger'
            else 'measured otherwise than its commitment, in ' || coalesce(p.currency, p.unit || ' of ' || p.item)
          end as message
        from ${s} s left join (${parents}) p on p.id = s.commitment_id
        where p.id is null or (s.measure_kind, s.currency, s.unit, s.item)
          is distinct from (p.measure_kind, p.currency, p.unit, p.item)`);
    }
  }
  // A commitment's parties, in the ledger or introduced by the file, and its agreement, in the ledger.
  for (const [column, field, target] of [
    ["donor", "donor", "parties"],
    ["recipient", "recipient", "parties"],
    ["agreement_id", "agreement", "agreements"],
  ] as const) {
    const introduced =
      target === "parties"
        ? sql`or exists (select 1 from ${staged("parties")} n where n.id = s.${id(column)})`
        : sql``;
    await run(sql`select s.source_row as "row", ${field}::text as "column", s.${id(column)} as value,
        ${`no ${target === "parties" ? "party" : "agreement"} with this id`}::text as message
      from ${c} s where s.${id(column)} is not null and not (exists (select 1 from ${id(target)} t
        where t.id = s.${id(column)} and t.valid_to is null and not t.retracted) ${introduced})`);
  }
  // Whose records these are: every donor the file writes for is asked about once; a refused donor's rows, each once.
  if (refuse) {
    const owners = sql`select source_row, id as commitment from ${c}
      union all select source_row, commitment_id from ${staged("tranches")}
      union all select source_row, commitment_id from ${staged("events")}`;
    const donors = rowsOf<{ donor: string }>(
      await tx.execute(
        sql`select distinct p.donor from (${owners}) o join (${parents}) p on p.id = o.commitment`,
      ),
    );
    const refused = donors.flatMap(({ donor }) => {
      const reason = refuse.donor(donor);
      return reason === null ? [] : [{ donor, reason }];
    });
    if (refused.length > 0) {
      await run(sql`select distinct o.source_row as "row", 'donor' as "column", p.donor as value, r.reason as message
        from (${owners}) o join (${parents}) p on p.id = o.commitment
        join jsonb_to_recordset(${JSON.stringify(refused)}::jsonb) as r(donor text, reason text)
          on r.donor = p.donor`);
    }
  }
  const counts = {} as ImportCounts;
  for (const kind of kinds) {
    // Parties are counted once however many rows name them.
    const rows =
      kind === "parties" ? sql`(select distinct on (id) * from ${staged(kind)} order by id)` : staged(kind);
    const [n] = rowsOf<{ total: number; new: number }>(
      await tx.execute(sql`select count(*)::int as total, (count(*) filter (where not exists
          (select 1 from ${entityOf[kind].table} l where l.id = s.id)))::int as "new"
        from ${rows} s`),
    );
    counts[kind] = { total: n?.total ?? 0, new: n?.new ?? 0, changed: 0, retracted: 0 };
  }
  return counts;
}
