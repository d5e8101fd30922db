import type { ReadMeta } from "../api.ts";
import { formatTimestamp } from "../format.ts";
import { useLang, useMessages } from "../i18n/index.ts";
import { messages } from "./messages.ts";

/**
 * How to cite what is on screen: the dataset version and moment the API answered for, and the API request that
 * reproduces it (the same `asOf` gives the same answer later).
 */
export function Citation({ meta, apiPath }: { meta: ReadMeta; apiPath: string }) {
  const t = useMessages(messages).citation;
  const lang = useLang();
  // An ISO timestamp needs no escaping in a query string; left as it is, the address reads as it will be cited.
  const reproduce = `${apiPath}?asOf=${meta.asOf}`;
  return (
    <p className="citation">
      {t.lead} <span data-dataset-version>{meta.datasetVersion}</span>, {t.asOf}{" "}
      <time dateTime={meta.asOf}>{formatTimestamp(meta.asOf, lang)}</time>. {t.data}{" "}
      <a href={reproduce}>{reproduce}</a>
    </p>
  );
}
