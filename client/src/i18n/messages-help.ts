// Words for notifications, the glossary and the citizen's place search (issue 15): Swedish first,
// English second, spread into messages.ts so the keys are checked with the rest.
export const helpSv = {
  "notifications.title": "Aviseringar",
  "notifications.bell": "Aviseringar, {count} olästa",
  "notifications.bellOne": "Aviseringar, 1 oläst",
  "notifications.bellNone": "Aviseringar, inga olästa",
  "notifications.intro":
    "Rapporter som väntar på granskning, fynd som passerat sitt slutdatum och nya ökningar i dina områden. Olästa står först i fetstil.",
  "notifications.none": "Inga aviseringar just nu.",
  "notifications.unreadCount": "{count} olästa av {total}.",
  "notifications.unreadCount.one": "{count} oläst av {total}.",
  "notifications.markAll": "Markera alla som lästa",
  "notifications.listTitle": "Dina aviseringar",
  "notifications.markRead": "Markera som läst",
  "notifications.unread": "Oläst",
  "notifications.review": "Ny {kind} väntar på granskning: {category}, {area}",
  "notifications.review.citizen": "medborgarrapport",
  "notifications.review.partner": "partnerrapport",
  "notifications.overdue": "Fynd passerade slutdatum {due}: {category}, {area}",
  "notifications.rising": "{level}: {category}, {area} ({period})",
  "notifications.open": "Öppna",
  "notifications.settings.title": "Aviseringar",
  "notifications.settings.areas": "Mina områden",
  "notifications.settings.areasHint":
    "Nya ökningar i de här områdena (och områdena inom dem) aviseras. Inget valt betyder alla områden.",
  "notifications.settings.email":
    "Skicka aviseringar till min e-post (bara antal och en länk hit, aldrig fritext)",
  "notifications.settings.save": "Spara",
  "notifications.settings.saved": "Sparat.",
  "help.title": "Hjälp: ord och siffror",
  "help.intro":
    "Korta förklaringar av det som står i figurerna. Varje figur har en ?-knapp som öppnar rätt förklaring.",
  "help.open": "Vad betyder {term}?",
  "help.close": "Stäng",
  "help.more": "Hela ordlistan",
  "help.term.forvantat": "Förväntat",
  "help.text.forvantat":
    "Det antal som vore normalt för perioden, räknat från samma område och kategori tidigare: de närmast föregående perioderna och samma tid på året de två senaste åren, justerat för årstid när den syns tydligt.",
  "help.term.intervall": "Förväntat intervall",
  "help.text.intervall":
    "Det band där antalet brukar hamna av en slump när inget särskilt har hänt (ungefär 95 av 100 perioder). Ett antal ovanför bandet är ovanligt högt; inom bandet är det vanlig variation.",
  "help.term.okarNu": "ökar nu",
  "help.text.okarNu":
    "Den här perioden (eller de två senaste tillsammans) har fler än förväntat, så många att slumpen knappast förklarar det. ”Tydlig ökning” är säkrare än ”möjlig ökning”. Den fångar plötsliga förändringar.",
  "help.term.okarOverTid": "ökar över tid",
  "help.text.okarOverTid":
    "Antalet de senaste 13, 26 eller 52 veckorna (eller året hittills) är högre än samma tid i fjol, och skillnaden är för stor för att vara slump. ”Säker ökning” är säkrare än ”trolig ökning”. Den fångar en långsam, bestående ökning.",
  "help.term.forFa": "för få för att bedöma",
  "help.text.forFa":
    "Det förväntade antalet är så litet (under sex per period) att en ökning inte går att skilja från slumpen. Det betyder inte att inget har hänt, bara att siffrorna inte räcker för en bedömning.",
  "help.term.per1000": "per 1 000 invånare",
  "help.text.per1000":
    "Antalet delat med områdets folkmängd, gånger 1 000. Det gör områden av olika storlek jämförbara. Ett område med många besökare men få boende (centrum, handelsområden) får ett högt tal.",
  "help.term.hittills": "hittills",
  "help.text.hittills":
    "Perioden pågår fortfarande. Siffrorna räknas till och med i dag och jämförs med lika många dagar av perioden före och samma dagar i fjol, så att en halv vecka inte ser ut som en minskning.",
  "help.term.farreAn5": "färre än 5",
  "help.text.farreAn5":
    "Antal under fem visas inte på offentliga sidor, så att ingen enskild person kan pekas ut.",
  "help.term.forandring": "förändring, antal",
  "help.text.forandring":
    "Kartan i läget förändring: antalet i perioden minus antalet i perioden före, i antal händelser (inte procent). Blått är färre, rött fler.",
  "help.term.pValue": "p-värde (för analytiker)",
  "help.text.pValue":
    "Sannolikheten att få minst så många av en slump om inget har ändrats. Visas bara i analytikerns verktygstips; huvudvyn säger det i ord.",
  "citizen.copyLink": "Kopiera länken",
  "citizen.copied": "Kopierad",
  "citizen.copyFailed": "Kunde inte kopiera. Markera länken och kopiera den själv.",
} as const;

