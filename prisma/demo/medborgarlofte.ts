// The demo EST group's medborgarlöfte for the demo's year: modelled on real promises (Upplands-Bro's
// joint operations and trygghetsvärdar, Arboga's fokusområde on fraud against the elderly).
// Synthetic texts, no real persons; places are real Borlänge areas.
import type { ActivityTarget } from "../../shared/medborgarlofte.ts";
import type { DemoActor } from "./organizations.ts";

export const DEMO_PROMISE = {
  title: "Medborgarlöfte för Borlänge {year}",
  text: "Borlänge kommun och lokalpolisområde Borlänge lovar att tillsammans med bostadsbolag och föreningar arbeta för att fler ska känna sig trygga i Tjärna Ängar, Jakobsgårdarna, Bullermyren och Forssa. Löftet bygger på vad invånarna sa i medborgardialogerna, på trygghetsmätningen och på de gemensamma lägesbilderna. Vi redovisar här under året vad vi har gjort.",
  parties: ["Borlänge kommun", "LPO Borlänge"],
  signatories: ["Kommunstyrelsens ordförande, Borlänge kommun", "Lokalpolisområdeschef, LPO Borlänge"],
  areaCodes: ["2081C1140", "2081C1070", "2081C1150", "2081C1160"],
  themes: ["ungdomsgang", "bedragerier_aldre", "belysning", "narkotika"],
  survey: "Otrygghet utomhus sent en kväll",
} as const;

export const DEMO_FOCUS_AREA = {
  title: "Bedrägerier mot äldre",
  description:
    "Telefonbedrägerier där gärningspersonen utger sig för att vara bank eller polis ökar. Handlingsplanen: information där äldre finns, tillsammans med banker och hemtjänst.",
};

/**
 * How much of each activity the demo has done by its last day, as a share of the year that has
 * passed: ahead of the plan, every other Friday, behind the plan (the one the group must act on),
 * once, or already reached.
 */
export type DemoPace = "ahead" | "fortnightly" | "behind" | "once" | "reached";

export type DemoActivity = {
  title: string;
  description: string;
  target: ActivityTarget;
  unit: string;
  organizations: readonly string[];
  areaCodes: readonly string[];
  inFocusArea: boolean;
  pace: DemoPace;
  recordedBy: DemoActor;
  whatDone: string;
  /** Participants of each entry in turn; null where not counted. */
  participants: readonly (number | null)[];
};

export const DEMO_ACTIVITIES: readonly DemoActivity[] = [
  {
    title: "Minst åtta gemensamma trygghetsvandringar",
    description: "Kommun, polis, bostadsbolag och boende går tillsammans och tar hand om det som upptäcks.",
    target: { kind: "count", count: 8 },
    unit: "trygghetsvandringar",
    organizations: ["Borlänge kommun", "LPO Borlänge", "Tunabyggen"],
    areaCodes: ["2081C1140", "2081C1070", "2081C1150", "2081C1160"],
    inFocusArea: false,
    pace: "ahead",
    recordedBy: "partner",
    whatDone: "Trygghetsvandring med boende, fastighetsvärdar och polis; belysning och buskage noterades.",
    participants: [23, 4, 31, 17, 12, 26, 9, 15],
  },
  {
    title: "Trygghetsvärdar i Tjärna Ängar",
    description: "Trygghetsvärdar möter unga vid centrum och fritidsgården fredagskvällar.",
    target: { kind: "frequency", every: 2, per: "week" },
    unit: "kvällar",
    organizations: ["Tunabyggen"],
    areaCodes: ["2081C1140"],
    inFocusArea: false,
    pace: "fortnightly",
    recordedBy: "partner",
    whatDone: "Trygghetsvärdar ute 18–23 vid Tjärna centrum och fritidsgården.",
    participants: [14, 9, 22, 6, 11, 18],
  },
  {
    title: "Gemensamma narkotikainsatser med socialtjänsten",
    description: "Polis och socialtjänstens fältgrupp söker upp unga där narkotika säljs.",
    target: { kind: "count", count: 4 },
    unit: "insatser",
    organizations: ["LPO Borlänge", "Borlänge kommun"],
    areaCodes: ["2081C1070"],
    inFocusArea: false,
    pace: "reached",
    recordedBy: "analyst",
    whatDone: "Gemensam insats med socialtjänstens fältgrupp kvällstid.",
    participants: [null],
  },
  {
    title: "Informationsträffar om bedrägerier mot äldre",
    description: "Kommunpolis och äldreomsorg berättar på träffpunkterna hur bedragarna arbetar.",
    target: { kind: "count", count: 6 },
    unit: "träffar",
    organizations: ["LPO Borlänge", "Borlänge kommun"],
    areaCodes: [],
    inFocusArea: true,
    pace: "behind",
    recordedBy: "analyst",
    whatDone: "Informationsträff på träffpunkten om telefonbedrägerier, med bank och kommunpolis.",
    participants: [28, 19],
  },
  {
    title: "Informationsblad till hemtjänstens brukare",
    description: "Ett blad om vad banken och polisen aldrig frågar efter, delat av hemtjänsten.",
    target: { kind: "description", text: "Alla hemtjänstens brukare får bladet under året" },
    unit: "",
    organizations: ["Borlänge kommun"],
    areaCodes: [],
    inFocusArea: true,
    pace: "once",
    recordedBy: "admin",
    whatDone: "Informationsbladet delat till hemtjänstens brukare i hela kommunen.",
    participants: [null],
  },
];

export const DEMO_EFFECTS = [
  {
    description: "Färre ska känna sig otrygga ute sent en kväll",
    desiredDirection: "decrease",
    areaCode: "2081",
    kind: "survey",
    yearsBack: 2,
  },
  {
    description: "Färre bedrägerier mot äldre",
    desiredDirection: "decrease",
    areaCode: "2081",
    kind: "incidents",
    categoryCode: "951",
    yearsBack: 1,
  },
] as const;
