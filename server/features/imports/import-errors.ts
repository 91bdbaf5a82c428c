import type { ImportIssue } from "../../../shared/schemas/imports.ts";
import { AppError } from "../../errors.ts";

/** One problem in an input file: its line in the file (1 = header), the column, and why. */
export type { ImportIssue };

export const MAX_LISTED_ISSUES = 100;

/** Collects every issue but keeps only the first hundred for display. */
export function createIssueList() {
  const listed: ImportIssue[] = [];
  let total = 0;
  return {
    add(issue: ImportIssue) {
      total++;
      if (listed.length < MAX_LISTED_ISSUES) listed.push(issue);
    },
    get total() {
      return total;
    },
    get listed() {
      return listed;
    },
  };
}

/** Thrown when validation finds problems: nothing was written. */
export class ImportRejectedError extends AppError {
  readonly issues: ImportIssue[];
  readonly issueCount: number;
  constructor(issues: ImportIssue[], issueCount: number) {
    const first = issues[0];
    super(
      "VALIDATION",
      `${issueCount} fel i filen; inget importerades.${first ? ` Första: rad ${first.row}, kolumn ${first.column}: ${first.reason}` : ""}`,
    );
    this.issues = issues;
    this.issueCount = issueCount;
  }
}
