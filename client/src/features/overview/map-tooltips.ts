import type { DistrictStat } from "../../../../shared/schemas/overview.ts";
import type { useI18n } from "../../i18n/i18n.tsx";
import type { PRECISION_COLORS } from "./incident-layer.ts";

type I18n = ReturnType<typeof useI18n>;

// Tooltips are built from text nodes only: no HTML from data is ever rendered.
export function tooltipContent(name: string, stat: DistrictStat | undefined, i18n: I18n): HTMLElement {
  // Built from text nodes only: no HTML from data is ever rendered.
  const root = document.createElement("div");
  const title = document.createElement("strong");
  title.textContent = name;
  root.append(title);
  const line = (label: string, value: string) => {
    const row = document.createElement("div");
    row.textContent = `${label}: ${value}`;
    root.append(row);
  };
  if (stat) {
    line(i18n.t("overview.tooltipCount"), i18n.formatNumber(stat.count));
    line(i18n.t("overview.tooltipRate"), stat.rate === null ? "–" : i18n.formatNumber(stat.rate, 1));
    line(i18n.t("overview.tooltipChange"), `${stat.change > 0 ? "+" : ""}${i18n.formatNumber(stat.change)}`);
  }
  return root;
}

export function pointTooltip(properties: Record<string, unknown>, i18n: I18n): HTMLElement {
  const root = document.createElement("div");
  const total = Number(properties.total ?? properties.count ?? 0);
  const line = document.createElement("strong");
  line.textContent = i18n.t("points.tooltip", { count: i18n.formatNumber(total) });
  root.append(line);
  if (typeof properties.precision === "string") {
    const precision = document.createElement("div");
    precision.textContent = i18n.t(
      `points.precision.${properties.precision as keyof typeof PRECISION_COLORS}`,
    );
    root.append(precision);
  }
  return root;
}

/** A field layer's feature in words: what was found or reported, or the themes raised. */
export function fieldTooltip(properties: Record<string, unknown>, i18n: I18n): HTMLElement {
  const root = document.createElement("div");
  const title = document.createElement("strong");
  const line = (text: string) => {
    const row = document.createElement("div");
    row.textContent = text;
    root.append(row);
  };
  root.append(title);
  if (properties.layer === "findings") {
    title.textContent = i18n.t("fieldLayer.finding", {
      category: i18n.t(`findingCategory.${properties.category}` as never),
    });
    line(`${i18n.t("findings.status")}: ${i18n.t(`findingStatus.${properties.status}` as never)}`);
    line(`${i18n.t("findings.severity")}: ${i18n.t(`findings.severity.${properties.severity}` as never)}`);
  } else if (properties.layer === "reports") {
    title.textContent = i18n.t(`reportCategory.${properties.category}` as never);
    line(i18n.t(`fieldLayer.reportKind.${properties.kind}` as never));
    line(i18n.formatDate(String(properties.date), { day: "numeric", month: "long", year: "numeric" }));
  } else {
    title.textContent = i18n.t("fieldLayer.themesIn", { name: String(properties.name) });
    const mentions = JSON.parse(String(properties.mentions)) as {
      theme: string;
      count: number;
      strength: number;
    }[];
    for (const mention of mentions)
      line(
        i18n.t("fieldLayer.mention", {
          theme: i18n.t(`theme.${mention.theme}` as never),
          count: mention.count,
          strength: mention.strength,
        }),
      );
  }
  return root;
}
