/**
 * The page's main heading. After a client-side navigation, focus moves to it so that
 * screen-reader and keyboard users start reading the new page from its title (the
 * browser would otherwise leave focus on the link they followed, now gone).
 */
import { useEffect, useRef, type ReactNode } from "react";

let focusPending = false;

/** Called by the layout when the location changes through a navigation. */
export function requestTitleFocus(): void {
  focusPending = true;
}

export function PageTitle({ children, className }: { children: ReactNode; className?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusPending && ref.current) {
      focusPending = false;
      ref.current.focus({ preventScroll: true });
    }
  });
  return (
    <h1 ref={ref} tabIndex={-1} id="page-title" className={className}>
      {children}
    </h1>
  );
}
