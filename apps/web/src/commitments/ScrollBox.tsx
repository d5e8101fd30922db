import type { ReactNode } from "react";

/**
 * A wide table's box: on a narrow screen the table scrolls inside it rather than widening the page. The box is a
 * named region the keyboard can reach, so it can be scrolled without a mouse even when the table holds no link.
 */
export function ScrollBox({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
    <section className="table-scroll" tabIndex={0} aria-labelledby={labelledBy}>
      {children}
    </section>
  );
}
