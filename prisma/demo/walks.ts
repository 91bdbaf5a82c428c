// The demo's trygghetsvandringar over the past year: where, who came, what they found and what
// became of it. Days count back from the demo's last day, so the history moves with it.
import type { FindingCategory, FindingStatus } from "../../shared/field.ts";
import type { DemoActor, DemoOrganizationName } from "./organizations.ts";

export type DemoFindingStep = {
  to: Exclude<FindingStatus, "ny">;
  /** Days after the walk. */
  after: number;
  reason?: string;
};

export type DemoFinding = {
  category: FindingCategory;
  description: string;
  severity: 1 | 2 | 3;
  /** Who is responsible once assigned: a demo organisation, or another body by name. */
  owner?: DemoOrganizationName | { name: string };
  /** Due this many days after the walk. */
  dueAfter?: number;
  /** Given its owner on the walk itself instead of at the next meeting. */
  isAssignedOnWalk?: boolean;
  steps: DemoFindingStep[];
};

export type DemoWalk = {
  /** The DeSO the walk goes through. */
  areaCode: string;
  daysBeforeEnd: number;
  /** Local time the walk starts. */
  time: string;
  meetingPlace: string;
  stops: string[];
  organizers: string;
  participants: Record<string, number>;
  createdBy: DemoActor;
  findings: DemoFinding[];
};

