// The demo's field reports: partners' staff (the housing company's bovärd; the rescue service's
// messages entered by the police analyst, approved as filed: decisions/024) and citizens. Reviewed
// ones carry the decision; the last few wait in the review queue, so Granskning and the partner's
// Mina rapporter show both waiting and decided reports. Days count back from the demo's last day.
import type { ReportCategory } from "../../shared/field.ts";
import type { DemoActor } from "./organizations.ts";

export type DemoReport = {
  kind: "partner" | "citizen";
  /** Who files a partner report. */
  filedBy?: DemoActor;
  /** The DeSO it happened in. */
  areaCode: string;
  daysBeforeEnd: number;
  /** Local time it happened. */
  time: string;
  category: ReportCategory;
  description: string;
  createsInsecurity?: boolean;
  assessment?: string;
  contact?: string;
  /** The analyst's decision this many days after the report; none means it still waits (unless an analyst filed it). */
  review?: { decision: "approved" | "rejected"; after: number; reason?: string };
};

export const DEMO_REPORTS: DemoReport[] = [
  {
    kind: "partner",
    filedBy: "partner",
    areaCode: "2081C1140",
    daysBeforeEnd: 301,
    time: "21:40",
    category: "samling",
    description: "Grupp unga i trapphuset flera kvällar i rad; boende störs.",
    createsInsecurity: true,
    assessment: "Återkommande, tredje kvällen i rad.",
    review: { decision: "approved", after: 1 },
  },
  {
    kind: "citizen",
    areaCode: "2081C1080",
    daysBeforeEnd: 289,
    time: "17:15",
    category: "belysning",
    description: "Mörkt på gångvägen till busshållplatsen, flera lampor är trasiga.",
    review: { decision: "approved", after: 2 },
  },
  {
    kind: "citizen",
    areaCode: "2081C1070",
    daysBeforeEnd: 258,
    time: "20:05",
    category: "otrygg_plats",
    description: "Känns otryggt att gå genom tunneln på kvällen.",
    review: { decision: "approved", after: 1 },
  },
  {
    kind: "partner",
    filedBy: "partner",
    areaCode: "2081C1070",
    daysBeforeEnd: 236,
    time: "07:30",
    category: "skadegorelse",
    description: "Sönderslagna fönster i tvättstugan under natten.",
    createsInsecurity: true,
    review: { decision: "approved", after: 1 },
  },
  {
    kind: "partner",
    filedBy: "analyst",
    areaCode: "2081C1200",
    daysBeforeEnd: 198,
    time: "23:10",
    category: "brand",
    description: "Räddningstjänsten: anlagd brand i container vid skolan, släckt.",
    review: { decision: "approved", after: 1 },
  },
  {
    kind: "partner",
    filedBy: "partner",
    areaCode: "2081C1150",
    daysBeforeEnd: 177,
    time: "08:20",
    category: "klotter",
    description: "Klotter i källargången med hotfull text mot boende.",
    createsInsecurity: true,
    assessment: "Boende har hört av sig oroliga.",
    review: { decision: "approved", after: 2 },
  },
  {
    kind: "citizen",
    areaCode: "2081C1160",
    daysBeforeEnd: 151,
    time: "08:00",
    category: "trafik",
    description: "Bilar kör mot rött vid övergångsstället nära skolan.",
    review: {
      decision: "rejected",
      after: 3,
      reason: "Hör inte till lägesbilden; vidarebefordrat till kommunens trafikenhet.",
    },
  },
  {
    kind: "partner",
    filedBy: "partner",
    areaCode: "2081C1140",
    daysBeforeEnd: 122,
    time: "22:50",
    category: "brand",
    description: "Brand i soptunna på gården, släckt av boende.",
    createsInsecurity: true,
    review: { decision: "approved", after: 1 },
  },
  {
    kind: "citizen",
    areaCode: "2081C1200",
    daysBeforeEnd: 99,
    time: "10:30",
    category: "skadegorelse",
    description: "Någon har sågat ner de nyplanterade träden i parken.",
    review: { decision: "approved", after: 2 },
  },
  {
    kind: "partner",
    filedBy: "analyst",
    areaCode: "2081C1160",
    daysBeforeEnd: 88,
    time: "21:15",
    category: "brand",
    description: "Räddningstjänsten: brand i papperskorg vid busshållplatsen, tredje gången i månaden.",
    review: { decision: "approved", after: 1 },
  },
  {
    kind: "partner",
    filedBy: "partner",
    areaCode: "2081C1200",
    daysBeforeEnd: 61,
    time: "23:30",
    category: "storning",
    description: "Hög musik och bråk från en lägenhet sent på natten.",
    createsInsecurity: false,
    review: {
      decision: "rejected",
      after: 2,
      reason: "Gäller en enskild lägenhet; hanteras av bostadsbolaget, inte i lägesbilden.",
    },
  },
  {
    kind: "citizen",
    areaCode: "2081C1150",
    daysBeforeEnd: 44,
    time: "16:40",
    category: "nedskrapning",
    description: "Använda sprutor i buskarna vid lekplatsen.",
    review: { decision: "approved", after: 1 },
  },
  {
    kind: "partner",
    filedBy: "partner",
    areaCode: "2081C1140",
    daysBeforeEnd: 29,
    time: "09:10",
    category: "nedskrapning",
    description: "Grovsopor ställs ut vid miljöstugan.",
    createsInsecurity: false,
    review: { decision: "approved", after: 2 },
  },
  {
    kind: "citizen",
    areaCode: "2081C1080",
    daysBeforeEnd: 19,
    time: "12:00",
    category: "ovrigt",
    description: "Grannens hund skäller hela dagarna.",
    review: {
      decision: "rejected",
      after: 1,
      reason: "Gäller grannsämja, inte trygghet i offentlig miljö; hänvisad till hyresvärden.",
    },
  },
  {
    kind: "citizen",
    areaCode: "2081C1160",
    daysBeforeEnd: 4,
    time: "19:20",
    category: "klotter",
    description: "Nytt klotter på gångbron över järnvägen.",
    contact: "boende@example.se",
  },
  {
    kind: "partner",
    filedBy: "partner",
    areaCode: "2081C1070",
    daysBeforeEnd: 3,
    time: "21:00",
    category: "samling",
    description: "Unga samlas vid entrén till port C; boende vågar inte gå in.",
    createsInsecurity: true,
    assessment: "Skapar otrygghet, fjärde kvällen i veckan.",
  },
  {
    kind: "partner",
    filedBy: "analyst",
    areaCode: "2081C1140",
    daysBeforeEnd: 2,
    time: "14:00",
    category: "brand",
    description: "Räddningstjänsten: brännbart material i trapphus, boende uppmanade att rensa.",
  },
  {
    kind: "citizen",
    areaCode: "2081C1080",
    daysBeforeEnd: 1,
    time: "22:10",
    category: "otrygg_plats",
    description: "Grupp vuxna som dricker i parken varje kväll.",
  },
  {
    kind: "partner",
    filedBy: "partner",
    areaCode: "2081C1150",
    daysBeforeEnd: 1,
    time: "07:45",
    category: "belysning",
    description: "Belysningen i garaget är trasig igen.",
    createsInsecurity: true,
  },
];
