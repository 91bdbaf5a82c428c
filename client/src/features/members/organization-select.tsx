import { useI18n } from "../../i18n/i18n.tsx";
import { useWorkspace } from "../workspace/workspace-context.tsx";

/** One of the workspace's organisations, or none ("" stands for none). */
export function OrganizationSelect({
  id,
  value,
  onChange,
  label,
  isInvalid = false,
  describedBy,
}: {
  id?: string;
  value: string;
  onChange(organizationId: string): void;
  label?: string;
  isInvalid?: boolean;
  describedBy?: string;
}) {
  const { t } = useI18n();
  const workspace = useWorkspace();
  return (
    <select
      id={id}
      className="member-select"
      value={value}
      aria-label={label}
      aria-invalid={isInvalid || undefined}
      aria-describedby={describedBy}
      onChange={(event) => onChange(event.target.value)}
    >
      <option value="">{t("members.noOrganization")}</option>
      {workspace.organizations.map((organization) => (
        <option key={organization.id} value={organization.id}>
          {organization.name}
        </option>
      ))}
    </select>
  );
}
