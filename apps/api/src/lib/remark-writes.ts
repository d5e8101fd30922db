import type { Annotation, Confirmation, Dispute } from "@commitments/core";
import {
  createRecord,
  type Db,
  type Entity,
  entities,
  getRecord,
  openChangeSet,
  organisationNames,
  replaceRecord,
  type Versioned,
  writeTransaction,
} from "@commitments/db";
import type { Context } from "hono";
import { principalOf } from "./auth/authorise.ts";
import { visibilityOf } from "./auth/visibility.ts";
import type { AppEnv } from "./context.ts";
import { ApiError, placingFields } from "./errors.ts";
import { changeSetOf } from "./ledger-resource.ts";
import { readMeta, withVersion } from "./representation.ts";

type Remark = Dispute | Confirmation | Annotation;

/** Remarks as the API shows them: with the organisation that made them, named. */
export async function withRemarkBy<R extends Remark>(db: Db, items: readonly Versioned<R>[]) {
  const names = await organisationNames(
    db,
    items.map((item) => item.record.organisation),
  );
  return items.map((item) => ({
    ...withVersion(item),
    by: names.get(item.record.organisation) ?? {
      id: item.record.organisation,
      name: item.record.organisation,
      kind: "unknown",
    },
  }));
}

/** The record a remark speaks of. */
function targetOf(remark: Remark): { kind: keyof typeof entities; id: string } {
  return "target" in remark ? remark.target : { kind: "event", id: remark.event };
}

/**
 * Writes a remark (a dispute, a confirmation or an annotation) in a change set of its own, after the handler
 * has authorised it. A new remark must speak of a published record: drafts are the ministry's own business until
 * published. `replaces` names the version a remark's next version replaces (a dispute resolved or withdrawn).
 */
export async function writeRemark<R extends Remark>(
  c: Context<AppEnv>,
  entity: Entity<R>,
  remark: R,
  options: {
    reason: string;
    /** The version a new version of the remark replaces (a dispute resolved or withdrawn). */
    replaces?: number | undefined;
    check?: (target: unknown) => void;
    /** Further writes in the same change set: a confirmation raises the confirmed event's confidence. */
    alongside?: (tx: Db, cs: Awaited<ReturnType<typeof openChangeSet>>) => Promise<void>;
  },
) {
  const principal = principalOf(c);
  const db = c.get("db");
  const written = await writeTransaction(db, async (tx) => {
    const ref = targetOf(remark);
    // A record the principal may not see (another organisation's draft) answers as one that does not exist.
    const target = await getRecord(
      tx,
      entities[ref.kind] as Entity<{ id: string }>,
      ref.id,
      undefined,
      visibilityOf(principal),
    );
    if (!target || target.retracted) {
      throw new ApiError("UNPROCESSABLE", `No ${ref.kind} "${ref.id}"`, [
        { location: "json", path: "target" in remark ? "target.id" : "event", message: "no such record" },
      ]);
    }
    if (options.replaces === undefined && target.status !== "published") {
      throw new ApiError("CONFLICT", `${ref.kind} "${ref.id}" is not published`, [
        { location: "json", path: "target.id", message: `it is ${target.status}` },
      ]);
    }
    options.check?.(target.record);
    const cs = await openChangeSet(tx, changeSetOf(principal, options.reason));
    if (options.replaces === undefined) {
      await placingFields("", () => createRecord(tx, cs, entity, remark));
    } else {
      await replaceRecord(tx, cs, entity, remark.id, options.replaces, remark);
    }
    await options.alongside?.(tx, cs);
    const stored = await getRecord(tx, entity, remark.id);
    if (!stored) throw new Error(`remark "${remark.id}" was written but cannot be read back`);
    return stored;
  });
  c.header("ETag", `"${written.version}"`);
  const [data] = await withRemarkBy(db, [written]);
  return { data: data as NonNullable<typeof data>, meta: await readMeta(db, undefined) };
}
