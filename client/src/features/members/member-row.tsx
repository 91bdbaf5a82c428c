import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ROLES, type Role } from "../../../../shared/roles.ts";
import { RESET_PATH } from "../../../../shared/schemas/accounts.ts";
import { ErrorMessage } from "../../components/ui/error-message.tsx";
import { OneTimeLink } from "../../components/ui/one-time-link.tsx";
import { OrganizationSelect } from "../../components/ui/organization-select.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { type RouterOutputs, useTRPC } from "../../trpc.ts";
import { linkUrl } from "../auth/link-token.ts";

type Member = RouterOutputs["workspace"]["members"][number];

/** One member: role and organisation to change and save, deactivation, and a reset link. */
export function MemberRow({ member }: { member: Member }) {
  const { t, formatDate } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [role, setRole] = useState<Role>(member.role);
  const [organizationId, setOrganizationId] = useState(member.organizationId ?? "");
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.workspace.members.queryKey() });
  const update = useMutation(trpc.workspace.updateMember.mutationOptions({ onSuccess: refresh }));
  const deactivate = useMutation(trpc.workspace.deactivateMember.mutationOptions({ onSuccess: refresh }));
  const reactivate = useMutation(trpc.workspace.reactivateMember.mutationOptions({ onSuccess: refresh }));
  const reset = useMutation(trpc.workspace.issueResetLink.mutationOptions());
  const isChanged = role !== member.role || organizationId !== (member.organizationId ?? "");
  const needsOrganization = role === "member" && organizationId === "";
  const error = update.error ?? deactivate.error ?? reactivate.error ?? reset.error;
  const name = member.name;
  return (
    <tr data-testid="member-row" data-email={member.email} data-active={member.isActive}>
      <th scope="row">
        {name} {member.isSelf ? <span className="muted">{t("members.you")}</span> : null}
      </th>
      <td>{member.email}</td>
      <td>
        <OrganizationSelect
          value={organizationId}
          onChange={setOrganizationId}
          label={t("members.organizationFor", { name })}
          isInvalid={needsOrganization}
        />
      </td>
      <td>
        <select
          className="member-select"
          value={role}
          aria-label={t("members.roleFor", { name })}
          onChange={(event) => setRole(event.target.value as Role)}
        >
          {ROLES.map((option) => (
            <option key={option} value={option}>
              {t(`role.${option}`)}
            </option>
          ))}
        </select>
      </td>
      <td>{member.isActive ? t("members.active") : t("members.deactivated")}</td>
      <td>
        <div className="row-actions">
          <button
            type="button"
            disabled={!isChanged || needsOrganization || update.isPending}
            aria-label={t("members.saveNamed", { name })}
            onClick={() => update.mutate({ userId: member.id, role, organizationId: organizationId || null })}
          >
            {t("members.save")}
          </button>
          {member.isActive ? (
            <button
              type="button"
              disabled={deactivate.isPending}
              aria-label={t("members.deactivateNamed", { name })}
              onClick={() => deactivate.mutate({ userId: member.id })}
            >
              {t("members.deactivate")}
            </button>
          ) : (
            <button
              type="button"
              disabled={reactivate.isPending}
              aria-label={t("members.reactivateNamed", { name })}
              onClick={() => reactivate.mutate({ userId: member.id })}
            >
              {t("members.reactivate")}
            </button>
          )}
          {member.canIssueReset ? (
            <button
              type="button"
              disabled={reset.isPending}
              aria-label={t("members.resetLinkNamed", { name })}
              onClick={() => reset.mutate({ userId: member.id })}
            >
              {t("members.resetLink")}
            </button>
          ) : null}
        </div>
        {needsOrganization ? <p className="error small">{t("members.needsOrganization")}</p> : null}
        {update.isSuccess && !isChanged ? (
          <p role="status" className="success small">
            {t("members.saved", { name })}
          </p>
        ) : null}
        {error ? <ErrorMessage error={error} isDetailed /> : null}
        {reset.data ? (
          <OneTimeLink
            url={linkUrl(RESET_PATH, reset.data.token)}
            message={t("members.resetCreated", {
              email: reset.data.email,
              date: formatDate(new Date(reset.data.expiresAt).toISOString().slice(0, 10), {
                dateStyle: "long",
              }),
            })}
          />
        ) : null}
      </td>
    </tr>
  );
}
