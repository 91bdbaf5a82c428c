import { z } from "zod";
import { ANALYST_ROLES, WRITER_ROLES } from "../../../shared/roles.ts";
import {
  CitizenReportInputSchema,
  MyReportsInputSchema,
  PartnerReportInputSchema,
  ReportIdInputSchema,
  ReviewInputSchema,
  ReviewQueueInputSchema,
} from "../../../shared/schemas/field.ts";
import { AppError } from "../../errors.ts";
import { publicProcedure, roleProcedure, router } from "../../trpc.ts";
import { getDistrictGeometries } from "../areas/areas.service.ts";
import { auditAfter, restrictedReadEntry } from "../audit/audit.service.ts";
import { getMyReport, listMyReports } from "./my-reports.service.ts";
import { citizenReportStatus, createCitizenReport, createPartnerReport } from "./reports.service.ts";
import { countPendingReports, listReviewQueue, reviewReport, undoReview } from "./review.service.ts";

export const reportsRouter = router({
  /** The one way partners report (decisions/024). */
  createPartner: roleProcedure(WRITER_ROLES)
    .input(PartnerReportInputSchema)
    .mutation(({ ctx, input }) => createPartnerReport(ctx, input)),
  /** Mina rapporter: the caller's organisation's reports (or its own) with their review status. */
  mine: roleProcedure(WRITER_ROLES)
    .input(MyReportsInputSchema)
    .query(({ ctx, input }) =>
      auditAfter(ctx.db, listMyReports(ctx, input.scope), (reports) =>
        restrictedReadEntry(ctx, "reports_read", reports.length, undefined, "mine"),
      ),
    ),
  mineOne: roleProcedure(WRITER_ROLES)
    .input(ReportIdInputSchema)
    .query(({ ctx, input }) =>
      auditAfter(ctx.db, getMyReport(ctx, input.reportId), () =>
        restrictedReadEntry(ctx, "reports_read", 1, { type: "report", id: input.reportId }, "mine"),
      ),
    ),
  queue: roleProcedure(ANALYST_ROLES)
    .input(ReviewQueueInputSchema)
    .query(({ ctx, input }) =>
      // Every listed report carries its description and contact details (decisions/018).
      auditAfter(ctx.db, listReviewQueue(ctx, input.status), (reports) =>
        restrictedReadEntry(ctx, "reports_read", reports.length, undefined, input.status),
      ),
    ),
  /** How many reports wait: the navigation's badge. */
  pendingCount: roleProcedure(ANALYST_ROLES)
    .input(z.void())
    .query(({ ctx }) => countPendingReports(ctx)),
  review: roleProcedure(ANALYST_ROLES)
    .input(ReviewInputSchema)
    .mutation(({ ctx, input }) => reviewReport({ ...ctx, userId: ctx.user.id }, input)),
  undoReview: roleProcedure(ANALYST_ROLES)
    .input(ReportIdInputSchema)
    .mutation(({ ctx, input }) => undoReview({ ...ctx, userId: ctx.user.id }, input.reportId)),
  /** Public: no login. Rate-limited, size-limited, honeypot-guarded; goes to moderation. */
  citizen: publicProcedure
    .input(CitizenReportInputSchema)
    .mutation(({ ctx, input }) => createCitizenReport(ctx, input)),
  /** Public: the reporter's own report by its follow-up token; a POST, so the token is never in a URL. */
  citizenStatus: publicProcedure
    .input(z.object({ token: z.string().min(20).max(100) }))
    .mutation(({ ctx, input }) => citizenReportStatus(ctx.db, input.token)),
  /** Public: what the report form needs to place a point (the kommun's districts). */
  citizenForm: publicProcedure
    .input(z.object({ workspace: z.string().min(1).max(64) }))
    .query(async ({ ctx, input }) => {
      const workspace = await ctx.db.workspace.findUnique({
        where: { slug: input.workspace },
        select: { id: true, name: true },
      });
      if (!workspace) throw new AppError("NOT_FOUND", "No such kommun");
      // District boundaries are public data; the page needs them to place the report.
      return {
        name: workspace.name,
        geometries: await getDistrictGeometries({ db: ctx.db, workspaceId: workspace.id }),
      };
    }),
});
