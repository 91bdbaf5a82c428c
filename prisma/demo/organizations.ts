// The organisations of the demo's EST group and the demo users who act for them.
export const DEMO_ORGANIZATIONS = [
  { name: "Borlänge kommun", kind: "kommun" },
  { name: "LPO Borlänge", kind: "polis" },
  { name: "Tunabyggen", kind: "bostadsbolag" },
  { name: "Räddningstjänsten Dala Mitt", kind: "raddningstjanst" },
] as const;

export type DemoOrganizationName = (typeof DEMO_ORGANIZATIONS)[number]["name"];

/** Who records demo field input: the kommun's admin, the police analyst and the housing company's member. */
export type DemoActor = "admin" | "analyst" | "partner";

export const DEMO_ACTOR_EMAILS: Record<DemoActor, string> = {
  admin: "admin@borlange.example",
  analyst: "analytiker@borlange.example",
  partner: "partner@borlange.example",
};
