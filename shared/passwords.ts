// Password rules after NIST SP 800-63B-4 (docs/decisions/015): length, a blocklist and the
// account's own words; no composition rules, no forced changes. Server and client share them.

/** Below NIST's 15 for a single factor, on purpose: see docs/decisions/015. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export const PASSWORD_PROBLEMS = ["tooShort", "tooLong", "common", "containsEmail"] as const;
export type PasswordProblem = (typeof PASSWORD_PROBLEMS)[number];

// Words the most common leaked passwords are built from, with digits and signs removed
// ("Sommar2024!" is "sommar"), and the product's own name.
const COMMON_WORDS = new Set([
  "password",
  "passwort",
  "lösenord",
  "losenord",
  "qwerty",
  "qwertyuiop",
  "asdfghjkl",
  "zxcvbnm",
  "azerty",
  "qwertz",
  "abc",
  "abcdef",
  "admin",
  "administrator",
  "administratör",
  "welcome",
  "välkommen",
  "valkommen",
  "letmein",
  "iloveyou",
  "jagälskardig",
  "monkey",
  "dragon",
  "football",
  "fotboll",
  "sunshine",
  "princess",
  "starwars",
  "trustno",
  "changeme",
  "secret",
  "hemlig",
  "hemligt",
  "sommar",
  "vinter",
  "våren",
  "hösten",
  "januari",
  "februari",
  "december",
  "sverige",
  "stockholm",
  "göteborg",
  "malmö",
  "hejsan",
  "hejhej",
  "test",
  "testtest",
  "user",
  "guest",
  "login",
  "master",
  "polisen",
  "polis",
  "kommun",
  "est",
  "estlägesbild",
  "lägesbild",
  "lagesbild",
  "correcthorsebatterystaple",
]);

// Common passwords that are not a word plus digits.
const COMMON_PASSWORDS = new Set([
  "123456789012",
  "1234567890123",
  "12345678901234",
  "123123123123",
  "111111111111",
  "000000000000",
  "098765432109",
  "1q2w3e4r5t6y",
  "1qaz2wsx3edc",
  "qazwsxedcrfv",
  "q1w2e3r4t5y6",
  "1q2w3e4r5t6y7u",
  "zaq12wsxcde3",
  "!@#$%^&*()_+",
]);

const lettersOf = (text: string) => text.toLowerCase().replace(/[^\p{L}]/gu, "");
const alphanumericOf = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

/** True for one character repeated, or a run up or down the alphabet or the digits ("abcdefghijkl"). */
function isSequence(text: string) {
  const codes = [...text.toLowerCase()].map((char) => char.codePointAt(0) ?? 0);
  if (codes.length < 2) return true;
  const step = (codes[1] ?? 0) - (codes[0] ?? 0);
  return Math.abs(step) <= 1 && codes.every((code, i) => i === 0 || code - (codes[i - 1] ?? 0) === step);
}

/**
 * What is wrong with a password, or nothing. Length counts Unicode code points, as NIST asks;
 * the email check catches the address itself and its part before the @ inside the password.
 */
export function passwordProblems(password: string, context: { email?: string } = {}): PasswordProblem[] {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return ["tooShort"];
  if (length > PASSWORD_MAX_LENGTH) return ["tooLong"];
  const problems: PasswordProblem[] = [];
  const lowered = password.trim().toLowerCase();
  const compact = lowered.replace(/\s/gu, "");
  const alphanumeric = alphanumericOf(password);
  if (
    COMMON_PASSWORDS.has(lowered) ||
    COMMON_WORDS.has(lettersOf(password)) ||
    isSequence(compact) ||
    // A run with a sign or two added ("abcdefghijkl!!").
    (alphanumeric.length * 2 >= [...compact].length && isSequence(alphanumeric))
  )
    problems.push("common");
  const email = context.email?.trim().toLowerCase() ?? "";
  const localPart = alphanumericOf(email.split("@")[0] ?? "");
  if (email && (lowered.includes(email) || (localPart.length >= 4 && alphanumeric.includes(localPart))))
    problems.push("containsEmail");
  return problems;
}

/** The rules in Swedish, for the server's refusals and the command line. */
export const PASSWORD_PROBLEM_TEXT: Record<PasswordProblem, string> = {
  tooShort: `Lösenordet måste ha minst ${PASSWORD_MIN_LENGTH} tecken.`,
  tooLong: `Lösenordet får ha högst ${PASSWORD_MAX_LENGTH} tecken.`,
  common: "Lösenordet är för vanligt eller lätt att gissa. Välj ett annat, gärna flera ord.",
  containsEmail: "Lösenordet får inte innehålla din e-postadress.",
};
