import { useQuery } from "@tanstack/react-query";
import { useMessages } from "../i18n/index.ts";
import { useSearchParam } from "../useSearchParam.ts";
import { ViewLink } from "../ViewLink.tsx";
import { messages } from "./messages.ts";
import { unreadNoticesQuery } from "./queries.ts";

/** The header's link to the notices, with how many are unread: "Notices (2)". */
export function NoticesLink() {
  const t = useMessages(messages);
  const unread = useQuery(unreadNoticesQuery).data ?? 0;
  const [view] = useSearchParam("view");
  return (
    <ViewLink params={{ view: "notices" }} aria-current={view === "notices" ? "page" : undefined}>
      {t.nav(unread)}
    </ViewLink>
  );
}
