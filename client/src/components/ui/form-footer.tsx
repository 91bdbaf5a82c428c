import { ErrorMessage } from "./error-message.tsx";

/**
 * The end of a form: the mutation's error (with the server's rule, if any), an optional status line
 * announcing what was saved, and the primary submit button, disabled while the mutation runs.
 */
export function FormFooter({
  error,
  status,
  isPending,
  submitLabel,
}: {
  error: unknown;
  status?: string;
  isPending: boolean;
  submitLabel: string;
}) {
  return (
    <>
      {error ? <ErrorMessage error={error} isDetailed /> : null}
      {status === undefined ? null : (
        <p role="status" className="success">
          {status}
        </p>
      )}
      <div>
        <button type="submit" className="primary" disabled={isPending}>
          {submitLabel}
        </button>
      </div>
    </>
  );
}
