import type { Measure, RecordRef } from "@commitments/core";
import { lazy, Suspense } from "react";
import { messages as confirmMessages } from "../confirm/messages.ts";
import { useMessages } from "../i18n/index.ts";
import type { Remarker } from "./abilities.ts";
import { messages } from "./messages.ts";

// The forms check their input with core's zod schemas: loaded only when someone opens one, so readers of the
// page never download a schema library.
const DisputeForm = lazy(async () => ({ default: (await import("./DisputeForm.tsx")).DisputeForm }));
const AnnotationForm = lazy(async () => ({ default: (await import("./AnnotationForm.tsx")).AnnotationForm }));
const ConfirmForm = lazy(async () => ({ default: (await import("../confirm/ConfirmForm.tsx")).ConfirmForm }));

/** The record a remark is being written on, and which remark. */
export interface Acting {
  form: "dispute" | "annotate" | "confirm";
  target: RecordRef;
  recorded: Measure;
  /** The version of the record on screen: a confirmation of receipt confirms that version (If-Match). */
  version: number;
  /** The record in words, to follow "Dispute" or "Annotate": "the delivery of 15 July 2024". */
  what: string;
}

/** The open form, where the page placed it. `onClose` gets the notice to announce when something was recorded. */
export function RemarkPanel({
  acting,
  commitmentId,
  onClose,
}: {
  acting: Acting;
  commitmentId: string;
  onClose: (notice?: string) => void;
}) {
  const t = useMessages(messages).actions;
  return (
    <div className="remark-panel">
      <Suspense fallback={<p aria-busy="true">{t.loadingForm}</p>}>
        {acting.form === "confirm" ? (
          <ConfirmForm
            key={`${acting.target.kind}-${acting.target.id}`}
            event={{ id: acting.target.id, version: acting.version, measure: acting.recorded }}
            what={acting.what}
            commitmentId={commitmentId}
            onCancel={() => onClose()}
            onDone={onClose}
          />
        ) : acting.form === "dispute" ? (
          <DisputeForm
            key={`${acting.target.kind}-${acting.target.id}`}
            target={acting.target}
            recorded={acting.recorded}
            what={acting.what}
            commitmentId={commitmentId}
            onCancel={() => onClose()}
            onDone={onClose}
          />
        ) : (
          <AnnotationForm
            key={`${acting.target.kind}-${acting.target.id}`}
            target={acting.target}
            what={acting.what}
            commitmentId={commitmentId}
            onCancel={() => onClose()}
            onDone={onClose}
          />
        )}
      </Suspense>
    </div>
  );
}

/**
 * "Confirm receipt" (where `confirmable`), "Dispute this figure" and "Annotate", each offered only if the person
 * may (see `useRemarker`). `context` names the record for screen readers, as the buttons repeat down a table.
 */
export function RemarkButtons({
  remarker,
  context,
  confirmable = false,
  onOpen,
}: {
  remarker: Remarker;
  context: string;
  /** A delivery still waiting for the recipient's confirmation, which this person may give. */
  confirmable?: boolean;
  onOpen: (form: Acting["form"], opener: HTMLButtonElement) => void;
}) {
  const t = useMessages(messages).actions;
  const confirm = useMessages(confirmMessages);
  if (!confirmable && !remarker.mayDispute && !remarker.mayAnnotate) return null;
  return (
    <span className="button-row remark-buttons">
      {confirmable ? (
        <button type="button" className="button" onClick={(event) => onOpen("confirm", event.currentTarget)}>
          {confirm.action}
          <span className="visually-hidden"> — {context}</span>
        </button>
      ) : null}
      {remarker.mayDispute ? (
        <button
          type="button"
          className="button button-secondary"
          onClick={(event) => onOpen("dispute", event.currentTarget)}
        >
          {t.disputeFigure}
          <span className="visually-hidden"> — {context}</span>
        </button>
      ) : null}
      {remarker.mayAnnotate ? (
        <button
          type="button"
          className="button button-secondary"
          onClick={(event) => onOpen("annotate", event.currentTarget)}
        >
          {t.annotate}
          <span className="visually-hidden"> — {context}</span>
        </button>
      ) : null}
    </span>
  );
}
