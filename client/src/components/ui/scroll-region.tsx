import type { ReactNode } from "react";

/**
 * A wide table's horizontal scroll box. It can take keyboard focus, so people who do not use a
 * pointer can scroll it too (WCAG 2.1.1); on a phone most tables scroll.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="table-scroll" tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}
