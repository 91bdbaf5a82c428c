import type { InputHTMLAttributes, TextareaHTMLAttributes } from "react";

/** An input inside its label, the label's text above it; every other prop goes to the input. */
export function LabelledInput({
  label,
  ...input
}: { label: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label>
      <span className="field-label">{label}</span>
      <input {...input} />
    </label>
  );
}

/** A textarea inside its label, the label's text above it; every other prop goes to the textarea. */
export function LabelledTextarea({
  label,
  ...textarea
}: { label: string } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <label>
      <span className="field-label">{label}</span>
      <textarea {...textarea} />
    </label>
  );
}
