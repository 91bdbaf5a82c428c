import { useWorkspace } from "../../features/workspace/workspace-context.tsx";
import { useI18n } from "../../i18n/i18n.tsx";

type Organization = { id: string; name: string };

/**
 * One of the workspace's organisations (or of `organizations` when a page has its own list), or
 * none: "" stands for none, shown as `noneLabel`. Give it a visible <label> around it, or `label`.
 */
export function OrganizationSelect({
  id,
  value,
  onChange,
  label,
  isInvalid = false,
  describedBy,
  organizations,
  noneLabel,
}: {
  id?: string;
  value: string;
  onChange(organizationId: string): void;
  label?: string;
  isInvalid?: boolean;
  describedBy?: string;
  organizations?: readonly Organization[];
  noneLabel?: string;
}) {
  const { t } = useI18n();
  const workspace = useWorkspace();
  const choices = organizations ?? workspace.organizations;
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
      <option value="">{noneLabel ?? t("members.noOrganization")}</option>
      {choices.map((organization) => (
        <option key={organization.id} value={organization.id}>
          {organization.name}
        </option>
      ))}
    </select>
  );
}
