import type { MessageKey } from "../../i18n/messages.ts";

/** The glossary's entries in the order of the help page; the id is the page's anchor. */
export const GLOSSARY = [
  { id: "forvantat", term: "help.term.forvantat", text: "help.text.forvantat" },
  { id: "intervall", term: "help.term.intervall", text: "help.text.intervall" },
  { id: "okar-nu", term: "help.term.okarNu", text: "help.text.okarNu" },
  { id: "okar-over-tid", term: "help.term.okarOverTid", text: "help.text.okarOverTid" },
  { id: "for-fa", term: "help.term.forFa", text: "help.text.forFa" },
  { id: "per-1000", term: "help.term.per1000", text: "help.text.per1000" },
  { id: "hittills", term: "help.term.hittills", text: "help.text.hittills" },
  { id: "farre-an-5", term: "help.term.farreAn5", text: "help.text.farreAn5" },
  { id: "forandring", term: "help.term.forandring", text: "help.text.forandring" },
  { id: "p-varde", term: "help.term.pValue", text: "help.text.pValue" },
] as const satisfies readonly { id: string; term: MessageKey; text: MessageKey }[];

export type GlossaryId = (typeof GLOSSARY)[number]["id"];

export function glossaryEntry(id: GlossaryId) {
  const entry = GLOSSARY.find((item) => item.id === id);
  if (!entry) throw new Error(`no glossary entry ${id}`);
  return entry;
}
