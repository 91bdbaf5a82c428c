import { describeMeasuredEffect } from "../../../shared/lofte-effects.ts";
import { describeProgress, describeTarget, type ProgressStatus } from "../../../shared/medborgarlofte.ts";
import { ReportInputSchema } from "../../../shared/schemas/medborgarlofte.ts";
import type { ServiceScope } from "../../service-scope.ts";
import { type Cell, toXlsx } from "../exports/table-file.ts";
import { findPromise, todayIn } from "./medborgarlofte.service.ts";
import { getPromise } from "./promise-view.service.ts";

const STATUS_WORDS: Record<ProgressStatus, string> = {
  not_started: "Ej påbörjad",
  on_track: "Enligt plan",
  behind: "Efter plan",
  reached: "Målet nått",
  missed: "Målet ej nått",
  unmeasured: "Mål i ord",
};

/**
 * The promise's yearly report as an Excel file: every activity's progress as of the year's end
 * (or today, during the year), what was done, and the expected effects.
 */
export async function promiseReportXlsx(scope: ServiceScope, raw: { id: string; year?: number }) {
  const input = ReportInputSchema.parse(raw);
  const promise = await findPromise(scope, input.id);
  const today = todayIn(scope.workspace);
  const year =
    input.year ?? Math.min(Math.max(Number(today.slice(0, 4)), promise.startYear), promise.endYear);
  const asOf = `${year}-12-31` < today ? `${year}-12-31` : today;
  const view = await getPromise(scope, { id: input.id, asOf });
  const focusTitle = new Map(view.focusAreas.map((f) => [f.id, f.title]));
  const activities: Cell[][] = [
    [
      "Fokusområde",
      "Aktivitet",
      "Mål",
      "Period",
      "Ansvariga",
      "Genomfört",
      "Mål (antal)",
      "Andel",
      "Förväntat hittills",
      "Status",
      "Sammanfattning",
    ],
    ...view.activities.map((a) => [
      a.focusAreaId ? (focusTitle.get(a.focusAreaId) ?? null) : null,
      a.title,
      describeTarget(a.target, a.unit, "sv"),
      `${a.period.start}–${a.period.end}`,
      a.organizations.map((o) => o.name).join(", "),
      a.progress.done,
      a.progress.target,
      a.progress.share === null ? null : Math.round(a.progress.share * 1000) / 10,
      a.progress.expected === null ? null : Math.round(a.progress.expected * 10) / 10,
      STATUS_WORDS[a.progress.status],
      describeProgress(a.progress, a.unit, a.period, "sv"),
    ]),
  ];
  const done: Cell[][] = [
    ["Datum", "Aktivitet", "Område", "Vad som gjordes", "Deltagare", "Antal", "Organisation"],
    ...view.activities
      .flatMap((a) => [
        ...a.entries.map((e): Cell[] => [
          e.doneOn,
          a.title,
          e.areaName,
          e.whatDone,
          e.participants,
          e.quantity,
          e.organizationName,
        ]),
        ...a.insatser.map((i): Cell[] => [
          i.startOn,
          a.title,
          i.areaNames.join(", "),
          `Insats: ${i.title}`,
          null,
          1,
          i.organizationName,
        ]),
      ])
      .filter((row) => String(row[0]).startsWith(String(year))),
  ];
  const effects: Cell[][] = [
    ["Förväntad effekt", "Område", "Önskad riktning", "Utgångsår", "Bedömning"],
    ...view.effects.map((e) => [
      e.description,
      e.areaName,
      e.desiredDirection === "increase" ? "Öka" : "Minska",
      e.baselineYear,
      describeMeasuredEffect(e.measured, "sv"),
    ]),
  ];
  const buffer = await toXlsx([
    { name: "Aktiviteter", rows: activities },
    { name: "Genomfört", rows: done },
    { name: "Effekter", rows: effects },
  ]);
  return {
    fileName: `medborgarlofte-${scope.workspace.slug}-${year}.xlsx`,
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    base64: buffer.toString("base64"),
  };
}
