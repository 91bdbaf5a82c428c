import { describeMeasuredEffect } from "../../../shared/lofte-effects.ts";
import { describeProgress, describeTarget, type ProgressStatus } from "../../../shared/medborgarlofte.ts";
import type { PublicPage } from "../../../shared/schemas/medborgarlofte.ts";

// The public page as HTML from the server (decisions/026): readable without JavaScript and by
// anything that fetches the link; the app's script, when it runs, draws the same page over it.
// Swedish only, as the page's first language; every value is escaped.

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
const h = escapeHtml;

const STATUS: Record<ProgressStatus, string> = {
  not_started: "Inte påbörjad",
  on_track: "Enligt plan",
  behind: "Efter plan",
  reached: "Målet nått",
  missed: "Målet ej nått",
  unmeasured: "Mål i ord",
};
const FORMATS: Record<string, string> = {
  enkat: "Enkät",
  trygghetsvandring: "Trygghetsvandring",
  intervju: "Intervju",
  stormote: "Stormöte",
  fokusgrupp: "Fokusgrupp",
  annat: "Annat",
};
const THEMES: Record<string, string> = {
  belysning: "belysning",
  narkotika: "narkotika",
  ungdomsgang: "ungdomsgäng",
  trafik: "trafik",
  bedragerier_aldre: "bedrägerier mot äldre",
  nedskrapning: "nedskräpning",
  skadegorelse: "skadegörelse",
  otrygghet_kvall: "otrygghet kvällstid",
  vald_i_nara_relation: "våld i nära relation",
  ovrigt: "övrigt",
};

const FEWER = "färre än 5";
const longDate = (day: string, withYear = true) =>
  new Intl.DateTimeFormat("sv-SE", {
    day: "numeric",
    month: "long",
    ...(withYear ? { year: "numeric" } : {}),
    timeZone: "UTC",
  }).format(new Date(`${day}T00:00:00Z`));
