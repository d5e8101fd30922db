import { useEffect, useRef } from "react";
import { common } from "./i18n/common.ts";
import { useMessages } from "./i18n/index.ts";

/**
 * A page's title and focus on arrival: the document title names the page, and focus moves to its heading, so a
 * screen reader announces the new page as a link within the app leads to it. The title is restored on leaving.
 * A page whose title comes with its data passes undefined until it has arrived.
 */
export function usePageHeading(title: string | undefined) {
  const heading = useRef<HTMLHeadingElement>(null);
  const suffix = useMessages(common).pageSuffix;
  useEffect(() => {
    if (!title) return;
    heading.current?.focus();
    const previous = document.title;
    document.title = `${title} — ${suffix}`;
    return () => {
      document.title = previous;
    };
  }, [title, suffix]);
  return heading;
}
