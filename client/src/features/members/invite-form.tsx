import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { ROLES, type Role } from "../../../../shared/roles.ts";
import { INVITATION_PATH } from "../../../../shared/schemas/accounts.ts";
import { ErrorMessage } from "../../components/ui/error-message.tsx";
import { OneTimeLink } from "../../components/ui/one-time-link.tsx";
import { OrganizationSelect } from "../../components/ui/organization-select.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import { linkUrl } from "../auth/link-token.ts";

/** Invites someone with a role and an organisation; the link is shown once for the admin to send. */
export function InviteForm() {
  const { t, formatDate } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const organizationSelectId = useId();
  const [form, setForm] = useState({ email: "", name: "", role: "member" as Role, organizationId: "" });
  const invite = useMutation(
    trpc.workspace.invite.mutationOptions({
      onSuccess: () => {
        setForm((previous) => ({ ...previous, email: "", name: "" }));
        void queryClient.invalidateQueries({ queryKey: trpc.workspace.invitations.queryKey() });
      },
    }),
  );
  const needsOrganization = form.role === "member" && form.organizationId === "";
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (needsOrganization) return;
    invite.mutate({
      email: form.email,
      name: form.name.trim() || undefined,
      role: form.role,
      organizationId: form.organizationId || null,
    });
  };
  return (
    <form className="stack-form" onSubmit={submit} aria-labelledby="invite-title">
      <h3 id="invite-title">{t("invite.title")}</h3>
      <div className="form-row">
        <label>
          <span className="field-label">{t("invite.email")}</span>
          <input
            type="email"
            required
            autoComplete="off"
            value={form.email}
            onChange={(event) => setForm({ ...form, email: event.target.value })}
          />
        </label>
        <label>
          <span className="field-label">{t("invite.name")}</span>
          <input
            value={form.name}
            maxLength={120}
            onChange={(event) => setForm({ ...form, name: event.target.value })}
          />
        </label>
        <label>
          <span className="field-label">{t("members.role")}</span>
          <select
            value={form.role}
            onChange={(event) => setForm({ ...form, role: event.target.value as Role })}
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`role.${role}`)}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={organizationSelectId}>
          <span className="field-label">{t("members.organization")}</span>
          <OrganizationSelect
            id={organizationSelectId}
            value={form.organizationId}
            onChange={(organizationId) => setForm({ ...form, organizationId })}
            isInvalid={needsOrganization}
            describedBy="invite-organization-hint"
          />
        </label>
      </div>
      <p className="muted small" id="invite-organization-hint">
        {t("members.needsOrganization")}
      </p>
      {invite.error ? <ErrorMessage error={invite.error} isDetailed /> : null}
      <button type="submit" className="primary" disabled={invite.isPending || needsOrganization}>
        {t("invite.submit")}
      </button>
      {invite.data ? (
        <OneTimeLink
          url={linkUrl(INVITATION_PATH, invite.data.token)}
          message={t("invite.created", {
            email: invite.data.email,
            date: formatDate(new Date(invite.data.expiresAt).toISOString().slice(0, 10), {
              dateStyle: "long",
            }),
          })}
        />
      ) : null}
    </form>
  );
}
