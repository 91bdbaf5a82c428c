import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ErrorMessage } from "../../components/ui/error-message.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";

/** Invitations not yet used nor expired; an admin may revoke one before it is used. */
export function InvitationsTable() {
  const { t, formatDate } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invitations = useQuery(trpc.workspace.invitations.queryOptions());
  const revoke = useMutation(
    trpc.workspace.revokeInvitation.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.workspace.invitations.queryKey() }),
    }),
  );
  if (invitations.error) return <ErrorMessage error={invitations.error} />;
  if (!invitations.data || invitations.data.length === 0) return null;
  return (
    <table className="data-table">
      <caption>{t("invitations.title")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("members.email")}</th>
          <th scope="col">{t("members.name")}</th>
          <th scope="col">{t("members.organization")}</th>
          <th scope="col">{t("members.role")}</th>
          <th scope="col">{t("invitations.invitedBy")}</th>
          <th scope="col">{t("invitations.expires")}</th>
          <th scope="col">{t("members.actions")}</th>
        </tr>
      </thead>
      <tbody>
        {invitations.data.map((invitation) => (
          <tr key={invitation.id}>
            <td>{invitation.email}</td>
            <td>{invitation.name ?? "–"}</td>
            <td>{invitation.organization ?? "–"}</td>
            <td>{invitation.role ? t(`role.${invitation.role}`) : "–"}</td>
            <td>{invitation.createdBy ?? "–"}</td>
            <td>
              {formatDate(new Date(invitation.expiresAt).toISOString().slice(0, 10), { dateStyle: "medium" })}
            </td>
            <td>
              <button
                type="button"
                disabled={revoke.isPending}
                aria-label={t("invitations.revokeNamed", { email: invitation.email })}
                onClick={() => revoke.mutate({ id: invitation.id })}
              >
                {t("invitations.revoke")}
              </button>
              {revoke.error && revoke.variables?.id === invitation.id ? (
                <ErrorMessage error={revoke.error} />
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
