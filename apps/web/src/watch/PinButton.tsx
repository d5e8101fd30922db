import { useMessages } from "../i18n/index.ts";
import { messages } from "./messages.ts";

/** Pins a commitment to the person's watch list, or unpins it: a toggle, so its state is announced. */
export function PinButton({
  title,
  pinned,
  onToggle,
}: {
  title: string;
  pinned: boolean;
  onToggle: () => void;
}) {
  const t = useMessages(messages);
  return (
    <button
      type="button"
      className="button button-secondary pin-button"
      aria-pressed={pinned}
      onClick={onToggle}
    >
      <span aria-hidden="true">{pinned ? "★ " : "☆ "}</span>
      {t.pin}
      <span className="visually-hidden"> {t.pinFor(title)}</span>
    </button>
  );
}
