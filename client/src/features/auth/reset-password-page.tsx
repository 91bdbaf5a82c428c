import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link, useNavigate } from "react-router";
import { ErrorMessage } from "../../components/ui/error-message.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC, useTRPCClient } from "../../trpc.ts";
import { linkTokenOf } from "./link-token.ts";
import { NewPasswordFields, useNewPassword } from "./password-fields.tsx";

/** `/aterstall#<token>`: a new password through an admin's one-time reset link. */
export function ResetPasswordPage() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [token] = useState(() => linkTokenOf(window.location.hash));
  const reset = useQuery({
    queryKey: ["auth.resetInfo", token],
    queryFn: () => client.auth.resetInfo.mutate({ token }),
    enabled: token.length >= 20,
    retry: false,
  });
  const newPassword = useNewPassword(reset.data?.email ?? "");
  const save = useMutation(
    trpc.auth.resetPassword.mutationOptions({
      onSuccess: ({ isSignedIn, workspaceSlug }) => {
        queryClient.clear();
        if (isSignedIn) void navigate(workspaceSlug ? `/w/${workspaceSlug}` : "/", { replace: true });
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (newPassword.isValid) save.mutate({ token, password: newPassword.password });
  };
  const isDone = save.data !== undefined && !save.data.isSignedIn;
  return (
    <main id="main" className="login-page">
      <div className="login-card">
        <h1>{t("resetPage.title")}</h1>
        {token.length < 20 ? <p>{t("invitation.noToken")}</p> : null}
        {reset.isLoading ? <p className="muted">{t("panel.loading")}</p> : null}
        {reset.error ? <ErrorMessage error={reset.error} /> : null}
        {isDone ? (
          <p role="status">
            {t("resetPage.done")} <Link to="/login">{t("resetPage.toLogin")}</Link>
          </p>
        ) : null}
        {reset.data && !isDone ? (
          <form onSubmit={submit} aria-label={t("resetPage.title")}>
            <p>{t("resetPage.for", { email: reset.data.email })}</p>
            <NewPasswordFields state={newPassword} />
            {save.error ? <ErrorMessage error={save.error} isDetailed /> : null}
            <button type="submit" className="primary" disabled={save.isPending}>
              {t("resetPage.submit")}
            </button>
          </form>
        ) : null}
      </div>
    </main>
  );
}
