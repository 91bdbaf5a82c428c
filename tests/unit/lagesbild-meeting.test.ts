import { describe, expect, it } from "vitest";
import type { DistrictFigure, InsatsView, LagesbildContent } from "../../shared/lagesbild.ts";
import { districtsWithFindings, elevatedAreas, openCarriedInsatser } from "../../shared/lagesbild-meeting.ts";

const levels = [
  { key: "normal", labelSv: "Normalt", labelEn: "Normal", color: "#2e7d32" },
  { key: "forhojt", labelSv: "Förhöjt", labelEn: "Raised", color: "#f9a825" },
  { key: "allvarligt", labelSv: "Allvarligt", labelEn: "Serious", color: "#b71c1c" },
];

function district(name: string, findings: number, openFindings: number): DistrictFigure {
  return {
    areaId: `id-${name}`,
    code: name,
    name,
    population: null,
    count: 10,
    previousCount: 8,
    rate: null,
    changePercent: null,
    findings,
    openFindings,
    reports: 0,
    themes: 0,
  };
}

function insats(title: string, fields: Partial<InsatsView>): InsatsView {
  return {
    id: title,
    title,
    problem: "",
    areaIds: [],
    areaNames: [],
    points: [],
    organizationId: null,
    organizationName: null,
    contactName: null,
    startOn: "2026-11-01",
    endOn: null,
    recurrence: null,
    resources: null,
    linkedRises: [],
    linkedFindingIds: [],
    linkedThemes: [],
    status: "open",
    closedAt: null,
    decidedInId: null,
    isCarried: false,
    isOverdue: false,
    needsFollowUp: false,
    followUps: [],
    ...fields,
  };
}

const status = (areaName: string, level: string) => ({
  areaId: `id-${areaName}`,
  areaCode: areaName,
  areaName,
  level,
  justification: `Skäl för ${areaName}`,
});

const content = {
  levels,
  figures: { districts: [district("Alpha", 0, 0), district("Beta", 2, 1), district("Gamma", 0, 3)] },
  statuses: [status("Alpha", "forhojt"), status("Beta", "normal"), status("Gamma", "allvarligt")],
  insatser: [
    insats("Decided here", {}),
    insats("Carried, followed up", { isCarried: true }),
    insats("Carried, waiting", { isCarried: true, needsFollowUp: true }),
    insats("Carried, closed", { isCarried: true, status: "closed" }),
  ],
} as unknown as LagesbildContent;

describe("the meeting's agenda items", () => {
  it("lists the areas above the lowest level, the most severe first, with their figures", () => {
    const areas = elevatedAreas(content);
    expect(areas.map((area) => [area.areaName, area.level.key])).toEqual([
      ["Gamma", "allvarligt"],
      ["Alpha", "forhojt"],
    ]);
    expect(areas[1]?.justification).toBe("Skäl för Alpha");
    expect(areas[1]?.district?.count).toBe(10);
  });

  it("treats a status whose level was removed from the workspace as the lowest", () => {
    const unknown = { ...content, statuses: [status("Alpha", "borttagen")] };
    expect(elevatedAreas(unknown)).toEqual([]);
  });

  it("lists the open insatser from earlier meetings, those without återkoppling first", () => {
    expect(openCarriedInsatser(content).map((row) => row.title)).toEqual([
      "Carried, waiting",
      "Carried, followed up",
    ]);
  });

  it("lists the districts with findings in the period or open at its end, the most first", () => {
    expect(districtsWithFindings(content).map((row) => row.name)).toEqual(["Beta", "Gamma"]);
  });
});
