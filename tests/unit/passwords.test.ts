import { describe, expect, it } from "vitest";
import { passwordProblems } from "../../shared/passwords.ts";

describe("password rules (docs/decisions/015)", () => {
  it("asks for 12 to 256 characters, counting code points, and nothing about their kinds", () => {
    expect(passwordProblems("elva tecken")).toEqual(["tooShort"]);
    expect(passwordProblems("tolv tecken!")).toEqual([]);
    expect(passwordProblems("bara små bokstäver här")).toEqual([]);
    // Twelve emoji are 24 UTF-16 units but twelve characters; eleven are too few.
    expect(passwordProblems("🌲".repeat(11))).toEqual(["tooShort"]);
    expect(passwordProblems("🌲🏠🚲🌧🐟🍎🎻📚🧭🕯🪵🧶")).toEqual([]);
    expect(passwordProblems(`${"a b".repeat(85)}c`)).toEqual([]);
    expect(passwordProblems("x".repeat(257))).toEqual(["tooLong"]);
  });

  it("refuses common passwords, words with digits around them, and runs", () => {
    for (const common of [
      "Sommar2026!!!!",
      "Lösenord123456",
      "password1234",
      "123456789012",
      "abcdefghijkl",
      "aaaaaaaaaaaa",
      "qwertyuiop123",
      "1q2w3e4r5t6y",
      "EST-lägesbild-2026",
    ])
      expect(passwordProblems(common), common).toEqual(["common"]);
    expect(passwordProblems("sommarstuga vid sjön")).toEqual([]);
  });

  it("refuses the account's email address and its name part inside the password", () => {
    const email = "maria.bovard@tunabyggen.se";
    expect(passwordProblems("maria.bovard@tunabyggen.se", { email })).toEqual(["containsEmail"]);
    expect(passwordProblems("MariaBovard-2026!", { email })).toEqual(["containsEmail"]);
    expect(passwordProblems("gröna äpplen i maj", { email })).toEqual([]);
    // A short name part would refuse too much: only the whole address counts then.
    expect(passwordProblems("li-och-hans-cykel", { email: "li@x.se" })).toEqual([]);
  });
});
