import type { DistrictFigure, InsatsView, LagesbildContent } from "./lagesbild.ts";
import type { StatusLevel } from "./schemas/lagesbild.ts";

// What the meeting goes through, one item at a time, derived from the lägesbild's content.

/** The meeting's agenda in the order it is held. */
export const MEETING_AGENDA = ["overview", "elevated", "rising", "open", "findings", "decisions"] as const;
export type MeetingItem = (typeof MEETING_AGENDA)[number];

export type ElevatedArea = {
  areaId: string;
  areaName: string;
  level: StatusLevel;
  justification: string;
  district: DistrictFigure | null;
};

/** Areas whose status is above the lowest level, the most severe first, then by name. */
export function elevatedAreas(content: LagesbildContent): ElevatedArea[] {
  const rank = new Map(content.levels.map((level, index) => [level.key, index]));
  const districts = new Map(content.figures.districts.map((district) => [district.areaId, district]));
  return content.statuses
    .flatMap((status) => {
      const index = rank.get(status.level) ?? 0;
      const level = content.levels[index];
      if (!level || index === 0) return [];
      return [
        {
          areaId: status.areaId,
          areaName: status.areaName,
          level,
          justification: status.justification,
          district: districts.get(status.areaId) ?? null,
        },
      ];
    })
    .sort(
      (a, b) =>
        (rank.get(b.level.key) ?? 0) - (rank.get(a.level.key) ?? 0) ||
        a.areaName.localeCompare(b.areaName, "sv"),
    );
}

/** Insatser from earlier meetings that are still open: those without återkoppling at this meeting first. */
export function openCarriedInsatser(content: LagesbildContent): InsatsView[] {
  return content.insatser
    .filter((insats) => insats.isCarried && insats.status === "open")
    .sort((a, b) => Number(b.needsFollowUp) - Number(a.needsFollowUp));
}

/** Districts with walk findings recorded in the period or still open at its end, the most first. */
export function districtsWithFindings(content: LagesbildContent): DistrictFigure[] {
  return content.figures.districts
    .filter((district) => district.findings > 0 || district.openFindings > 0)
    .sort(
      (a, b) =>
        b.findings - a.findings || b.openFindings - a.openFindings || a.name.localeCompare(b.name, "sv"),
    );
}
