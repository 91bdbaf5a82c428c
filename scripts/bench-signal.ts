import { assessSeriesAt, naiveRise, type RiseLevel } from "../shared/rising.ts";
import {
  assessSustained,
  SUSTAINED_SETTINGS,
  type SustainedLevel,
  weeklyWindows,
} from "../shared/rising-over-time.ts";
import { createRandom } from "../prisma/factories/random.ts";

// Both rising flags on synthetic series with known truth: false alarms on series without a rise,
// power on series with one. Run alone with `npm run bench -- --only signal`.

type Log = (line: string) => void;
type Random = ReturnType<typeof createRandom>;

const PERIODS = 78;
const FIRST_LOOK = 52;
const isFlag = (level: RiseLevel) => level === "clear" || level === "possible";
const isOn = (level: SustainedLevel) => level === "sure" || level === "likely";
const percent = (share: number) => `${(share * 100).toFixed(0)} %`;

function gaussian(random: Random) {
  const u = random.next() || 1e-12;
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
}

/** Strong summer season: weeks 22–33 of each 52 at 2⅔ times the rest, mean 1 over the year. */
function summerWeek(week: number) {
  const inYear = ((week % 52) + 52) % 52;
  return ((inYear >= 22 && inYear <= 33 ? 2 : 0.75) * 52) / (12 * 2 + 40 * 0.75);
}

function periodFlag(log: Log, runs: number) {
  log("\n## Rising flag on synthetic biweekly series\n");
  log(
    `Written by \`npm run bench -- --only signal\` (also part of a full run) on ${new Date().toISOString().slice(0, 10)}; method in docs/rising-flag.md. Three years (78 periods) of Poisson counts per series, ${runs} series per row; the rise is planted in the last two periods. Power: share of risen series flagged in one of those two periods, as *tydlig* and as any flag (*tydlig* or *möjlig*); for the simple rule, more than +20 % against the previous period. False alarms: flagged periods (*tydlig* or *möjlig*; for the simple rule, +20 %) per series-year on series without a rise, over their last year (26 looks). Too few: share of those looks that say *för få för att bedöma*. Target: at most 1 false alarm per series-year at every base, power at least 80 % for +50 % at base 20.\n`,
  );
  log(
    "| base | rise | power (*tydlig*) | power (any flag) | power (+20 % rule) | false alarms / series-year (flag) | (+20 % rule) | too few |\n| --- | --- | --- | --- | --- | --- | --- | --- |",
  );
  const falseAlarms = (base: number, shape: (i: number) => number) => {
    let flags = 0;
    let naive = 0;
    let tooFew = 0;
    for (let seed = 1; seed <= runs; seed++) {
      const random = createRandom(seed * 7919 + base);
      const series = Array.from({ length: PERIODS }, (_, i) => random.poisson(base * shape(i)));
      for (let i = FIRST_LOOK; i < PERIODS; i++) {
        const level = assessSeriesAt(series, i, 26).level;
        if (isFlag(level)) flags++;
        if (level === "too_few") tooFew++;
        if (naiveRise(series[i] ?? 0, series[i - 1] ?? 0)) naive++;
      }
    }
    return { flags: flags / runs, naive: naive / runs, tooFew: tooFew / runs / (PERIODS - FIRST_LOOK) };
  };
  for (const base of [2, 5, 20, 100]) {
    const flat = falseAlarms(base, () => 1);
    for (const rise of [1.3, 1.5, 2]) {
      let clear = 0;
      let any = 0;
      let naive = 0;
      for (let seed = 1; seed <= runs; seed++) {
        const random = createRandom(seed * 104729 + base);
        const series = Array.from({ length: PERIODS }, (_, i) =>
          random.poisson(base * (i >= PERIODS - 2 ? rise : 1)),
        );
        const levels = [PERIODS - 2, PERIODS - 1].map((i) => assessSeriesAt(series, i, 26).level);
        if (levels.includes("clear")) clear++;
        if (levels.some(isFlag)) any++;
        if ([PERIODS - 2, PERIODS - 1].some((i) => naiveRise(series[i] ?? 0, series[i - 1] ?? 0))) naive++;
      }
      log(
        `| ${base} | +${Math.round((rise - 1) * 100)} % | ${percent(clear / runs)} | ${percent(any / runs)} | ${percent(naive / runs)} | ${flat.flags.toFixed(2)} | ${flat.naive.toFixed(2)} | ${percent(flat.tooFew)} |`,
      );
    }
  }
  log(
    "\nThe same flag on strongly seasonal series (weeks 22–33 at 2⅔ times the rest of the year), no rise:\n",
  );
  log("| base | false alarms / series-year (flag) | (+20 % rule) | too few |\n| --- | --- | --- | --- |");
  for (const base of [5, 20, 100]) {
    const seasonal = falseAlarms(base, (i) => (summerWeek(2 * i) + summerWeek(2 * i + 1)) / 2);
    log(
      `| ${base} | ${seasonal.flags.toFixed(2)} | ${seasonal.naive.toFixed(2)} | ${percent(seasonal.tooFew)} |`,
    );
  }
}

const WEEKS = 208;
const HISTORY_WEEKS = 156;
const BLOCK = SUSTAINED_SETTINGS.blockWeeks;

