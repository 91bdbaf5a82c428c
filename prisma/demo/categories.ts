// The demo's category tree: real police crime codes under the groups Swedish statistics use,
// and partners' own event types beside them. Yearly totals are rough Borlänge-sized figures
// for the synthetic incidents, not statistics.
export type DemoCategory = {
  code: string;
  nameSv: string;
  nameEn: string;
  kind: "group" | "crime_code" | "partner_event";
  /** Expected incidents per year in the whole kommun (leaves only). */
  perYear?: number;
  /** Share of incidents at night (22–06); the rest fall by day. */
  nightShare?: number;
  /** Summer (June–August) multiplier; 1 means no season. */
  summer?: number;
  /** Weekend (Friday–Saturday) multiplier. */
  weekend?: number;
  /** How strongly it concentrates in central, dense districts (0 = spread by population). */
  urban?: number;
  children?: DemoCategory[];
};

export const DEMO_CATEGORY_TREE: DemoCategory[] = [
  {
    code: "G-VALD",
    nameSv: "Brott mot person",
    nameEn: "Crimes against the person",
    kind: "group",
    children: [
      { code: "9365", nameSv: "Misshandel, ej grov, mot kvinna, närstående, inomhus", nameEn: "Assault, not aggravated, against a woman, partner, indoors", kind: "crime_code", perYear: 62, nightShare: 0.45, weekend: 1.4, urban: 0.2 },
      { code: "357", nameSv: "Misshandel, ej grov, mot man, obekant, utomhus", nameEn: "Assault, not aggravated, against a man, stranger, outdoors", kind: "crime_code", perYear: 48, nightShare: 0.6, weekend: 2.2, summer: 1.3, urban: 1.2 },
      { code: "9447", nameSv: "Olaga hot mot man, obekanta", nameEn: "Unlawful threat against a man, strangers", kind: "crime_code", perYear: 57, nightShare: 0.35, weekend: 1.3, urban: 0.8 },
      { code: "9463", nameSv: "Ofredande mot man, obekanta", nameEn: "Molestation against a man, strangers", kind: "crime_code", perYear: 50, nightShare: 0.3, urban: 0.8 },
    ],
  },
  {
    code: "G-STOLD",
    nameSv: "Stöld- och tillgreppsbrott",
    nameEn: "Theft",
    kind: "group",
    children: [
      { code: "853", nameSv: "Stöld från butik", nameEn: "Shoplifting", kind: "crime_code", perYear: 390, nightShare: 0.02, weekend: 1.1, urban: 1.6 },
      { code: "9830", nameSv: "Cykelstöld (ej elcykel)", nameEn: "Bicycle theft (not e-bike)", kind: "crime_code", perYear: 310, nightShare: 0.4, summer: 2.2, urban: 1.0 },
      { code: "825", nameSv: "Inbrott i källare, vind", nameEn: "Burglary of cellar or attic", kind: "crime_code", perYear: 260, nightShare: 0.5, urban: 0.6 },
      { code: "880", nameSv: "Annan stöld utan inbrott", nameEn: "Other theft without burglary", kind: "crime_code", perYear: 160, nightShare: 0.2, summer: 1.2, urban: 0.8 },
      { code: "9828", nameSv: "Stöld ur fordon", nameEn: "Theft from a vehicle", kind: "crime_code", perYear: 90, nightShare: 0.7, urban: 0.5 },
    ],
  },
  {
    code: "G-SKADEGORELSE",
    nameSv: "Skadegörelsebrott",
    nameEn: "Criminal damage",
    kind: "group",
    children: [
      { code: "1212", nameSv: "Annan skadegörelse (ej klotter)", nameEn: "Other criminal damage (not graffiti)", kind: "crime_code", perYear: 190, nightShare: 0.55, weekend: 1.5, summer: 1.2, urban: 0.9 },
      { code: "1205", nameSv: "Skadegörelse mot stat, kommun, region", nameEn: "Criminal damage to public property", kind: "crime_code", perYear: 180, nightShare: 0.6, weekend: 1.4, summer: 1.3, urban: 0.9 },
      { code: "1201", nameSv: "Skadegörelse på motorfordon", nameEn: "Criminal damage to a motor vehicle", kind: "crime_code", perYear: 145, nightShare: 0.7, weekend: 1.3, urban: 0.6 },
      { code: "1209", nameSv: "Skadegörelse, klotter", nameEn: "Graffiti", kind: "crime_code", perYear: 100, nightShare: 0.75, summer: 1.4, urban: 1.1 },
      { code: "1210", nameSv: "Skadegörelse genom brand", nameEn: "Criminal damage by fire", kind: "crime_code", perYear: 25, nightShare: 0.8, summer: 1.5, urban: 0.7 },
    ],
  },
  {
    code: "G-BEDRAGERI",
    nameSv: "Bedrägeribrott m.m.",
    nameEn: "Fraud etc.",
    kind: "group",
    children: [
      { code: "995", nameSv: "Övrigt bedrägeri", nameEn: "Other fraud", kind: "crime_code", perYear: 80, nightShare: 0.05, weekend: 0.6, urban: 0 },
      { code: "981", nameSv: "Kortbedrägeri med fysiskt kort", nameEn: "Card fraud with a physical card", kind: "crime_code", perYear: 54, nightShare: 0.05, urban: 0.3 },
      { code: "987", nameSv: "Annonsbedrägeri", nameEn: "Advertisement fraud", kind: "crime_code", perYear: 49, nightShare: 0.1, weekend: 0.8, urban: 0 },
      { code: "951", nameSv: "Bedrägeri genom social manipulation mot äldre", nameEn: "Fraud by social manipulation against the elderly", kind: "crime_code", perYear: 30, nightShare: 0.02, weekend: 0.5, urban: -0.3 },
    ],
  },
  {
    code: "G-NARKOTIKA",
    nameSv: "Narkotikabrott",
    nameEn: "Drug offences",
    kind: "group",
    children: [
      { code: "5010", nameSv: "Narkotikabrott, innehav", nameEn: "Drug possession", kind: "crime_code", perYear: 375, nightShare: 0.35, weekend: 1.3, urban: 1.3 },
      { code: "5011", nameSv: "Narkotikabrott, bruk", nameEn: "Drug use", kind: "crime_code", perYear: 295, nightShare: 0.35, weekend: 1.3, urban: 1.3 },
    ],
  },
  {
    code: "G-TRAFIK",
    nameSv: "Trafikbrott",
    nameEn: "Traffic offences",
    kind: "group",
    children: [
      { code: "3002", nameSv: "Olovlig körning", nameEn: "Driving without a licence", kind: "crime_code", perYear: 125, nightShare: 0.3, urban: 0.5 },
      { code: "3005", nameSv: "Rattfylleri, alkohol", nameEn: "Drink driving", kind: "crime_code", perYear: 60, nightShare: 0.6, weekend: 1.8, urban: 0.3 },
      { code: "3070", nameSv: "Drograttfylleri", nameEn: "Drug driving", kind: "crime_code", perYear: 115, nightShare: 0.4, urban: 0.5 },
    ],
  },
  {
    code: "G-PARTNER",
    nameSv: "Partnerrapporter",
    nameEn: "Partner reports",
    kind: "group",
    children: [
      { code: "P-SAMLING", nameSv: "Otrygghetsskapande samling", nameEn: "Gathering creating insecurity", kind: "partner_event", perYear: 180, nightShare: 0.5, weekend: 1.8, summer: 1.6, urban: 1.2 },
      { code: "P-KLOTTER", nameSv: "Klotter (partner)", nameEn: "Graffiti (partner)", kind: "partner_event", perYear: 220, nightShare: 0.6, summer: 1.3, urban: 1.0 },
      { code: "P-CONTAINERBRAND", nameSv: "Brand i container", nameEn: "Container fire", kind: "partner_event", perYear: 40, nightShare: 0.85, summer: 1.7, urban: 0.8 },
    ],
  },
];

/** The codes whose incidents rise in the latest months of the demo (fraud against the elderly). */
export const DEMO_RISING_CODES = ["951", "995", "981"];
