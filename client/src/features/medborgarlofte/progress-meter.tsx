import type { ActivityProgress } from "../../../../shared/medborgarlofte.ts";

/**
 * A bar of what is done against the target, with a mark where a steady pace would be today.
 * Decorative: the sentence beside it says the same in words.
 */
export function ProgressMeter({ progress }: { progress: ActivityProgress }) {
  if (progress.target === null) return null;
  const percentOf = (value: number) => `${Math.min(100, (value / (progress.target ?? 1)) * 100)}%`;
  return (
    <div className="progress-meter" aria-hidden="true" data-status={progress.status}>
      <div className="progress-meter-done" style={{ width: percentOf(progress.done) }} />
      {progress.expected !== null && progress.status !== "reached" ? (
        <div className="progress-meter-expected" style={{ left: percentOf(progress.expected) }} />
      ) : null}
    </div>
  );
}
