// The demo's medborgar- and medarbetardialoger: a few every quarter over the past year, and two
// planned. Placed by quarter so the theme chart has a full series; fraud against the elderly
// (and, as the evenings darken, lighting) rises in the latest quarter, beside the planted rise in
// the incidents.
import type { DialogueTheme } from "../../shared/field.ts";
import type { DemoActor } from "./organizations.ts";

export type DemoDialogue = {
  /** Held `quartersBack` quarters before the one holding the demo's last day, `at` (0–1) into it
   * (for the latest quarter: into its days up to the last day); or planned after the last day. */
  when: { quartersBack: number; at: number } | { daysAfterEnd: number };
  /** Local time it starts. */
  time: string;
  kind: "medborgardialog" | "medarbetardialog";
  format: "enkat" | "trygghetsvandring" | "intervju" | "stormote" | "fokusgrupp" | "annat";
  /** The DeSO it is about; none for dialogues about several areas. */
  areaCode: string | null;
  meetingPlace: string;
  createdBy: DemoActor;
  /** What came out of it; none for planned dialogues. */
  results?: {
    attendance: number;
    themes: { theme: DialogueTheme; strength: 1 | 2 | 3; areaCodes?: string[] }[];
  };
};

export const DEMO_DIALOGUES: DemoDialogue[] = [
  {
    when: { quartersBack: 4, at: 0.75 },
    time: "18:00",
    kind: "medborgardialog",
    format: "stormote",
    areaCode: "2081C1140",
    meetingPlace: "Fritidsgården i Tjärna Ängar",
    createdBy: "admin",
    results: {
      attendance: 35,
      themes: [
        { theme: "ungdomsgang", strength: 3 },
        { theme: "narkotika", strength: 2 },
        { theme: "belysning", strength: 2 },
      ],
    },
  },
  {
    when: { quartersBack: 3, at: 0.3 },
    time: "13:00",
    kind: "medarbetardialog",
    format: "fokusgrupp",
    areaCode: null,
    meetingPlace: "Stadshuset",
    createdBy: "admin",
    results: {
      attendance: 12,
      themes: [
        { theme: "narkotika", strength: 3, areaCodes: ["2081C1140", "2081C1070"] },
        { theme: "ungdomsgang", strength: 2, areaCodes: ["2081C1070"] },
      ],
    },
  },
  {
    when: { quartersBack: 3, at: 0.7 },
    time: "09:00",
    kind: "medborgardialog",
    format: "enkat",
    areaCode: "2081C1070",
    meetingPlace: "Enkät till hyresgästerna",
    createdBy: "partner",
    results: {
      attendance: 86,
      themes: [
        { theme: "otrygghet_kvall", strength: 2 },
        { theme: "belysning", strength: 2 },
        { theme: "nedskrapning", strength: 1 },
      ],
    },
  },
  {
    when: { quartersBack: 2, at: 0.2 },
    time: "19:30",
    kind: "medborgardialog",
    format: "trygghetsvandring",
    areaCode: "2081C1200",
    meetingPlace: "Kvarnsvedens centrum",
    createdBy: "analyst",
    results: {
      attendance: 18,
      themes: [
        { theme: "otrygghet_kvall", strength: 2 },
        { theme: "trafik", strength: 2 },
      ],
    },
  },
  {
    when: { quartersBack: 2, at: 0.6 },
    time: "10:00",
    kind: "medarbetardialog",
    format: "intervju",
    areaCode: "2081C1080",
    meetingPlace: "Hemtjänstens lokal i Östermalm",
    createdBy: "admin",
    results: {
      attendance: 9,
      themes: [
        { theme: "bedragerier_aldre", strength: 1, areaCodes: ["2081C1080", "2081C1160"] },
        { theme: "vald_i_nara_relation", strength: 1 },
      ],
    },
  },
  {
    when: { quartersBack: 1, at: 0.25 },
    time: "18:30",
    kind: "medborgardialog",
    format: "stormote",
    areaCode: "2081C1150",
    meetingPlace: "Tunabyggens kvarterslokal i Hagalund",
    createdBy: "partner",
    results: {
      attendance: 42,
      themes: [
        { theme: "narkotika", strength: 2 },
        { theme: "skadegorelse", strength: 2 },
        { theme: "ungdomsgang", strength: 1 },
      ],
    },
  },
  {
    when: { quartersBack: 1, at: 0.55 },
    time: "14:00",
    kind: "medborgardialog",
    format: "fokusgrupp",
    areaCode: "2081C1160",
    meetingPlace: "Träffpunkten för seniorer i Forssa",
    createdBy: "analyst",
    results: {
      attendance: 11,
      themes: [
        { theme: "bedragerier_aldre", strength: 1 },
        { theme: "otrygghet_kvall", strength: 1 },
      ],
    },
  },
  {
    when: { quartersBack: 1, at: 0.85 },
    time: "08:30",
    kind: "medarbetardialog",
    format: "stormote",
    areaCode: null,
    meetingPlace: "Polishuset",
    createdBy: "analyst",
    results: {
      attendance: 25,
      themes: [
        { theme: "narkotika", strength: 2, areaCodes: ["2081C1140", "2081C1150"] },
        { theme: "trafik", strength: 1, areaCodes: ["2081C1200"] },
      ],
    },
  },
  {
    when: { quartersBack: 0, at: 0.2 },
    time: "09:00",
    kind: "medborgardialog",
    format: "enkat",
    areaCode: "2081C1140",
    meetingPlace: "Enkät till hyresgästerna",
    createdBy: "partner",
    results: {
      attendance: 64,
      themes: [
        { theme: "belysning", strength: 3 },
        { theme: "ungdomsgang", strength: 2 },
        { theme: "narkotika", strength: 1 },
      ],
    },
  },
  {
    when: { quartersBack: 0, at: 0.55 },
    time: "18:00",
    kind: "medborgardialog",
    format: "stormote",
    areaCode: "2081C1080",
    meetingPlace: "Församlingshemmet i Östermalm",
    createdBy: "analyst",
    results: {
      attendance: 55,
      themes: [
        { theme: "bedragerier_aldre", strength: 3 },
        { theme: "belysning", strength: 2 },
        { theme: "otrygghet_kvall", strength: 2 },
      ],
    },
  },
  {
    when: { quartersBack: 0, at: 0.9 },
    time: "13:00",
    kind: "medarbetardialog",
    format: "fokusgrupp",
    areaCode: null,
    meetingPlace: "Stadshuset",
    createdBy: "admin",
    results: {
      attendance: 14,
      themes: [
        { theme: "bedragerier_aldre", strength: 3, areaCodes: ["2081C1080", "2081C1160", "2081C1010"] },
        { theme: "vald_i_nara_relation", strength: 1, areaCodes: ["2081C1150"] },
      ],
    },
  },
  {
    when: { daysAfterEnd: 9 },
    time: "18:00",
    kind: "medborgardialog",
    format: "stormote",
    areaCode: "2081C1200",
    meetingPlace: "Skolans matsal i Kvarnsveden",
    createdBy: "analyst",
  },
  {
    when: { daysAfterEnd: 23 },
    time: "15:00",
    kind: "medarbetardialog",
    format: "intervju",
    areaCode: "2081C1070",
    meetingPlace: "Fritidsgården i Jakobsgårdarna",
    createdBy: "admin",
  },
];
