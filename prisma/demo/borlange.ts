// Facts about Borlänge kommun's 27 DeSO areas (DeSO 2025): codes, names, centroids and
// population per year, from SCB via Region Dalarna. The official polygons are not copied:
// the demo draws approximate Voronoi districts from these centroids.
export type DemoDeso = {
  code: string;
  regsoCode: string;
  name: string;
  lon: number;
  lat: number;
  population: Record<number, number>;
};

export const BORLANGE = { code: "2081", name: "Borlänge" };

export const BORLANGE_DESO: DemoDeso[] = [
  { code: "2081A0010", regsoCode: "2081R014", name: "Tolsbo-Strandbo-Sörbo-Repbäcken-Idkerberget-Halvarsgårdarna 2", lon: 15.487654, lat: 60.421877, population: { 2022: 782, 2023: 771, 2024: 752, 2025: 752 } },
  { code: "2081A0020", regsoCode: "2081R014", name: "Tolsbo-Strandbo-Sörbo-Repbäcken-Idkerberget-Halvarsgårdarna 1", lon: 15.285545, lat: 60.437021, population: { 2022: 2512, 2023: 2467, 2024: 2477, 2025: 2477 } },
  { code: "2081A0030", regsoCode: "2081R015", name: "Torsång-Sunnanö-Uvberget-Fågelmyra-Oberget-Ornäs 1", lon: 15.580731, lat: 60.490961, population: { 2022: 2114, 2023: 2127, 2024: 2131, 2025: 2131 } },
  { code: "2081B2010", regsoCode: "2081R015", name: "Torsång-Sunnanö-Uvberget-Fågelmyra-Oberget-Ornäs 2", lon: 15.531053, lat: 60.502889, population: { 2022: 1105, 2023: 1095, 2024: 1095, 2025: 1095 } },
  { code: "2081C1010", regsoCode: "2081R010", name: "Romme", lon: 15.49942, lat: 60.436657, population: { 2022: 1801, 2023: 1780, 2024: 1821, 2025: 1821 } },
  { code: "2081C1020", regsoCode: "2081R003", name: "Gylle-Åselby-Färjegårdarna-Hytting 1", lon: 15.446054, lat: 60.455859, population: { 2022: 1562, 2023: 1556, 2024: 1547, 2025: 1547 } },
  { code: "2081C1030", regsoCode: "2081R003", name: "Gylle-Åselby-Färjegårdarna-Hytting 2", lon: 15.479612, lat: 60.466018, population: { 2022: 2129, 2023: 2118, 2024: 2109, 2025: 2109 } },
  { code: "2081C1040", regsoCode: "2081R011", name: "Skräddarbacken-Mats Knuts-Nygårdarna 1", lon: 15.360989, lat: 60.467226, population: { 2022: 1821, 2023: 1830, 2024: 1967, 2025: 1967 } },
  { code: "2081C1050", regsoCode: "2081R003", name: "Gylle-Åselby-Färjegårdarna-Hytting 3", lon: 15.436539, lat: 60.467854, population: { 2022: 1768, 2023: 1828, 2024: 1840, 2025: 1840 } },
  { code: "2081C1060", regsoCode: "2081R011", name: "Skräddarbacken-Mats Knuts-Nygårdarna 2", lon: 15.389394, lat: 60.467304, population: { 2022: 2222, 2023: 2200, 2024: 2079, 2025: 2079 } },
  { code: "2081C1070", regsoCode: "2081R004", name: "Jakobsgårdarna-Paradiset-Nygårdsdalen 1", lon: 15.400243, lat: 60.476959, population: { 2022: 2074, 2023: 2105, 2024: 2046, 2025: 2046 } },
  { code: "2081C1080", regsoCode: "2081R016", name: "Östermalm", lon: 15.430466, lat: 60.477347, population: { 2022: 2330, 2023: 2395, 2024: 2350, 2025: 2350 } },
  { code: "2081C1090", regsoCode: "2081R008", name: "Mjälga-Centrum", lon: 15.449798, lat: 60.48153, population: { 2022: 1884, 2023: 1872, 2024: 1928, 2025: 1928 } },
  { code: "2081C1100", regsoCode: "2081R005", name: "Kupolen-Norra Backa-Hagalund-Ringen 1", lon: 15.418054, lat: 60.483824, population: { 2022: 2107, 2023: 2064, 2024: 2052, 2025: 2052 } },
  { code: "2081C1110", regsoCode: "2081R007", name: "Medväga-Hönsarvet-Domnarvet-Barkagärdet-Islingby-Nyckelby 2", lon: 15.483747, lat: 60.489599, population: { 2022: 1884, 2023: 1857, 2024: 1839, 2025: 1839 } },
  { code: "2081C1120", regsoCode: "2081R004", name: "Jakobsgårdarna-Paradiset-Nygårdsdalen 2", lon: 15.397145, lat: 60.488341, population: { 2022: 1912, 2023: 1834, 2024: 1804, 2025: 1804 } },
  { code: "2081C1130", regsoCode: "2081R005", name: "Kupolen-Norra Backa-Hagalund-Ringen 2", lon: 15.429287, lat: 60.49053, population: { 2022: 1611, 2023: 1601, 2024: 1573, 2025: 1573 } },
  { code: "2081C1140", regsoCode: "2081R013", name: "Tjärna Ängar", lon: 15.404612, lat: 60.491368, population: { 2022: 2577, 2023: 2489, 2024: 2459, 2025: 2459 } },
  { code: "2081C1150", regsoCode: "2081R012", name: "Södra Bullermyren-Norra Hagalund", lon: 15.416111, lat: 60.492505, population: { 2022: 1974, 2023: 1953, 2024: 1941, 2025: 1941 } },
  { code: "2081C1160", regsoCode: "2081R002", name: "Forssa", lon: 15.441101, lat: 60.495299, population: { 2022: 1698, 2023: 1680, 2024: 1619, 2025: 1619 } },
  { code: "2081C1170", regsoCode: "2081R017", name: "Övre Tjärna", lon: 15.38882, lat: 60.499593, population: { 2022: 2417, 2023: 2374, 2024: 2293, 2025: 2293 } },
  { code: "2081C1180", regsoCode: "2081R001", name: "Bulllermyren", lon: 15.411514, lat: 60.499852, population: { 2022: 2504, 2023: 2341, 2024: 2276, 2025: 2276 } },
  { code: "2081C1190", regsoCode: "2081R006", name: "Lergärdet-Bergslagsbyn 1", lon: 15.42053, lat: 60.50313, population: { 2022: 1765, 2023: 1751, 2024: 1767, 2025: 1767 } },
  { code: "2081C1200", regsoCode: "2081R009", name: "Repbäcken-Amsberg-Kvarnsveden 2", lon: 15.40303, lat: 60.513003, population: { 2022: 1861, 2023: 1863, 2024: 1816, 2025: 1816 } },
  { code: "2081C1210", regsoCode: "2081R007", name: "Medväga-Hönsarvet-Domnarvet-Barkagärdet-Islingby-Nyckelby 1", lon: 15.447143, lat: 60.513766, population: { 2022: 2397, 2023: 2404, 2024: 2386, 2025: 2386 } },
  { code: "2081C1220", regsoCode: "2081R009", name: "Repbäcken-Amsberg-Kvarnsveden 1", lon: 15.36278, lat: 60.523058, population: { 2022: 1782, 2023: 1743, 2024: 1779, 2025: 1779 } },
  { code: "2081C1230", regsoCode: "2081R006", name: "Lergärdet-Bergslagsbyn 2", lon: 15.424383, lat: 60.521356, population: { 2022: 1585, 2023: 1637, 2024: 1679, 2025: 1679 } },
];
