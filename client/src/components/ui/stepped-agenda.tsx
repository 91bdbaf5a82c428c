import { type ReactNode, useEffect, useRef, useState } from "react";

export type AgendaItem = { key: string; title: string; content: ReactNode };

type Props = {
  /** The agenda list's accessible name. */
  label: string;
  items: AgendaItem[];
  current: number;
  onSelect(index: number): void;
  /** Esc: leave the stepped view. */
  onExit(): void;
  /** What the live region says after a change, e.g. "Punkt 2 av 6: Ökar nu". */
  announce(index: number): string;
};

/** Keys typed into a field, or meant for an open popup (a multi-select's list), stay there. */
function isForControl(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target.closest("input, textarea, select, [aria-expanded='true'], [role='listbox'], [role='menu']") !==
      null
  );
}

/** A focused scroll box (a wide table) keeps ← and → for scrolling itself. */
function isScrollingSideways(target: EventTarget | null, key: string): boolean {
  return (
    (key === "ArrowLeft" || key === "ArrowRight") &&
    target instanceof HTMLElement &&
    target.scrollWidth > target.clientWidth
  );
}

/** The index a key moves to, or null when the key is not for stepping. */
function stepFor(key: string, current: number, count: number): number | null {
  if (key === "ArrowRight" || key === "PageDown") return Math.min(current + 1, count - 1);
  if (key === "ArrowLeft" || key === "PageUp") return Math.max(current - 1, 0);
  if (key === "Home") return 0;
  if (key === "End") return count - 1;
  if (/^[1-9]$/.test(key) && Number(key) <= count) return Number(key) - 1;
  return null;
}

/**
 * One item at a time, stepped with the keyboard alone (→/PageDown, ←/PageUp, Home/End, the
 * item's number, Esc to leave) or by clicking the agenda; each change is announced politely.
 */
export function SteppedAgenda({ label, items, current, onSelect, onExit, announce }: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [announcement, setAnnouncement] = useState("");
  const latest = useRef({ current, count: items.length, onSelect, onExit, announce });
  latest.current = { current, count: items.length, onSelect, onExit, announce };

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.isComposing)
        return;
      if (isForControl(event.target) || isScrollingSideways(event.target, event.key)) return;
      const { current: index, count } = latest.current;
      if (event.key === "Escape") {
        event.preventDefault();
        latest.current.onExit();
        return;
      }
      const next = stepFor(event.key, index, count);
      if (next === null) return;
      event.preventDefault();
      if (next !== index) latest.current.onSelect(next);
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);

  // Compared with the item last shown, not "first render": Strict Mode runs effects twice.
  const shown = useRef(current);
  useEffect(() => {
    if (shown.current === current) return;
    shown.current = current;
    setAnnouncement(latest.current.announce(current));
    // Focus inside the item that was replaced is lost: it moves to the new item's heading.
    if (!document.activeElement || document.activeElement === document.body)
      headingRef.current?.focus({ preventScroll: true });
    window.scrollTo({ top: 0 });
  }, [current]);

  const item = items[current];
  return (
    <div className="stepped-agenda">
      <nav aria-label={label} className="agenda">
        <ol>
          {items.map((entry, index) => (
            <li key={entry.key}>
              <button
                type="button"
                aria-current={index === current ? "step" : undefined}
                onClick={() => onSelect(index)}
              >
                <span className="agenda-number">{index + 1}.</span> {entry.title}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      {item ? (
        <section key={item.key} className="agenda-item" aria-labelledby={`agenda-item-${item.key}`}>
          <h2 id={`agenda-item-${item.key}`} ref={headingRef} tabIndex={-1}>
            {item.title}
          </h2>
          {item.content}
        </section>
      ) : null}
      <p aria-live="polite" className="visually-hidden" data-testid="agenda-announcement">
        {announcement}
      </p>
    </div>
  );
}
