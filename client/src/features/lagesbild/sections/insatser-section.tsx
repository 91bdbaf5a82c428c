import type { LagesbildContent } from "../../../../../shared/lagesbild.ts";
import { Panel } from "../../../components/ui/panel.tsx";
import { useI18n } from "../../../i18n/i18n.tsx";
import type { LagesbildEditing } from "../lagesbild-editing.ts";
import { InsatsCard } from "./insats-card.tsx";
import { InsatsForm } from "./insats-form.tsx";

/**
 * Insatser: those decided at this meeting and those carried over from earlier ones until closed.
 * Editors decide new ones; återkoppling and closing sit on each insats for those allowed to give them.
 */
export function InsatserSection({
  content,
  edit,
}: {
  content: LagesbildContent;
  edit?: LagesbildEditing | null;
}) {
  const { t } = useI18n();
  const carried = content.insatser.filter((insats) => insats.isCarried);
  const decided = content.insatser.filter((insats) => !insats.isCarried);
  const list = (title: string, id: string, insatser: typeof carried) =>
    insatser.length > 0 ? (
      <section aria-labelledby={id} className="insats-group">
        <h3 id={id}>
          {title} ({insatser.length})
        </h3>
        {insatser.map((insats) => (
          <InsatsCard key={insats.id} insats={insats} content={content} edit={edit} />
        ))}
      </section>
    ) : null;
  return (
    <Panel
      title={t("lagesbild.section.insatser")}
      titleId="lagesbild-insatser-title"
      isLoading={false}
      error={null}
      className="lagesbild-section"
    >
      {content.insatser.length === 0 ? <p className="muted">{t("lagesbild.noInsatser")}</p> : null}
      {list(t("lagesbild.insatser.carried"), "insatser-carried-title", carried)}
      {list(t("lagesbild.insatser.decided"), "insatser-decided-title", decided)}
      {edit?.canEdit ? <InsatsForm content={content} edit={edit} /> : null}
    </Panel>
  );
}
