import fs from "node:fs";
import path from "node:path";

/** A synthetic kommun for imports that must take a while: DeSO squares and a big police delivery. */
export const FAULT_KOMMUN = { code: "2081", name: "Borlänge" };
export const FAULT_DELIVERY_NAME = "Brottsstatistik_Borlänge_202412.csv";
const AREA_COUNT = 24;
const CRIME_CODES = [
  "0301",
  "0393",
  "0802",
  "0803",
  "0812",
  "0857",
  "0890",
  "0901",
  "1201",
  "1203",
  "1205",
  "3005",
];

const areaCode = (index: number) => `${FAULT_KOMMUN.code}A${String(index + 1).padStart(4, "0")}`;

/** DeSO-like areas as GeoJSON: a 6 × 4 grid of squares around Borlänge. */
export function writeFaultAreas(file: string) {
  const features = Array.from({ length: AREA_COUNT }, (_, index) => {
    const lon = 15.3 + (index % 6) * 0.02;
    const lat = 60.44 + Math.floor(index / 6) * 0.01;
    return {
      type: "Feature",
      properties: { desokod: areaCode(index), Kommunkod: FAULT_KOMMUN.code, Kommunnamn: FAULT_KOMMUN.name },
      geometry: {
        type: "Polygon",
        coordinates: [
          [
            [lon, lat],
            [lon + 0.02, lat],
            [lon + 0.02, lat + 0.01],
            [lon, lat + 0.01],
            [lon, lat],
          ],
        ],
      },
    };
  });
  fs.writeFileSync(file, JSON.stringify({ type: "FeatureCollection", features }));
}

/**
 * A police delivery of `rows` rows (one crime each) for 2024, in the police's own column layout.
 * Deterministic, so the same file is the same import.
 */
export function writeFaultDelivery(dir: string, rows: number) {
  const file = path.join(dir, FAULT_DELIVERY_NAME);
  const header =
    "LPO/Sektion nivå 4 brottsplats,Län,Kommunnamn,Kommunkod,desokod,Brottskod,Brottskod text,Inskr år,Inskr årmånad,Inskrivningsdatum,Brottsdatum från,Brottsdatum till,antal_brott,kallfil,regsonamn";
  const lines = [header];
  const start = Date.UTC(2024, 0, 1);
  for (let row = 0; row < rows; row++) {
    const day = new Date(start + ((row * 7919) % 366) * 86_400_000).toISOString().slice(0, 10);
    const code = CRIME_CODES[(row * 31) % CRIME_CODES.length];
    lines.push(
      `LPO Borlänge,Dalarna,${FAULT_KOMMUN.name},${FAULT_KOMMUN.code},${areaCode((row * 13) % AREA_COUNT)},${code},Brott ${code},2024,${day.slice(0, 4)}${day.slice(5, 7)},${day},${day},${day},1,${FAULT_DELIVERY_NAME},Område ${(row * 13) % AREA_COUNT}`,
    );
  }
  fs.writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}
