import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ORGANIZATION_KINDS, type OrganizationKind } from "../../../../shared/schemas/accounts.ts";
import { ErrorMessage } from "../../components/ui/error-message.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import { useWorkspace } from "../workspace/workspace-context.tsx";

/** The workspace's organisations: added by name and kind, removed once no member or invitation names them. */
export function OrganizationsPanel() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const workspace = useWorkspace();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.workspace.current.queryKey() });
  const add = useMutation(trpc.workspace.addOrganization.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.workspace.removeOrganization.mutationOptions({ onSuccess: refresh }));
  const [name, setName] = useState("");
  const [kind, setKind] = useState<OrganizationKind>("kommun");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate({ name, kind }, { onSuccess: () => setName("") });
  };
  return (
    <section className="panel" aria-labelledby="organizations-title">
      <div className="panel-header">
        <h2 id="organizations-title">{t("organizations.title")}</h2>
      </div>
      <p className="muted small">{t("organizations.intro")}</p>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t("organizations.name")}</th>
            <th scope="col">{t("organizations.kind")}</th>
            <th scope="col">{t("members.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {workspace.organizations.map((organization) => (
            <tr key={organization.id}>
              <td>{organization.name}</td>
              <td>{t(`orgKind.${organization.kind}`)}</td>
              <td>
                <button
                  type="button"
                  disabled={remove.isPending}
                  aria-label={t("organizations.removeNamed", { name: organization.name })}
                  onClick={() => remove.mutate({ organizationId: organization.id })}
                >
                  {t("organizations.remove")}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {remove.error ? <ErrorMessage error={remove.error} isDetailed /> : null}
      <form className="form-row" onSubmit={submit} aria-label={t("organizations.add")}>
        <label>
          <span className="field-label">{t("organizations.name")}</span>
          <input
            required
            minLength={2}
            maxLength={120}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        <label>
          <span className="field-label">{t("organizations.kind")}</span>
          <select value={kind} onChange={(event) => setKind(event.target.value as OrganizationKind)}>
            {ORGANIZATION_KINDS.map((option) => (
              <option key={option} value={option}>
                {t(`orgKind.${option}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={add.isPending}>
          {t("organizations.add")}
        </button>
      </form>
      {add.error ? <ErrorMessage error={add.error} isDetailed /> : null}
    </section>
  );
}
