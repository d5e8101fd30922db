import { useEffect, useRef } from "react";

/**
 * A page's title and focus on arrival: the document title names the page, and focus moves to its heading, so a
 * screen reader announces the new page as a link within the app leads to it. The title is restored on leaving.
 * A page whose title comes with its data passes undefined until it has arrived.
 */
export function usePageHeading(title: string | undefined) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!title) return;
    heading.current?.focus();
    const previous = document.title;
    document.title = `${title} — Commitments tracker`;
    return () => {
      document.title = previous;
    };
  }, [title]);
  return heading;
}
