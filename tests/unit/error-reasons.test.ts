import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { APP_ERROR_REASONS, appErrorReasonText, isAppErrorReason } from "../../shared/errors.ts";

const parameters = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe("refusal reasons", () => {
  it("have Swedish and English text with the same parameters", () => {
    for (const [reason, text] of Object.entries(APP_ERROR_REASONS)) {
      expect(text.sv.trim(), reason).not.toBe("");
      expect(text.en.trim(), reason).not.toBe("");
      expect(parameters(text.sv), reason).toEqual(parameters(text.en));
    }
  });

  it("fill in their parameters in the chosen language", () => {
    expect(appErrorReasonText("sv", "UNDO_LATER_IMPORT_FIRST", { fileName: "feb.csv" })).toBe(
      "Ångra först den senare importen av feb.csv: den bygger på den här.",
    );
    expect(appErrorReasonText("en", "FILE_TOO_LARGE", { mb: 200 })).toBe("The file is larger than 200 MB.");
    expect(isAppErrorReason("UNDO_LATER_IMPORT_FIRST")).toBe(true);
    expect(isAppErrorReason("toString")).toBe(false);
  });

  it("are given by every refusal a user can meet in a form (no bare VALIDATION or CONFLICT sentence)", () => {
    const root = path.resolve(import.meta.dirname, "../../server");
    const files = readdirSync(root, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".ts"));
    const bare: string[] = [];
    for (const file of files) {
      const source = readFileSync(path.join(root, file), "utf8");
      for (const match of source.matchAll(/new AppError\(\s*"(VALIDATION|CONFLICT)",\s*[`"]/g)) {
        const line = source.slice(0, match.index).split("\n").length;
        bare.push(`server/${file}:${line}`);
      }
    }
    expect(bare).toEqual([]);
  });
});