export const DEMO_WALKS: DemoWalk[] = [
  {
    areaCode: "2081C1140",
    daysBeforeEnd: 346,
    time: "18:30",
    meetingPlace: "Tjärna Ängars centrum",
    stops: ["Gång- och cykeltunneln", "Lekplatsen", "Tvättstugan", "Busshållplatsen"],
    organizers: "Tunabyggen, Borlänge kommun, LPO Borlänge",
    participants: { boende: 17, bostadsbolag: 3, polis: 2, kommun: 3 },
    createdBy: "partner",
    findings: [
      {
        category: "belysning",
        description: "Tre gatlyktor släckta längs gångvägen mot skolan.",
        severity: 3,
        owner: "Borlänge kommun",
        dueAfter: 30,
        steps: [
          { to: "tilldelad", after: 6 },
          { to: "pagar", after: 12 },
          { to: "atgardad", after: 27, reason: "Armaturerna bytta till LED." },
        ],
      },
      {
        category: "vegetation",
        description: "Buskage skymmer sikten vid tunnelns norra mynning.",
        severity: 2,
        owner: "Tunabyggen",
        dueAfter: 45,
        steps: [
          { to: "tilldelad", after: 6 },
          { to: "atgardad", after: 40, reason: "Buskarna nedklippta." },
        ],
      },
      {
        category: "klotter",
        description: "Klotter med kränkande text på tunnelväggen.",
        severity: 2,
        owner: "Borlänge kommun",
        dueAfter: 14,
        steps: [
          { to: "tilldelad", after: 6 },
          { to: "atgardad", after: 9, reason: "Sanerat." },
        ],
      },
      {
        category: "otrygg_plats",
        description: "Unga samlas vid tvättstugan sena kvällar; boende känner sig otrygga.",
        severity: 2,
        owner: "LPO Borlänge",
        dueAfter: 60,
        steps: [
          { to: "tilldelad", after: 6 },
          { to: "pagar", after: 20, reason: "Kvällspatrull två gånger i veckan." },
        ],
      },
    ],
  },
  {
    areaCode: "2081C1070",
    daysBeforeEnd: 274,
    time: "18:00",
    meetingPlace: "Jakobsgårdarnas centrum",
    stops: ["Parkeringen vid höghusen", "Återvinningsstationen", "Lekplatsen", "Gångvägen mot Kupolen"],
    organizers: "Tunabyggen, Borlänge kommun",
    participants: { boende: 11, bostadsbolag: 2, kommun: 2, ovriga: 1 },
    createdBy: "partner",
    findings: [
      {
        category: "belysning",
        description: "Belysningen på parkeringen tänds inte.",
        severity: 2,
        owner: "Tunabyggen",
        dueAfter: 21,
        steps: [
          { to: "tilldelad", after: 5 },
          { to: "atgardad", after: 12, reason: "Skymningsreläet bytt." },
        ],
      },
      {
        category: "nedskrapning",
        description: "Glas och skräp runt återvinningsstationen.",
        severity: 1,
        owner: "Borlänge kommun",
        dueAfter: 14,
        steps: [
          { to: "tilldelad", after: 5 },
          { to: "pagar", after: 7 },
          { to: "atgardad", after: 11, reason: "Städat; tätare tömning beställd." },
        ],
      },
      {
        category: "trafik",
        description: "Bilar kör fort förbi lekplatsen; farthinder saknas.",
        severity: 2,
        owner: "Borlänge kommun",
        dueAfter: 90,
        steps: [{ to: "tilldelad", after: 5 }],
      },
      {
        category: "ovrigt",
        description: "Trasig bänk vid gångvägen.",
        severity: 1,
        steps: [
          {
            to: "avvisad",
            after: 5,
            reason: "Bänken står på privat mark; fastighetsägaren är kontaktad.",
          },
        ],
      },
    ],
  },
  {
    areaCode: "2081C1200",
    daysBeforeEnd: 213,
    time: "19:30",
    meetingPlace: "Kvarnsvedens centrum",
    stops: ["Busskuren", "Stigen längs älven", "Boden vid idrottsplatsen"],
    organizers: "LPO Borlänge, Borlänge kommun, Räddningstjänsten Dala Mitt",
    participants: { boende: 9, polis: 2, kommun: 2, ovriga: 1 },
    createdBy: "analyst",
    findings: [
      {
        category: "skadegorelse",
        description: "Krossad ruta i busskuren.",
        severity: 2,
        owner: { name: "Dalatrafik" },
        dueAfter: 14,
        steps: [
          { to: "tilldelad", after: 4 },
          { to: "atgardad", after: 16, reason: "Rutan bytt." },
        ],
      },
      {
        category: "vegetation",
        description: "Igenvuxen stig längs älven; mörkt och svårt att se.",
        severity: 2,
        owner: "Borlänge kommun",
        dueAfter: 120,
        steps: [
          { to: "tilldelad", after: 4 },
          { to: "pagar", after: 30, reason: "Röjning påbörjad." },
        ],
      },
      {
        category: "otrygg_plats",
        description: "Olåst bod där folk samlas nattetid.",
        severity: 3,
        owner: "Borlänge kommun",
        dueAfter: 30,
        steps: [
          { to: "tilldelad", after: 4 },
          {
            to: "avvisad",
            after: 10,
            reason: "Boden ägs av en förening, som har kontaktats och låser den.",
          },
        ],
      },
    ],
  },
  {
    areaCode: "2081C1150",
    daysBeforeEnd: 75,
    time: "18:30",
    meetingPlace: "Busshållplatsen i Norra Hagalund",
    stops: ["Passagen mellan husen", "Cykelrummet", "Miljöstugan", "Lekplatsen"],
    organizers: "Tunabyggen, LPO Borlänge, Räddningstjänsten Dala Mitt",
    participants: { boende: 14, bostadsbolag: 3, polis: 2, ovriga: 2 },
    createdBy: "partner",
    findings: [
      {
        category: "belysning",
        description: "Mörk passage mellan husen; en armatur saknas.",
        severity: 3,
        owner: "Tunabyggen",
        dueAfter: 85,
        steps: [
          { to: "tilldelad", after: 8 },
          { to: "pagar", after: 30, reason: "Ny armatur beställd." },
        ],
      },
      {
        category: "klotter",
        description: "Klotter på fasaden vid entrén.",
        severity: 1,
        owner: "Tunabyggen",
        dueAfter: 21,
        steps: [
          { to: "tilldelad", after: 8 },
          { to: "atgardad", after: 15, reason: "Sanerat." },
        ],
      },
      {
        category: "nedskrapning",
        description: "Brännbart skräp staplat mot fasaden.",
        severity: 3,
        owner: "Räddningstjänsten Dala Mitt",
        dueAfter: 14,
        steps: [
          { to: "tilldelad", after: 8 },
          { to: "atgardad", after: 12, reason: "Bortforslat; boende informerade om brandrisken." },
        ],
      },
      {
        category: "skadegorelse",
        description: "Trasigt lås till cykelrummet.",
        severity: 2,
        owner: "Tunabyggen",
        dueAfter: 60,
        steps: [{ to: "tilldelad", after: 8 }],
      },
    ],
  },
  {
    areaCode: "2081C1080",
    daysBeforeEnd: 39,
    time: "18:00",
    meetingPlace: "Lekplatsen i Östermalm",
    stops: ["Övergångsstället vid skolan", "Gångtunneln", "Parken"],
    organizers: "LPO Borlänge, Borlänge kommun, pensionärsföreningarna",
    participants: { boende: 21, polis: 2, kommun: 2, ovriga: 4 },
    createdBy: "analyst",
    findings: [
      {
        category: "trafik",
        description: "Övergångsstället vid skolan är dåligt upplyst.",
        severity: 3,
        owner: "Borlänge kommun",
        dueAfter: 70,
        steps: [{ to: "tilldelad", after: 6 }],
      },
      {
        category: "vegetation",
        description: "Häck växer ut över gångbanan.",
        severity: 1,
        steps: [{ to: "avvisad", after: 6, reason: "Redan anmäld via kommunens felanmälan." }],
      },
      {
        category: "otrygg_plats",
        description: "Äldre undviker gångtunneln efter mörkrets inbrott.",
        severity: 2,
        owner: "LPO Borlänge",
        dueAfter: 60,
        steps: [
          { to: "tilldelad", after: 6 },
          { to: "pagar", after: 13, reason: "Polisen går igenom tunneln på kvällsturerna." },
        ],
      },
    ],
  },
  {
    areaCode: "2081C1160",
    daysBeforeEnd: 11,
    time: "18:00",
    meetingPlace: "Busshållplatsen i Forssa",
    stops: ["Lekplatsen", "Elskåpen vid gångvägen", "Skogsdungen bakom skolan"],
    organizers: "Borlänge kommun, LPO Borlänge, Räddningstjänsten Dala Mitt",
    participants: { boende: 8, kommun: 3, polis: 1, ovriga: 1 },
    createdBy: "admin",
    findings: [
      {
        category: "belysning",
        description: "Gatlyktan vid busshållplatsen blinkar.",
        severity: 2,
        steps: [],
      },
      { category: "klotter", description: "Nytt klotter på elskåpen.", severity: 1, steps: [] },
      { category: "ovrigt", description: "Papperskorg saknas vid lekplatsen.", severity: 1, steps: [] },
      {
        category: "nedskrapning",
        description: "Eldningsrester och skräp i skogsdungen bakom skolan.",
        severity: 3,
        owner: "Räddningstjänsten Dala Mitt",
        dueAfter: 14,
        isAssignedOnWalk: true,
        steps: [],
      },
    ],
  },
];
