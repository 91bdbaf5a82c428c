import { type FormEvent, useState } from "react";
import { AUDIT_ACTIONS, type AuditAction } from "../../../../shared/schemas/audit.ts";
import { DateInput } from "../../components/ui/date-input.tsx";
import { useI18n } from "../../i18n/i18n.tsx";

export type AuditFilterValue = {
  action: AuditAction | null;
  userId: string | null;
  from: string | null;
  to: string | null;
};
export const NO_FILTER: AuditFilterValue = { action: null, userId: null, from: null, to: null };

/** Action, user and date range; applied when submitted, so a half-typed date asks nothing of the server. */
export function AuditFilterForm({
  value,
  users,
  onApply,
}: {
  value: AuditFilterValue;
  users: { id: string; name: string }[] | null;
  onApply(filter: AuditFilterValue): void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(value);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  return (
    <form className="filter-bar" aria-label={t("audit.filter")} onSubmit={submit}>
      <label>
        <span className="field-label">{t("audit.filter.action")}</span>
        <select
          value={draft.action ?? ""}
          onChange={(event) =>
            setDraft({ ...draft, action: (event.target.value || null) as AuditAction | null })
          }
        >
          <option value="">{t("audit.filter.allActions")}</option>
          {AUDIT_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {t(`audit.action.${action}`)}
            </option>
          ))}
        </select>
      </label>
      {users ? (
        <label>
          <span className="field-label">{t("audit.filter.user")}</span>
          <select
            value={draft.userId ?? ""}
            onChange={(event) => setDraft({ ...draft, userId: event.target.value || null })}
          >
            <option value="">{t("audit.filter.allUsers")}</option>
            {users.map((user) => (
              <option key={user.id} value={user.id}>
                {user.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label>
        <span className="field-label">{t("audit.filter.from")}</span>
        <DateInput
          value={draft.from ?? ""}
          onChange={(event) => setDraft({ ...draft, from: event.target.value || null })}
        />
      </label>
      <label>
        <span className="field-label">{t("audit.filter.to")}</span>
        <DateInput
          value={draft.to ?? ""}
          onChange={(event) => setDraft({ ...draft, to: event.target.value || null })}
        />
      </label>
      <button type="submit" className="primary">
        {t("audit.filter.apply")}
      </button>
      <button
        type="button"
        onClick={() => {
          setDraft(NO_FILTER);
          onApply(NO_FILTER);
        }}
      >
        {t("audit.filter.clear")}
      </button>
    </form>
  );
}
