import { z } from "zod";
import { ANALYST_ROLES, WRITER_ROLES } from "../../../shared/roles.ts";
import {
  CitizenFormInputSchema,
  CitizenFormSchema,
  CitizenReportFiledSchema,
  CitizenReportInputSchema,
  CitizenReportStatusSchema,
  CitizenStatusInputSchema,
  FiledReportSchema,
  MyReportListSchema,
  MyReportSchema,
  MyReportsInputSchema,
  PartnerReportInputSchema,
  PendingCountSchema,
  ReportIdInputSchema,
  ReviewedSchema,
  ReviewInputSchema,
  ReviewQueueInputSchema,
  ReviewQueueSchema,
  ReviewUndoneSchema,
} from "../../../shared/schemas/field.ts";
import { publicProcedure, roleProcedure, router } from "../../trpc.ts";
import { auditAfter, restrictedReadEntry } from "../audit/audit.service.ts";
import { getMyReport, listMyReports } from "./my-reports.service.ts";
import {
  citizenReportForm,
  citizenReportStatus,
  createCitizenReport,
  createPartnerReport,
} from "./reports.service.ts";
import { countPendingReports, listReviewQueue, reviewReport, undoReview } from "./review.service.ts";

export const reportsRouter = router({
  /** The one way partners report (decisions/024). */
  createPartner: roleProcedure(WRITER_ROLES)
    .input(PartnerReportInputSchema)
    .output(FiledReportSchema)
    .mutation(({ ctx, input }) => createPartnerReport(ctx.scope, input)),
  /** Mina rapporter: the caller's organisation's reports (or its own) with their review status. */
  mine: roleProcedure(WRITER_ROLES)
    .input(MyReportsInputSchema)
    .output(MyReportListSchema)
    .query(({ ctx, input }) =>
      auditAfter(ctx.db, listMyReports(ctx.scope, input.scope), (reports) =>
        restrictedReadEntry(ctx.scope, "reports_read", reports.length, undefined, "mine"),
      ),
    ),
  mineOne: roleProcedure(WRITER_ROLES)
    .input(ReportIdInputSchema)
    .output(MyReportSchema)
    .query(({ ctx, input }) =>
      auditAfter(ctx.db, getMyReport(ctx.scope, input.reportId), () =>
        restrictedReadEntry(ctx.scope, "reports_read", 1, { type: "report", id: input.reportId }, "mine"),
      ),
    ),
  queue: roleProcedure(ANALYST_ROLES)
    .input(ReviewQueueInputSchema)
    .output(ReviewQueueSchema)
    .query(({ ctx, input }) =>
      // Every listed report carries its description and contact details (decisions/018).
      auditAfter(ctx.db, listReviewQueue(ctx.scope, input.status), (reports) =>
        restrictedReadEntry(ctx.scope, "reports_read", reports.length, undefined, input.status),
      ),
    ),
  /** How many reports wait: the navigation's badge. */
  pendingCount: roleProcedure(ANALYST_ROLES)
    .input(z.void())
    .output(PendingCountSchema)
    .query(({ ctx }) => countPendingReports(ctx.scope)),
  review: roleProcedure(ANALYST_ROLES)
    .input(ReviewInputSchema)
    .output(ReviewedSchema)
    .mutation(({ ctx, input }) => reviewReport(ctx.scope, input)),
  undoReview: roleProcedure(ANALYST_ROLES)
    .input(ReportIdInputSchema)
    .output(ReviewUndoneSchema)
    .mutation(({ ctx, input }) => undoReview(ctx.scope, input.reportId)),
  /** Public: no login. Rate-limited, size-limited, honeypot-guarded; goes to moderation. */
  citizen: publicProcedure
    .input(CitizenReportInputSchema)
    .output(CitizenReportFiledSchema)
    .mutation(({ ctx, input }) => createCitizenReport(ctx, input)),
  /** Public: the reporter's own report by its follow-up token; a POST, so the token is never in a URL. */
  citizenStatus: publicProcedure
    .input(CitizenStatusInputSchema)
    .output(CitizenReportStatusSchema)
    .mutation(({ ctx, input }) => citizenReportStatus(ctx.db, input.token)),
  /** Public: what the report form needs to place a point (the kommun's districts). */
  citizenForm: publicProcedure
    .input(CitizenFormInputSchema)
    .output(CitizenFormSchema)
    .query(({ ctx, input }) => citizenReportForm(ctx.db, input.workspace)),
});
