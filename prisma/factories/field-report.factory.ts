import { DEMO_REPORTS, type DemoReport } from "../demo/reports.ts";
import {
  citizenLimiter,
  createCitizenReport,
  createPartnerReport,
} from "../../server/features/reports/reports.service.ts";
import { reviewReport } from "../../server/features/reports/review.service.ts";
import { addDays } from "../../shared/calendar.ts";
import {
  CitizenReportInputSchema,
  PartnerReportInputSchema,
  ReviewInputSchema,
} from "../../shared/schemas/field.ts";
import { type DemoFieldContext, localInstant, pointInDistrict } from "./demo-field-support.ts";

// The address the demo's citizen reports come from; its rate-limit count is cleared after each.
const DEMO_CLIENT = "demo-seed";

/**
 * The demo's partner and citizen reports, filed through the report services and reviewed by the
 * analyst, then dated back to when they happened. Those without a decision wait in the queue.
 */
export async function createDemoReports(context: DemoFieldContext, reports: DemoReport[] = DEMO_REPORTS) {
  const { db, workspace, actors } = context;
  for (const plan of reports) {
    const day = addDays(context.endDate, -plan.daysBeforeEnd);
    const occurredAt = localInstant(day, plan.time, workspace.timezone);
    const district = context.district(plan.areaCode);
    const [lon, lat] = pointInDistrict(context.random, district, district.centre, 400);
    const base = { category: plan.category, lon, lat, occurredAt: occurredAt.toISOString() };
    const { id, status } =
      plan.kind === "partner"
        ? await createPartnerReport(
            actors[plan.filedBy ?? "partner"],
            PartnerReportInputSchema.parse({
              ...base,
              description: plan.description,
              createsInsecurity: plan.createsInsecurity ?? null,
              assessment: plan.assessment ?? null,
            }),
          )
        : {
            ...(await createCitizenReport(
              { db, clientIp: DEMO_CLIENT },
              CitizenReportInputSchema.parse({
                ...base,
                description: plan.description,
                workspace: workspace.slug,
                contact: plan.contact ?? null,
              }),
            )),
            status: "pending" as const,
          };
    if (plan.kind === "citizen") citizenLimiter.reset(`${workspace.id}:${DEMO_CLIENT}`);
    // Partners' staff report from the spot; citizens a while later.
    const createdAt = new Date(occurredAt.getTime() + (plan.kind === "partner" ? 40 : 120) * 60_000);
    // An analyst's own report is approved as it is filed (decisions/024).
    let reviewedAt: Date | undefined = status === "approved" ? createdAt : undefined;
    if (plan.review && status === "pending") {
      if (plan.review.after > plan.daysBeforeEnd) throw new Error("A demo report is reviewed after the end");
      await reviewReport(
        actors.analyst,
        ReviewInputSchema.parse({
          reportId: id,
          decision: plan.review.decision,
          reason: plan.review.reason ?? null,
        }),
      );
      reviewedAt = localInstant(addDays(day, plan.review.after), "09:30", workspace.timezone);
    }
    await db.fieldReport.update({
      where: { workspaceId_id: { workspaceId: workspace.id, id } },
      data: { createdAt, ...(reviewedAt ? { reviewedAt } : {}) },
    });
  }
  return { reports: reports.length };
}
