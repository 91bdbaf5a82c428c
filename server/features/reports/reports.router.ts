import { z } from "zod";
import { ANALYST_ROLES, WRITER_ROLES } from "../../../shared/roles.ts";
import {
  CitizenReportInputSchema,
  PartnerReportInputSchema,
  ReviewInputSchema,
} from "../../../shared/schemas/field.ts";
import { AppError } from "../../errors.ts";
import { publicProcedure, roleProcedure, router } from "../../trpc.ts";
import { getDistrictGeometries } from "../areas/areas.service.ts";
import { auditAfter, restrictedReadEntry } from "../audit/audit.service.ts";
import {
  citizenReportStatus,
  createCitizenReport,
  createPartnerReport,
  listReports,
  reviewReport,
} from "./reports.service.ts";

export const reportsRouter = router({
  createPartner: roleProcedure(WRITER_ROLES)
    .input(PartnerReportInputSchema)
    .mutation(({ ctx, input }) => createPartnerReport(ctx, input)),
  queue: roleProcedure(ANALYST_ROLES)
    .input(z.object({ status: z.enum(["pending", "approved", "rejected"]).default("pending") }))
    .query(({ ctx, input }) =>
      // Every listed report carries its description and contact details (decisions/018).
      auditAfter(ctx.db, listReports(ctx, input.status), (reports) =>
        restrictedReadEntry(ctx, "reports_read", reports.length, undefined, input.status),
      ),
    ),
  review: roleProcedure(ANALYST_ROLES)
    .input(ReviewInputSchema)
    .mutation(({ ctx, input }) => reviewReport({ ...ctx, userId: ctx.user.id }, input)),
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
