import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ErrorMessage } from "../../components/ui/error-message.tsx";
import { Panel } from "../../components/ui/panel.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import { NotificationSettingsPanel } from "../notifications/notification-settings-panel.tsx";
import { NewPasswordFields, useNewPassword } from "./password-fields.tsx";

/** The signed-in user's own account: a new password needs the current one; other sessions end. */
export function AccountPage() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());
  const [currentPassword, setCurrentPassword] = useState("");
  const newPassword = useNewPassword(me.data?.user.email ?? "");
  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({
      onSuccess: () => {
        setCurrentPassword("");
        newPassword.reset();
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (newPassword.isValid) change.mutate({ currentPassword, newPassword: newPassword.password });
  };
  return (
    <>
      <h1>{t("account.title")}</h1>
      <Panel
        title={t("account.changePassword")}
        titleId="password-title"
        isLoading={me.isPending}
        error={me.error}
      >
        {me.data ? (
          <p>{t("account.signedInAs", { name: me.data.user.name, email: me.data.user.email })}</p>
        ) : null}
        <form className="stacked-form" onSubmit={submit} aria-labelledby="password-title">
          <label>
            <span className="field-label">{t("password.current")}</span>
            <input
              type="password"
              autoComplete="current-password"
              required
              value={currentPassword}
              onChange={(event) => setCurrentPassword(event.target.value)}
            />
          </label>
          <NewPasswordFields state={newPassword} />
          {change.error ? <ErrorMessage error={change.error} isDetailed /> : null}
          <button type="submit" className="primary" disabled={change.isPending}>
            {t("account.submit")}
          </button>
          {change.data ? (
            <p role="status" className="success">
              {t("account.changed", { count: change.data.endedSessions })}
            </p>
          ) : null}
        </form>
      </Panel>
      <NotificationSettingsPanel />
    </>
  );
}
