import { z } from "zod";
import { FindingFilterSchema } from "./field.ts";

/** The columns each exported table can be sorted by: the ids of the columns on screen. */
export const EXPORT_SORT_COLUMNS = {
  districts: [
    "name",
    "population",
    "count",
    "rate",
    "previousCount",
    "change",
    "changePercent",
    "findings",
    "reports",
    "themes",
  ],
  compstat: [
    "name",
    "current",
    "previous",
    "change",
    "changePercent",
    "rate",
    "lastYear",
    "yearToDate",
    "lastYearToDate",
    "flag",
    "sustained",
  ],
  findings: [
    "createdOn",
    "walkId",
    "category",
    "description",
    "areaName",
    "severity",
    "owner",
    "dueOn",
    "status",
  ],
} as const;
export type ExportSortView = keyof typeof EXPORT_SORT_COLUMNS;

/** The table's sort as the screen has it (tanstack's sorting state): the file lists rows in that order. */
export const ExportSortSchema = z
  .array(z.object({ id: z.string().min(1).max(40), desc: z.boolean() }))
  .max(10)
  .default([]);

/** A sort column the view does not have, with where it is and why: the field error the client shows. */
export function sortColumnIssues(view: ExportSortView, sort: readonly { id: string }[]) {
  const columns: readonly string[] = EXPORT_SORT_COLUMNS[view];
  return sort.flatMap((key, index) =>
    columns.includes(key.id)
      ? []
      : [
          {
            path: [index, "id"],
            message: `unknown column "${key.id}" for ${view}; one of ${columns.join(", ")}`,
          },
        ],
  );
}

const FileOptions = {
  format: z.enum(["csv", "xlsx"]),
  locale: z.enum(["sv", "en"]).default("sv"),
};

/** The findings on the Fynd page as a file, with the page's filters and sort. */
export const FindingsExportInputSchema = FindingFilterSchema.extend({
  ...FileOptions,
  sort: ExportSortSchema.superRefine((sort, context) => {
    for (const issue of sortColumnIssues("findings", sort))
      context.addIssue({ code: "custom", path: issue.path, message: issue.message });
  }),
});
export type FindingsExportInput = z.input<typeof FindingsExportInputSchema>;

/** The dialogues' schedule as a file (notes are never exported: decisions/008). */
export const DialoguesExportInputSchema = z.object(FileOptions);
export type DialoguesExportInput = z.input<typeof DialoguesExportInputSchema>;
