import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router";
import { ErrorMessage } from "../../components/ui/error-message.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC, useTRPCClient } from "../../trpc.ts";
import { linkTokenOf } from "./link-token.ts";
import { NewPasswordFields, useNewPassword } from "./password-fields.tsx";

/**
 * `/inbjudan#<token>`: the invited person sets their name and password (or, for an existing
 * account, proves its password) and lands in the workspace. The token is read from the fragment
 * and sent only in POST bodies.
 */
export function InvitationPage() {
  const { t, formatDate } = useI18n();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [token] = useState(() => linkTokenOf(window.location.hash));
  const invitation = useQuery({
    queryKey: ["auth.invitation", token],
    queryFn: () => client.auth.invitation.mutate({ token }),
    enabled: token.length >= 20,
    retry: false,
  });
  const [name, setName] = useState<string | null>(null);
  const [currentPassword, setCurrentPassword] = useState("");
  const newPassword = useNewPassword(invitation.data?.email ?? "");
  const accept = useMutation(
    trpc.auth.acceptInvitation.mutationOptions({
      onSuccess: ({ workspaceSlug }) => {
        queryClient.clear();
        void navigate(`/w/${workspaceSlug}`, { replace: true });
      },
    }),
  );
  const data = invitation.data;
  const isExisting = data?.isExistingUser ?? false;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (isExisting) accept.mutate({ token, password: currentPassword });
    else if (newPassword.isValid)
      accept.mutate({ token, name: name ?? data?.name ?? "", password: newPassword.password });
  };
  return (
    <main id="main" className="login-page">
      <div className="login-card">
        <h1>{data ? t("invitation.title", { workspace: data.workspace.name }) : t("appName")}</h1>
        {token.length < 20 ? <p>{t("invitation.noToken")}</p> : null}
        {invitation.isLoading ? <p className="muted">{t("panel.loading")}</p> : null}
        {invitation.error ? <ErrorMessage error={invitation.error} /> : null}
        {data ? (
          <>
            <dl className="facts">
              <dt>{t("invitation.email")}</dt>
              <dd>{data.email}</dd>
              <dt>{t("invitation.role")}</dt>
              <dd>{t(`role.${data.role ?? "viewer"}`)}</dd>
              <dt>{t("invitation.organization")}</dt>
              <dd>{data.organization ?? "–"}</dd>
              <dt>{t("invitation.expires")}</dt>
              <dd>
                {formatDate(new Date(data.expiresAt).toISOString().slice(0, 10), { dateStyle: "long" })}
              </dd>
            </dl>
            <form onSubmit={submit} aria-label={t("invitation.submit")}>
              {isExisting ? (
                <>
                  <p>{t("invitation.existing", { email: data.email })}</p>
                  <label>
                    <span className="field-label">{t("invitation.existingPassword")}</span>
                    <input
                      type="password"
                      autoComplete="current-password"
                      required
                      value={currentPassword}
                      onChange={(event) => setCurrentPassword(event.target.value)}
                    />
                  </label>
                </>
              ) : (
                <>
                  <label>
                    <span className="field-label">{t("invitation.name")}</span>
                    <input
                      autoComplete="name"
                      required
                      maxLength={120}
                      value={name ?? data.name ?? ""}
                      onChange={(event) => setName(event.target.value)}
                    />
                  </label>
                  <NewPasswordFields state={newPassword} />
                </>
              )}
              {accept.error ? <ErrorMessage error={accept.error} isDetailed /> : null}
              <button type="submit" className="primary" disabled={accept.isPending}>
                {accept.isPending ? t("invitation.submitting") : t("invitation.submit")}
              </button>
            </form>
          </>
        ) : null}
      </div>
    </main>
  );
}
