import type { AnchorHTMLAttributes, MouseEvent } from "react";
import { navigate, viewHref } from "./useSearchParam.ts";

/**
 * A real link to another view (it can be opened in a new tab, copied, and is announced as a link), which
 * switches views in place when clicked plainly.
 */
export function ViewLink({
  params,
  ...rest
}: { params: Record<string, string> } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const href = viewHref(params);
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (navigate(new URL(href, window.location.href))) window.scrollTo(0, 0);
  };
  return <a {...rest} href={href} onClick={onClick} />;
}
