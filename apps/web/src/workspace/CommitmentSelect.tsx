import { SelectField } from "../forms/Field.tsx";
import { useMessages } from "../i18n/index.ts";
import { messages } from "./messages.ts";
import type { CommitmentRead } from "./queries.ts";

/** Which of the ministry's commitments a tranche or event belongs to; drafts are named as such. */
export function CommitmentSelect({
  id,
  commitments,
  value,
  onChange,
  error,
}: {
  id: string;
  commitments: readonly CommitmentRead[];
  value: string;
  onChange: (commitment: CommitmentRead | undefined, id: string) => void;
  error?: string | undefined;
}) {
  const t = useMessages(messages);
  const sorted = [...commitments].sort((a, b) => a.title.localeCompare(b.title));
  return (
    <SelectField
      id={id}
      label={t.fields.commitment}
      hint={t.fields.commitmentHint}
      value={value}
      error={error}
      onChange={(event) =>
        onChange(
          commitments.find((c) => c.id === event.target.value),
          event.target.value,
        )
      }
    >
      <option value="">{t.fields.choose}</option>
      {sorted.map((c) => (
        <option key={c.id} value={c.id}>
          {c.status === "published" ? c.title : `${c.title} (${t.statuses[c.status]})`}
        </option>
      ))}
    </SelectField>
  );
}