const number = (value: number, digits = 0) =>
  new Intl.NumberFormat("sv-SE", { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    value,
  );

type Promise = PublicPage["promises"][number];

function activityHtml(activity: Promise["activities"][number]) {
  return `<article class="lofte-activity">
<header class="insats-header"><h4>${h(activity.title)}</h4> <span class="badge">${STATUS[activity.progress.status]}</span></header>
${activity.description ? `<p>${h(activity.description)}</p>` : ""}
<dl class="facts"><dt>Mål</dt><dd>${h(describeTarget(activity.target, activity.unit, "sv"))}</dd>
<dt>Ansvariga</dt><dd>${h(activity.organizations.join(", ") || "Ingen angiven")}</dd></dl>
<p>${h(describeProgress(activity.progress, activity.unit, activity.period, "sv"))}</p>
</article>`;
}

function promiseHtml(promise: Promise) {
  const years =
    promise.startYear === promise.endYear
      ? `${promise.startYear}`
      : `${promise.startYear}–${promise.endYear}`;
  const basedOn = [
    promise.basedOn.dialogues > 0 ? `${promise.basedOn.dialogues} medborgardialoger` : "",
    ...promise.basedOn.themes.map((theme) => THEMES[theme] ?? theme),
    ...promise.basedOn.surveys,
    promise.basedOn.lagesbilder > 0 ? `${promise.basedOn.lagesbilder} gemensamma lägesbilder` : "",
  ].filter(Boolean);
  const direct = promise.activities.filter((a) => a.focusAreaId === null);
  const facts = [
    ["År", years],
    ["Parter", promise.parties.join(", ")],
    ["Undertecknat av", promise.signatories.join(", ")],
    ["Områden", promise.areas.join(", ")],
    ["Bygger på", basedOn.join(", ")],
  ].filter(([, value]) => value);
  return `<article class="panel lofte-promise"><h2>${h(promise.title)}</h2>
${promise.text ? `<p class="document-text">${h(promise.text)}</p>` : ""}
<dl class="facts">${facts.map(([term, value]) => `<dt>${term}</dt><dd>${h(value ?? "")}</dd>`).join("")}</dl>
${direct.length > 0 ? `<section><h3>Aktiviteter</h3>${direct.map(activityHtml).join("\n")}</section>` : ""}
${promise.focusAreas
  .map((focus) => {
    const own = promise.activities.filter((a) => a.focusAreaId === focus.id);
    return `<section class="lofte-focus-area"><h3>Fokusområde: ${h(focus.title)}</h3>
${focus.description ? `<p>${h(focus.description)}</p>` : ""}${own.map(activityHtml).join("\n")}</section>`;
  })
  .join("\n")}
${
  promise.effects.length > 0
    ? `<section><h3>Förväntade effekter</h3><ul class="lofte-effects">${promise.effects
        .map(
          (e) =>
            `<li><strong>${h(e.description)}</strong> <span class="muted">(${h(e.areaName)}; ska ${e.desiredDirection === "increase" ? "öka" : "minska"})</span><br>${h(describeMeasuredEffect(e.measured, "sv"))}</li>`,
        )
        .join("")}</ul></section>`
    : ""
}
</article>`;
}

/** "430 av 500 åtgärdade", or what of it may be said. */
export function fixedProblemsText(figure: NonNullable<PublicPage["fixedProblems"]>): string {
  if (figure.total === null) return `Färre än 5 problem rapporterades.`;
  const total = number(figure.total);
  if (figure.isFixedFew) return `Färre än 5 av ${total} rapporterade problem är åtgärdade.`;
  if (figure.isOpenFew) return `Alla utom färre än 5 av ${total} rapporterade problem är åtgärdade.`;
  return `${number(figure.fixed ?? 0)} av ${total} rapporterade problem är åtgärdade.`;
}

function trendsHtml(trends: NonNullable<PublicPage["trends"]>) {
  const first = trends.years[0];
  const span = first ? `${longDate(first.start, false)}–${longDate(first.end, false)}` : "";
  const cell = (c: (typeof trends.series)[number]["cells"][number]) =>
    c.isWithheld
      ? `<td>visas inte</td>`
      : c.count === null
        ? `<td>${FEWER}</td>`
        : `<td>${number(c.count)}${c.rate === null ? "" : ` <span class="muted">(${number(c.rate, 1)} per 1 000 inv.)</span>`}</td>`;
  return `<section class="panel"><h2>Anmälda brott i utvalda områden</h2>
<p class="muted">Samma dagar varje år (${h(span)}). Antal under fem visas som ”${FEWER}”.</p>
<table class="data-table"><thead><tr><th scope="col">Område</th><th scope="col">Brott</th>${trends.years
    .map((y) => `<th scope="col">${y.year}</th>`)
    .join("")}</tr></thead><tbody>${trends.series
    .map(
      (s) =>
        `<tr><th scope="row">${h(s.areaName)}</th><td>${h(s.categoryName)}</td>${s.cells.map(cell).join("")}</tr>`,
    )
    .join("")}</tbody></table></section>`;
}

/** The page's body: what the app's own page shows, as plain HTML. */
export function renderPublicPageHtml(page: PublicPage, isEmbedded: boolean): string {
  const parts = [
    `<main id="main" class="page public-page lofte-public${isEmbedded ? " is-embedded" : ""}" data-server-rendered="true">`,
    `<h1>Medborgarlöften: ${h(page.name)}</h1>`,
    `<p class="muted">Det här har kommunen och polisen lovat invånarna, och så här långt har arbetet kommit den ${longDate(page.asOf)}.</p>`,
    page.promises.length === 0 ? "<p>Inga medborgarlöften är publicerade för i år.</p>" : "",
    ...page.promises.map(promiseHtml),
    page.fixedProblems
      ? `<section class="panel"><h2>Rapporterade problem</h2><p>${fixedProblemsText(page.fixedProblems)}</p><p class="muted">Fynd från trygghetsvandringar och andra rapporterade problem de senaste tolv månaderna (${longDate(page.fixedProblems.period.start)}–${longDate(page.fixedProblems.period.end)}); avvisade räknas inte.</p></section>`
      : "",
    page.trends ? trendsHtml(page.trends) : "",
    page.promises.length > 0
      ? `<section class="panel"><h2>Det här har gjorts</h2>${
          page.done.length === 0
            ? `<p class="muted">Inget är registrerat ännu.</p>`
            : `<ul class="lofte-deeds">${page.done
                .map(
                  (d) =>
                    `<li><strong>${longDate(d.doneOn, false)}</strong>: ${h(d.activityTitle)}${d.areaName ? `, ${h(d.areaName)}` : ""}${d.participants !== null ? `. ${number(d.participants)} deltagare` : d.hasFewParticipants ? ". Färre än 5 deltagare" : ""}</li>`,
                )
                .join("")}</ul>`
        }</section>`
      : "",
    page.dialogues.length > 0
      ? `<section class="panel"><h2>Kommande medborgardialoger</h2><ul class="lofte-deeds">${page.dialogues
          .map(
            (d) =>
              `<li><strong>${longDate(d.date, false)} ${h(d.time)}</strong>: ${FORMATS[d.format] ?? h(d.format)}${d.areaName ? `, ${h(d.areaName)}` : ""}${d.meetingPlace ? ` (${h(d.meetingPlace)})` : ""}</li>`,
          )
          .join("")}</ul></section>`
      : "",
    isEmbedded
      ? ""
      : `<p class="muted small">Sidan visas utan inloggning. Den innehåller inga personuppgifter; antal under fem visas som ”färre än 5”.</p>`,
    "</main>",
  ];
  return parts.filter(Boolean).join("\n");
}