/** The sustained flag at week `t` of a synthetic weekly series whose years start every 52 weeks. */
function sustainedAt(weekly: readonly number[], t: number) {
  const blocks: number[] = [];
  for (let end = t; end - BLOCK + 1 >= Math.max(0, t + 1 - HISTORY_WEEKS); end -= BLOCK) {
    let sum = 0;
    for (let k = end - BLOCK + 1; k <= end; k++) sum += weekly[k] ?? 0;
    blocks.unshift(sum);
  }
  const windows = weeklyWindows({ weekly, lastIndex: t, yearShift: 52, yearToDateWeeks: (t % 52) + 1 });
  return assessSustained({ windows, blocks }).level;
}

function sustainedFlag(log: Log, runs: number) {
  log("\n## Sustained flag (ökar över tid) on synthetic weekly series\n");
  log(
    `Four years of weekly counts per series, ${runs} series per row; the flag is looked at every week of the last year, each time with the 156 weeks before it (the last 13, 26 and 52 weeks and the year to date against the same weeks a year earlier). The flag is a state that lasts while the evidence does, so a false alarm is an *onset*: a week the flag turns on (*säker* or *trolig*) after a week without it, on a series without any rise; the first look counts as an onset if it is on. "Weeks on" is the share of looks with the flag on; "too few", of looks that say *för få för att bedöma* (no window averaging 6 a fortnight). Bases are per biweekly period (a base of 20 is 10 a week). Target: at most 1 false alarm per series-year on flat and on strongly seasonal series.\n`,
  );
  log(
    "| series | base | false alarms (onsets) / series-year | weeks on | too few |\n| --- | --- | --- | --- | --- |",
  );
  const shapes: [string, (t: number, random: Random, state: { level: number }) => number][] = [
    ["flat", () => 1],
    ["strongly seasonal (weeks 22–33 at 2⅔ times the rest)", (t) => summerWeek(t)],
    [
      "clustered (log rate AR(1), ρ 0.7 a week, sd 0.3)",
      (_t, random, state) => {
        state.level = 0.7 * state.level + Math.sqrt(1 - 0.49) * 0.3 * gaussian(random);
        return Math.exp(state.level - 0.045);
      },
    ],
  ];
  for (const [name, shape] of shapes) {
    for (const base of [5, 20, 100]) {
      let onsets = 0;
      let weeksOn = 0;
      let tooFew = 0;
      for (let seed = 1; seed <= runs; seed++) {
        const random = createRandom(seed * 31337 + base * 7 + name.length);
        const state = { level: 0 };
        const weekly = Array.from({ length: WEEKS }, (_, t) =>
          random.poisson((base / 2) * shape(t, random, state)),
        );
        let wasOn = false;
        for (let t = WEEKS - 52; t < WEEKS; t++) {
          const level = sustainedAt(weekly, t);
          const on = isOn(level);
          if (level === "too_few") tooFew++;
          if (on && !wasOn) onsets++;
          if (on) weeksOn++;
          wasOn = on;
        }
      }
      log(
        `| ${name} | ${base} | ${(onsets / runs).toFixed(2)} | ${percent(weeksOn / runs / 52)} | ${percent(tooFew / runs / 52)} |`,
      );
    }
  }
  let flagged = 0;
  let weeksOn = 0;
  for (let seed = 1; seed <= runs; seed++) {
    const random = createRandom(seed * 7777 + 3);
    const weekly = Array.from({ length: WEEKS }, (_, t) =>
      random.poisson(10 * 1.3 ** ((t - (WEEKS - 26)) / 52)),
    );
    let isFlagged = false;
    for (let t = WEEKS - 26; t < WEEKS; t++) {
      if (isOn(sustainedAt(weekly, t))) {
        isFlagged = true;
        weeksOn++;
      }
    }
    if (isFlagged) flagged++;
  }
  let within26 = 0;
  let within52 = 0;
  for (let seed = 1; seed <= runs; seed++) {
    const random = createRandom(seed * 4242 + 9);
    const onset = HISTORY_WEEKS;
    const weekly = Array.from({ length: onset + 52 }, (_, t) =>
      random.poisson(10 * (t >= onset ? 1.3 ** ((t - onset) / 52) : 1)),
    );
    for (let t = onset; t < onset + 52; t++) {
      if (isOn(sustainedAt(weekly, t))) {
        if (t - onset < 26) within26++;
        within52++;
        break;
      }
    }
  }
  log(
    `\nPower. A series that has climbed steadily by 30 % a year for its whole history, at base 20 per period (10 a week) where the looks begin: flagged within 26 weekly looks in **${percent(flagged / runs)}** of series (target at least 80 %), on in ${percent(weeksOn / runs / 26)} of those looks. The same climb starting after three flat years: flagged within 26 weeks of its start in ${percent(within26 / runs)} of series and within 52 weeks in ${percent(within52 / runs)} (after 26 weeks such a climb is only +14 %, and the first half-year of it against the flat year before is +7 %).`,
  );
}

export function benchSignal(log: Log, runs: { period: number; sustained: number }) {
  periodFlag(log, runs.period);
  sustainedFlag(log, runs.sustained);
}
