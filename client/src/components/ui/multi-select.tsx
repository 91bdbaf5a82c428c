import { useEffect, useId, useRef, useState } from "react";
import { useI18n } from "../../i18n/i18n.tsx";

export type Option = { value: string; label: string; depth?: number };

type MultiSelectProps = {
  label: string;
  options: readonly Option[];
  selected: readonly string[];
  onChange(values: string[]): void;
  /** What an empty choice means here ("Alla" for a filter, "Inga" for links). */
  emptyLabel?: string;
};

/** A disclosure button with a labelled checkbox list: keyboard and screen-reader friendly. */
export function MultiSelect({ label, options, selected: committed, onChange, emptyLabel }: MultiSelectProps) {
  const { t } = useI18n();
  const [isOpen, setIsOpen] = useState(false);
  // A choice shows at once, even when the owner stores it asynchronously (the URL).
  const [pending, setPending] = useState<readonly string[] | null>(null);
  const committedKey = committed.join(",");
  useEffect(() => {
    if (committedKey !== undefined) setPending(null);
  }, [committedKey]);
  const selected = pending ?? committed;
  const id = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!isOpen) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (
        event instanceof KeyboardEvent
          ? event.key === "Escape"
          : !rootRef.current?.contains(event.target as Node)
      ) {
        setIsOpen(false);
      }
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [isOpen]);
  const summary =
    selected.length === 0
      ? (emptyLabel ?? t("filter.all"))
      : t("filter.selected", { count: selected.length });
  const choose = (values: string[]) => {
    setPending(values);
    onChange(values);
  };
  const toggle = (value: string) =>
    choose(selected.includes(value) ? selected.filter((item) => item !== value) : [...selected, value]);
  return (
    <div className="multi-select" ref={rootRef}>
      <span className="field-label" id={`${id}-label`}>
        {label}
      </span>
      <button
        type="button"
        aria-expanded={isOpen}
        aria-controls={`${id}-list`}
        aria-labelledby={`${id}-label ${id}-summary`}
        onClick={() => setIsOpen((open) => !open)}
      >
        <span id={`${id}-summary`}>{summary}</span> ▾
      </button>
      {isOpen ? (
        <fieldset className="multi-select-list" id={`${id}-list`}>
          <legend className="visually-hidden">{label}</legend>
          <button type="button" className="link-button" onClick={() => choose([])}>
            {t("filter.clear")}
          </button>
          {options.map((option) => (
            <label key={option.value} style={{ paddingLeft: `${(option.depth ?? 0) * 1.25}rem` }}>
              <input
                type="checkbox"
                checked={selected.includes(option.value)}
                onChange={() => toggle(option.value)}
              />
              {option.label}
            </label>
          ))}
        </fieldset>
      ) : null}
    </div>
  );
}
