import { useQuery } from "@tanstack/react-query";
import { DIALOGUE_THEMES, OPEN_FINDING_STATUSES } from "../../../../../shared/field.ts";
import type { LagesbildContent } from "../../../../../shared/lagesbild.ts";
import { MultiSelect, type Option } from "../../../components/ui/multi-select.tsx";
import { useI18n } from "../../../i18n/i18n.tsx";
import type { MessageKey } from "../../../i18n/messages.ts";
import { useTRPC } from "../../../trpc.ts";
import { linkedRiseLabel, riseKey } from "./insats-links.ts";

type Links = { rises: string[]; findingIds: string[]; themes: string[] };

type Props = {
  content: LagesbildContent;
  /** The areas whose open walk findings may be linked. */
  areaCodes: string[];
  links: Links;
  onChange(links: Partial<Links>): void;
};

/** What prompted an insats: the period's rising pairs and categories, open findings of its areas, dialogue themes. */
export function InsatsLinksFieldset({ content, areaCodes, links, onChange }: Props) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const trpc = useTRPC();
  const findings = useQuery(
    trpc.walks.findings.queryOptions({ areaCodes, statuses: [...OPEN_FINDING_STATUSES] }),
  );
  const riseOptions = uniqueByValue([
    ...content.figures.rising.map((pair) => ({
      value: riseKey(pair),
      label: `${linkedRiseLabel(pair, content, locale)} (${t(`lagesbild.insatsForm.rise.${pair.level}`)})`,
    })),
    ...content.figures.categories
      .filter((category) => category.code)
      .map((category) => ({
        value: riseKey({ categoryCode: category.code ?? "", areaCode: null }),
        label: locale === "sv" ? category.nameSv : category.nameEn,
        depth: category.depth,
      })),
  ]);
  const dialogues = new Map(content.figures.themes.map((theme) => [theme.theme, theme.dialogues]));
  const themeOptions = DIALOGUE_THEMES.map((theme) => {
    const name = t(`theme.${theme}` as MessageKey);
    const count = dialogues.get(theme);
    return {
      value: theme,
      label: count ? `${name} (${t("lagesbild.themeDialogues", { count })})` : name,
    };
  });
  const findingOptions = (findings.data ?? []).map((finding) => ({
    value: finding.id,
    label: [
      t(`findingCategory.${finding.category}` as MessageKey),
      finding.areaName,
      i18n.formatDate(finding.createdOn),
      finding.description ? finding.description.slice(0, 60) : null,
    ]
      .filter(Boolean)
      .join(" · "),
  }));
  return (
    <fieldset className="form-row">
      <legend>{t("lagesbild.insats.prompts")}</legend>
      <MultiSelect
        label={t("lagesbild.insatsForm.rises")}
        options={riseOptions}
        selected={links.rises}
        onChange={(rises) => onChange({ rises })}
        emptyLabel={t("lagesbild.insatsForm.none")}
      />
      <MultiSelect
        label={t("lagesbild.insatsForm.findings")}
        options={findingOptions}
        selected={links.findingIds}
        onChange={(findingIds) => onChange({ findingIds })}
        emptyLabel={findings.isPending ? t("panel.loading") : t("lagesbild.insatsForm.none")}
      />
      <MultiSelect
        label={t("lagesbild.insatsForm.themes")}
        options={themeOptions}
        selected={links.themes}
        onChange={(themes) => onChange({ themes })}
        emptyLabel={t("lagesbild.insatsForm.none")}
      />
    </fieldset>
  );
}

function uniqueByValue(options: Option[]): Option[] {
  const seen = new Set<string>();
  return options.filter((option) => !seen.has(option.value) && Boolean(seen.add(option.value)));
}
