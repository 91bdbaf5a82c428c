// `npm test`: every suite (unit, integration on PGlite and on PostgreSQL, real data, browser),
// closing with the plain line "N passed, N failed". In CI a missing PostgreSQL or Chromium is a
// failure; on a developer machine the suite that cannot run is named and left out.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const isCi = Boolean(process.env.CI);
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const resultsFile = path.join(root, ".vitest-results.json");
const projects = ["unit", "integration", "realdata"];
const notes = [];

if (!process.env.TEST_DATABASE_URL && !isCi) {
  try {
    process.env.TEST_DATABASE_URL = execFileSync("bash", [path.join(root, ".ci/start-postgres.sh")], {
      encoding: "utf8",
    }).trim();
  } catch {
    notes.push("PostgreSQL suite left out: set TEST_DATABASE_URL or install postgresql (see README).");
  }
}
if (process.env.TEST_DATABASE_URL || isCi) projects.push("integration-pg");
if (!fs.existsSync(path.resolve(root, "../shared/data")) && !isCi)
  notes.push("Real-data tests left out: ../shared/data (the public data beside the checkout) was not found.");
if (fs.existsSync(chromium) || isCi) projects.push("e2e");
else notes.push(`Browser suite left out: no Chromium at ${chromium} (apt-get install -y chromium).`);

fs.rmSync(resultsFile, { force: true });
const args = [
  "run",
  ...projects.flatMap((p) => ["--project", p]),
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${resultsFile}`,
  ...process.argv.slice(2),
];
const run = spawnSync(process.execPath, [path.join(root, "node_modules/vitest/vitest.mjs"), ...args], {
  cwd: root,
  stdio: "inherit",
  env: process.env,
});

for (const note of notes) console.log(note);
let passed = 0;
let failed = 0;
if (fs.existsSync(resultsFile)) {
  const results = JSON.parse(fs.readFileSync(resultsFile, "utf8"));
  passed = results.numPassedTests;
  failed = results.numFailedTests;
}
// A run that failed outside any test (a setup error, a missing database) still counts as a failure.
if (run.status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(run.status ?? 1);
