import { useMutation } from "@tanstack/react-query";
import type { LagesbildContent } from "../../../../../shared/lagesbild.ts";
import { Panel } from "../../../components/ui/panel.tsx";
import { useI18n } from "../../../i18n/i18n.tsx";
import { useTRPC } from "../../../trpc.ts";
import { canWriteFor, type LagesbildEditing, useRefreshLagesbild } from "../lagesbild-editing.ts";
import { SavedTextField } from "./saved-text-field.tsx";

/**
 * Organisationernas bidrag: each organisation speaks for itself. A member writes its own
 * organisation's text; analysts and admins any organisation's in the workspace.
 */
export function ContributionsSection({
  content,
  edit,
}: {
  content: LagesbildContent;
  edit?: LagesbildEditing | null;
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const refresh = useRefreshLagesbild();
  const save = useMutation(trpc.lagesbild.setContribution.mutationOptions({ onSuccess: () => refresh() }));
  const written = new Map(content.contributions.map((c) => [c.organizationId, c]));
  // Editing shows every organisation of the workspace; reading only those that wrote something.
  // A member's own organisation comes first: the one text it writes.
  const organizations = edit
    ? edit.organizations
        .map((o) => ({ id: o.id, name: o.name, text: written.get(o.id)?.text ?? "" }))
        .sort((a, b) => Number(b.id === edit.contributesFor) - Number(a.id === edit.contributesFor))
    : content.contributions.map((c) => ({ id: c.organizationId, name: c.organizationName, text: c.text }));
  return (
    <Panel
      title={t("lagesbild.section.contributions")}
      titleId="lagesbild-contributions-title"
      isLoading={false}
      error={null}
      isEmpty={organizations.length === 0}
      className="lagesbild-section"
    >
      <div className="contributions">
        {organizations.map((organization) => (
          <article
            key={organization.id}
            className="contribution"
            aria-labelledby={`contribution-${organization.id}`}
            data-testid="contribution"
          >
            <h3 id={`contribution-${organization.id}`}>{organization.name}</h3>
            {edit && canWriteFor(edit, organization.id) ? (
              <SavedTextField
                label={t("lagesbild.contributionLabel", { name: organization.name })}
                value={organization.text}
                maxLength={10_000}
                onSave={(text) =>
                  save.mutateAsync({ id: edit.lagesbildId, organizationId: organization.id, text })
                }
              />
            ) : organization.text ? (
              <p className="document-text">{organization.text}</p>
            ) : (
              <p className="muted">{t("lagesbild.noContribution")}</p>
            )}
          </article>
        ))}
      </div>
    </Panel>
  );
}
