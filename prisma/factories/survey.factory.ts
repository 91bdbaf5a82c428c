import type { Db } from "../../server/db/client.ts";
import { importSurveyResults } from "../../server/features/surveys/surveys.import.ts";
import { createRandom } from "./random.ts";

export const DEMO_SURVEY_NAME = "Trygghetsmätning (syntetiska demodata)";

/**
 * A synthetic trygghetsmätning for the demo, imported through the real importer: a problem index
 * (0–6) per RegSO and year with its interval, and a few areas with too few respondents.
 */
export async function createDemoSurvey(db: Db, workspaceId: string, years: number[], seed = 2081) {
  const random = createRandom(seed).next;
  const regsos = await db.area.findMany({
    where: { workspaceId, kind: { in: ["regso", "kommun"] } },
    select: { code: true },
    orderBy: { code: "asc" },
  });
  const lines = ["Indikator;Område;År;Värde;Intervall;Svarande;Enhet"];
  for (const indicator of ["Problemindex", "Otrygghet utomhus sent en kväll"]) {
    for (const { code } of regsos) {
      let level = indicator === "Problemindex" ? 1.6 + random() * 2 : 12 + random() * 25;
      for (const year of years) {
        level = Math.max(0.5, level + (random() - 0.45) * (indicator === "Problemindex" ? 0.5 : 5));
        const respondents =
          code === "2081" ? 1200 + Math.round(random() * 400) : Math.round(15 + random() * 260);
        const margin = (indicator === "Problemindex" ? 2.5 : 60) / Math.sqrt(respondents);
        const format = (n: number) => n.toFixed(1).replace(".", ",");
        const value = indicator === "Problemindex" ? Math.min(level, 5.5) : Math.min(level, 90);
        const unit = indicator === "Problemindex" ? "index" : "procent";
        lines.push(`${indicator};${code};${year};${format(value)};±${format(margin)};${respondents};${unit}`);
      }
    }
  }
  return importSurveyResults({
    db,
    workspaceId,
    timeZone: "Europe/Stockholm",
    userId: null,
    fileName: "trygghetsmatning-demo.csv",
    content: lines.join("\n"),
    kind: "trygghetsmatning",
    surveyName: DEMO_SURVEY_NAME,
  });
}