export const helpEn: Record<keyof typeof helpSv, string> = {
  "notifications.title": "Notifications",
  "notifications.bell": "Notifications, {count} unread",
  "notifications.bellOne": "Notifications, 1 unread",
  "notifications.bellNone": "Notifications, none unread",
  "notifications.intro":
    "Reports waiting for review, findings past their due date and new rises in your areas. Unread ones are bold.",
  "notifications.none": "No notifications right now.",
  "notifications.unreadCount": "{count} unread of {total}.",
  "notifications.unreadCount.one": "{count} unread of {total}.",
  "notifications.listTitle": "Your notifications",
  "notifications.markAll": "Mark all as read",
  "notifications.markRead": "Mark as read",
  "notifications.unread": "Unread",
  "notifications.review": "New {kind} waiting for review: {category}, {area}",
  "notifications.review.citizen": "citizen report",
  "notifications.review.partner": "partner report",
  "notifications.overdue": "Finding past its due date {due}: {category}, {area}",
  "notifications.rising": "{level}: {category}, {area} ({period})",
  "notifications.open": "Open",
  "notifications.settings.title": "Notifications",
  "notifications.settings.areas": "My areas",
  "notifications.settings.areasHint":
    "New rises in these areas (and the areas inside them) are notified. None chosen means every area.",
  "notifications.settings.email":
    "Send notifications to my e-mail (only counts and a link here, never free text)",
  "notifications.settings.save": "Save",
  "notifications.settings.saved": "Saved.",
  "help.title": "Help: words and figures",
  "help.intro":
    "Short explanations of what the figures say. Every figure has a ? button that opens its entry.",
  "help.open": "What does {term} mean?",
  "help.close": "Close",
  "help.more": "The whole glossary",
  "help.term.forvantat": "Expected",
  "help.text.forvantat":
    "The count that would be normal for the period, from the same area and category before: the periods just before and the same time of year in the two years before, adjusted for season where it clearly shows.",
  "help.term.intervall": "Expected range",
  "help.text.intervall":
    "The band the count usually falls in by chance when nothing in particular has happened (about 95 periods in 100). A count above the band is unusually high; inside it, ordinary variation.",
  "help.term.okarNu": "rising now",
  "help.text.okarNu":
    "This period (or the last two together) has more than expected, so many that chance hardly explains it. “Clear rise” is surer than “possible rise”. It catches sudden changes.",
  "help.term.okarOverTid": "rising over time",
  "help.text.okarOverTid":
    "The count over the last 13, 26 or 52 weeks (or the year so far) is higher than the same time last year, by more than chance would give. “Sure rise” is surer than “likely rise”. It catches a slow, lasting rise.",
  "help.term.forFa": "too few to judge",
  "help.text.forFa":
    "The expected count is so small (under six per period) that a rise cannot be told from chance. It does not mean nothing happened, only that the numbers are not enough to judge.",
  "help.term.per1000": "per 1,000 inhabitants",
  "help.text.per1000":
    "The count divided by the area's population, times 1,000. It makes areas of different sizes comparable. An area with many visitors but few residents (a town centre, a shopping area) gets a high figure.",
  "help.term.hittills": "so far",
  "help.text.hittills":
    "The period is still running. Its figures count up to today and are compared with as many days of the period before and the same days last year, so half a week does not look like a fall.",
  "help.term.farreAn5": "fewer than 5",
  "help.text.farreAn5":
    "Numbers below five are not shown on public pages, so no single person can be singled out.",
  "help.term.forandring": "change, count",
  "help.text.forandring":
    "The map in change mode: the count in the period minus the count in the period before, in incidents (not percent). Blue is fewer, red more.",
  "help.term.pValue": "p-value (for analysts)",
  "help.text.pValue":
    "The probability of at least this many by chance if nothing had changed. Shown only in the analyst's tooltip; the main view says it in words.",
  "citizen.copyLink": "Copy the link",
  "citizen.copied": "Copied",
  "citizen.copyFailed": "Could not copy. Select the link and copy it yourself.",
};
