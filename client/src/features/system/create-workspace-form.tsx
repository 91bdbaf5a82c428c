import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { mondayOf, toLocalDate } from "../../../../shared/calendar.ts";
import { INVITATION_PATH } from "../../../../shared/schemas/accounts.ts";
import { ErrorMessage } from "../../components/ui/error-message.tsx";
import { OneTimeLink } from "../../components/ui/one-time-link.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import { linkUrl } from "../auth/link-token.ts";

const EMPTY = { slug: "", name: "", adminEmail: "", adminName: "", organization: "" };

/** A new workspace with its first admin's invitation; the admin's organisation (the kommun) is optional. */
export function CreateWorkspaceForm() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ ...EMPTY, meetingAnchor: mondayOf(toLocalDate(new Date())) });
  const create = useMutation(
    trpc.system.createWorkspace.mutationOptions({
      onSuccess: () => {
        setForm((previous) => ({ ...previous, ...EMPTY }));
        void queryClient.invalidateQueries({ queryKey: trpc.system.workspaces.queryKey() });
      },
    }),
  );
  const field = (name: keyof typeof form) => ({
    value: form[name],
    onChange: (event: { target: { value: string } }) => setForm({ ...form, [name]: event.target.value }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const organization = form.organization.trim();
    create.mutate({ ...form, organization: organization ? { name: organization, kind: "kommun" } : null });
  };
  return (
    <section className="panel" aria-labelledby="system-new">
      <h2 id="system-new">{t("system.new")}</h2>
      <form className="stacked-form" onSubmit={submit} aria-labelledby="system-new">
        <label>
          <span className="field-label">{t("system.name")}</span>
          <input required maxLength={120} placeholder="EST Falun" {...field("name")} />
        </label>
        <label>
          <span className="field-label">{t("system.slug")}</span>
          <input
            required
            pattern="[a-z0-9]+(-[a-z0-9]+)*"
            maxLength={60}
            aria-describedby="system-slug-hint"
            {...field("slug")}
          />
        </label>
        <p className="muted small" id="system-slug-hint">
          {t("system.slugHint")}
        </p>
        <label>
          <span className="field-label">{t("system.anchor")}</span>
          <input type="date" required {...field("meetingAnchor")} />
        </label>
        <label>
          <span className="field-label">{t("system.adminEmail")}</span>
          <input type="email" required autoComplete="off" {...field("adminEmail")} />
        </label>
        <label>
          <span className="field-label">{t("system.adminName")}</span>
          <input required maxLength={120} autoComplete="off" {...field("adminName")} />
        </label>
        <label>
          <span className="field-label">{t("system.organization")}</span>
          <input maxLength={120} placeholder="Falu kommun" {...field("organization")} />
        </label>
        {create.error ? <ErrorMessage error={create.error} isDetailed /> : null}
        <button type="submit" className="primary" disabled={create.isPending}>
          {t("system.create")}
        </button>
      </form>
      {create.data?.invitation ? (
        <OneTimeLink
          url={linkUrl(INVITATION_PATH, create.data.invitation.token)}
          message={t("system.createdLink", {
            name: create.data.workspace.name,
            email: create.data.invitation.email,
          })}
        />
      ) : null}
    </section>
  );
}
