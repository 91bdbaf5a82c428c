// The demo EST group's year of meetings in Borlänge: the areas it watched, what it assessed and
// the insatser it decided. Synthetic texts (no real persons); places are real Borlänge areas.

/** Areas the group came back to, by DeSO code, with why their level was raised. */
export const WATCHED_AREAS = [
  {
    code: "2081C1140",
    name: "Tjärna Ängar",
    reason: "Ungdomsgrupper vid centrumet kvällstid, flera anmälda rån.",
  },
  {
    code: "2081C1070",
    name: "Jakobsgårdarna",
    reason: "Skadegörelse och bränder i soprum i flerfamiljshusen.",
  },
  { code: "2081C1150", name: "Södra Bullermyren", reason: "Otrygghet vid gångtunneln, trasig belysning." },
  { code: "2081C1130", name: "Kupolen", reason: "Stölder och ordningsstörningar kring köpcentret." },
  { code: "2081C1160", name: "Forssa", reason: "Mopedåkning och samlingar vid skolan helger." },
] as const;

export const ASSESSMENTS = [
  "Läget i kommunen är i stort sett normalt. Uppmärksamheten ligger på {area} där {reason}",
  "Inga större förändringar sedan förra mötet. {area} följs fortsatt: {reason}",
  "Något fler händelser än normalt för årstiden, främst i {area}. {reason}",
  "Lugnare period. Insatserna i {area} verkar ge effekt men läget följs vid nästa möte.",
] as const;

export const FRAUD_ASSESSMENT =
  "Bedrägerier mot äldre ökar tydligt de senaste veckorna (telefonbedrägerier där gärningspersonen utger sig för att vara bank eller polis). Gruppen beslutar om informationsinsatser på träffpunkter och i samverkan med banker.";

export const CONTRIBUTIONS: Record<string, readonly string[]> = {
  "LPO Borlänge": [
    "Polisen har haft förstärkt närvaro kvällstid i centrum. Inga särskilda händelser utöver det vanliga.",
    "Fler anmälda bedrägerier via telefon, främst mot personer över 70 år.",
    "Områdespoliserna har genomfört samtal med ungdomar vid Tjärna centrum.",
  ],
  Tunabyggen: [
    "Två bränder i soprum i Jakobsgårdarna; låsen byts till nya med tagg.",
    "Trygghetsvärdarna har gått extra kvällar i Tjärna Ängar.",
    "Belysningen i gångtunneln vid Bullermyren är anmäld till kommunen.",
  ],
  "Räddningstjänsten Dala Mitt": ["Färre anlagda bränder än samma period i fjol."],
};

/** Insatser the group decided, in order; each is followed up and closed or carried on. */
export const DEMO_INSATSER = [
  {
    title: "Trygghetsvärdar kvällstid i Tjärna centrum",
    problem: "Ungdomsgrupper och rån vid Tjärna centrum",
    area: "2081C1140",
    organization: "Tunabyggen",
    contactName: "Områdeschef Tjärna",
    recurrence: "fredagar och lördagar 18–23",
    resources: "två trygghetsvärdar",
    weeks: 8,
    outcome: "closed",
    followUp: "Trygghetsvärdar ute 14 kvällar, kontakt med ett fyrtiotal ungdomar.",
    effect: "Färre larm till bevakningsbolaget; boende upplever lugnare helger.",
  },
  {
    title: "Byte av lås och brandsäkra sopkärl i Jakobsgårdarna",
    problem: "Bränder i soprum",
    area: "2081C1070",
    organization: "Tunabyggen",
    contactName: "Fastighetsförvaltare",
    recurrence: null,
    resources: "fastighetsskötsel, 180 000 kr",
    weeks: 6,
    outcome: "closed",
    followUp: "Lås bytta i 12 soprum, sopkärl i metall på plats.",
    effect: "Inga soprumsbränder sedan åtgärden.",
  },
  {
    title: "Ny belysning i gångtunneln vid Bullermyren",
    problem: "Otrygg passage, trasig belysning (fynd vid trygghetsvandring)",
    area: "2081C1150",
    organization: "Borlänge kommun",
    contactName: "Gatuenheten",
    recurrence: null,
    resources: "gatuenheten",
    weeks: 4,
    outcome: "overdue",
    followUp: "Beställning lagd; leveransen av armaturer är försenad.",
    effect: "",
  },
  {
    title: "Områdespoliser vid Kupolen vardagskvällar",
    problem: "Stölder och ordningsstörningar kring köpcentret",
    area: "2081C1130",
    organization: "LPO Borlänge",
    contactName: "Kommunpolis",
    recurrence: "tisdagar och torsdagar v. 10–20",
    resources: "två områdespoliser två kvällar i veckan",
    weeks: 10,
    outcome: "closed",
    followUp: "18 pass genomförda, 6 ingripanden, dialog med butikerna.",
    effect: "Anmälda stölder i området lägre än under samma period i fjol.",
  },
  {
    title: "Mopedkontroller och föräldravandringar i Forssa",
    problem: "Mopedåkning och samlingar vid skolan",
    area: "2081C1160",
    organization: "LPO Borlänge",
    contactName: "Kommunpolis",
    recurrence: "helger under våren",
    resources: "trafikpolis, föräldravandrare",
    weeks: 8,
    outcome: "open",
    followUp: "Tre kontroller genomförda, föräldravandringar startade.",
    effect: "",
  },
  {
    title: "Informationsträffar om bedrägerier mot äldre",
    problem: "Bedrägerier mot äldre ökar",
    area: null,
    organization: "Borlänge kommun",
    contactName: "Äldreomsorgens samordnare",
    recurrence: "en träffpunkt per vecka",
    resources: "kommunpolis, äldreomsorg, banker",
    weeks: 12,
    outcome: "open",
    followUp: "",
    effect: "",
  },
] as const;
