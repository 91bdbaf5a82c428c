import { describe, expect, it } from "vitest";
import { en, sv } from "../../client/src/i18n/messages.ts";
import { translate } from "../../client/src/i18n/translate.ts";

describe("messages with a count", () => {
  it("agree with a count of one", () => {
    expect(translate(sv, "filter.selected", { count: 1 })).toBe("1 vald");
    expect(translate(sv, "filter.selected", { count: 3 })).toBe("3 valda");
    expect(translate(sv, "points.tooltip", { count: "1" })).toBe("1 händelse");
    expect(translate(sv, "points.tooltip", { count: "1 204" })).toBe("1 204 händelser");
    expect(translate(en, "audit.total", { count: 1 })).toBe("1 event");
  });

  it("has a plural form and a {count} for every singular form, in both languages", () => {
    for (const catalog of [sv, en] as Record<string, string>[]) {
      for (const key of Object.keys(catalog).filter((candidate) => candidate.endsWith(".one"))) {
        const plural = catalog[key.slice(0, -".one".length)];
        expect(plural, key).toContain("{count}");
        expect(catalog[key], key).toContain("{count}");
      }
    }
  });

  it("names every import kind the history can show in words, not codes", () => {
    for (const kind of ["police_delivery", "police_events", "partner_reports", "survey", "incidents"])
      expect((sv as Record<string, string>)[`import.batchKind.${kind}`]).toMatch(/^[A-ZÅÄÖ][a-zåäö]/);
    expect((sv as Record<string, string>)["import.batchKind.survey"]).not.toMatch(/survey/i);
  });
});
