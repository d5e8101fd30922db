import { isoStates, organisations, type PartyId } from "@commitments/core";

/**
 * Party names as data publishers write them, mapped to core party ids. Core's list gives every ISO 3166-1 state
 * under the short name the field uses ("Russia", "Czechia"); publishers also write other forms ("USA", "Turkey",
 * "UAE", SIPRI's "Luxemburg") and ISO's formal names ("Russian Federation", "Taiwan, Province of China"), listed here.
 */
const aliases: Record<string, PartyId> = {
  // ISO 3166-1's formal short names, which core's list gave before it took the field's names, and IATI uses.
  "brunei darussalam": "BN",
  "people's republic of china": "CN",
  "cape verde": "CV",
  "falkland islands (malvinas)": "FK",
  "micronesia, federated states of": "FM",
  "republic of the gambia": "GM",
  "the gambia": "GM",
  "islamic republic of iran": "IR",
  "iran, islamic republic of": "IR",
  "korea, republic of": "KR",
  "korea, democratic people's republic of": "KP",
  "lao people's democratic republic": "LA",
  "moldova, republic of": "MD",
  "republic of moldova": "MD",
  "the republic of north macedonia": "MK",
  "state of palestine": "PS",
  "russian federation": "RU",
  "syrian arab republic": "SY",
  "taiwan, province of china": "TW",
  "united republic of tanzania": "TZ",
  "tanzania, united republic of": "TZ",
  "holy see (vatican city state)": "VA",
  "virgin islands, british": "VG",
  "virgin islands, u.s.": "VI",
  "venezuela, bolivarian republic of": "VE",
  "bolivia, plurinational state of": "BO",
  // Other forms publishers write.
  "united states": "US",
  usa: "US",
  us: "US",
  "u.s.": "US",
  "united states of america": "US",
  uk: "GB",
  britain: "GB",
  "great britain": "GB",
  czechia: "CZ",
  "czech republic": "CZ",
  turkey: "TR",
  turkiye: "TR",
  "south korea": "KR",
  "korea, south": "KR",
  "republic of korea": "KR",
  "north korea": "KP",
  russia: "RU",
  iran: "IR",
  syria: "SY",
  moldova: "MD",
  "north macedonia": "MK",
  macedonia: "MK",
  "bosnia-herzegovina": "BA",
  luxemburg: "LU",
  uae: "AE",
  "viet nam": "VN",
  laos: "LA",
  tanzania: "TZ",
  taiwan: "TW",
  brunei: "BN",
  "cabo verde": "CV",
  "ivory coast": "CI",
  "dr congo": "CD",
  drc: "CD",
  congo: "CG",
  swaziland: "SZ",
  micronesia: "FM",
  palestine: "PS",
  vatican: "VA",
  "holy see": "VA",
  "slovak republic": "SK",
  "the netherlands": "NL",
  "east timor": "TL",
  "european union": "EU",
  eu: "EU",
  "eu institutions": "EU",
  "eu (commission and council)": "EU",
  "european commission": "EU",
  nato: "NATO",
  "united nations": "UN",
  un: "UN",
  osce: "OSCE",
};

/** How a publisher names a party's aid ("German aid", "FRG"): accepted only where a financing party is named. */
const adjectives: Record<string, PartyId> = {
  frg: "DE",
  german: "DE",
  american: "US",
  british: "GB",
  danish: "DK",
  dutch: "NL",
  norwegian: "NO",
  swedish: "SE",
  finnish: "FI",
  french: "FR",
  canadian: "CA",
  polish: "PL",
  czech: "CZ",
  slovak: "SK",
  italian: "IT",
  spanish: "ES",
  portuguese: "PT",
  belgian: "BE",
  estonian: "EE",
  latvian: "LV",
  lithuanian: "LT",
  japanese: "JP",
  australian: "AU",
  greek: "GR",
  austrian: "AT",
  swiss: "CH",
  irish: "IE",
  icelandic: "IS",
};

/** Lower case, accents and trailing markers ("NATO**") dropped, spaces collapsed. */
export function normaliseName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\*+$/, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

let byName: Map<string, PartyId> | undefined;

function index(): Map<string, PartyId> {
  if (byName) return byName;
  byName = new Map();
  // Ukrainian names too: a Ukrainian ministry's clerk writes "Велика Британія".
  for (const party of [...isoStates(), ...organisations]) {
    for (const name of [party.name, party.nameUk]) if (name) byName.set(normaliseName(name), party.id);
  }
  for (const [name, id] of Object.entries(aliases)) byName.set(normaliseName(name), id);
  return byName;
}

/** The party a name stands for, or undefined when the name is not known. */
export function partyByName(name: string): PartyId | undefined {
  return index().get(normaliseName(name));
}

/** Like partyByName, but also takes adjectives such as "German" (in "financed by German aid"). */
export function partyByNameOrAdjective(name: string): PartyId | undefined {
  const key = normaliseName(name);
  return index().get(key) ?? adjectives[key];
}

/** A party's name for titles and notes: core's name for it, or the id itself. */
export function partyName(id: PartyId): string {
  names ??= new Map([...isoStates(), ...organisations].map((p) => [p.id, p.name]));
  return names.get(id) ?? id;
}

let names: Map<PartyId, string> | undefined;

/** Every known name and adjective, longest first, for finding party names inside free text. */
export function knownNamesLongestFirst(): string[] {
  return [...new Set([...index().keys(), ...Object.keys(adjectives)])].sort((a, b) => b.length - a.length);
}
