import type { ReactNode } from "react";
import { useI18n } from "../../i18n/i18n.tsx";
import { ErrorMessage } from "./error-message.tsx";

type PanelProps = {
  title: string;
  titleId: string;
  isLoading: boolean;
  error: unknown;
  isEmpty?: boolean;
  onRetry?: () => void;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
};

/** Every data panel shows loading, error and empty states the same way. */
export function Panel({
  title,
  titleId,
  isLoading,
  error,
  isEmpty,
  onRetry,
  actions,
  children,
  className,
}: PanelProps) {
  const { t } = useI18n();
  let body: ReactNode = children;
  if (error) {
    body = (
      <div>
        <ErrorMessage error={error} />
        {onRetry ? (
          <button type="button" onClick={onRetry}>
            {t("panel.retry")}
          </button>
        ) : null}
      </div>
    );
  } else if (isLoading) {
    body = <p className="muted">{t("panel.loading")}</p>;
  } else if (isEmpty) {
    body = <p className="muted">{t("panel.empty")}</p>;
  }
  return (
    <section className={`panel ${className ?? ""}`} aria-labelledby={titleId} aria-busy={isLoading}>
      <div className="panel-header">
        <h2 id={titleId}>{title}</h2>
        {actions}
      </div>
      {body}
    </section>
  );
}
