import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { organisationKinds, roles, tokenScopes, workflowStatuses } from "../access.ts";
import { OrganisationKind, Role, TokenScope, WorkflowStatus } from "../access-schemas.ts";
import { AgreementStatus, Provision, provisionKinds } from "../agreements.ts";
import { CategoryId, categories } from "../categories.ts";
import { CommitmentRecord } from "../commitments.ts";
import { CooperationArea, InstrumentType, instrumentTypes, Tier, tiers } from "../gradation.ts";
import { QuantityUnit } from "../money.ts";
import { DisputeStatus } from "../remarks.ts";
import { SourceDataset, sourceDatasets } from "../source-datasets.ts";
import { Confidence, SourceKind } from "../sources.ts";
import { Stage } from "../stage.ts";
import {
  type Family,
  label,
  labelOrId,
  type VocabularyEntry,
  vocabulary,
  vocabularyEntries,
  vocabularyLangs,
  words,
} from "./index.ts";

/**
 * English words that name two things and so have two Ukrainian words: family.id of each sense. Any other English
 * term with two translations fails (README.md, "Homonyms", says why these are allowed).
 */
const homonyms: Record<string, string[]> = {
  draft: ["workflowStatus.draft", "agreementStatus.draft"],
  aircraft: ["category.aircraft", "quantityUnit.aircraft"],
};

const fold = (text: string) => text.trim().toLocaleLowerCase();
const cyrillic = /[\u0400-\u04FF]/;

/** One term with two translations: an English word whose Ukrainian differs between ids, homonyms aside. */
function twoTranslations(entries: readonly VocabularyEntry[]): string[] {
  const uk = new Map(
    entries.filter((e) => e.lang === "uk").map((e) => [`${e.family}.${e.id}.${e.field}`, e.text]),
  );
  const byEnglish = new Map<string, Map<string, string[]>>();
  for (const e of entries) {
    if (e.lang !== "en" || e.field === "description") continue;
    const translation = uk.get(`${e.family}.${e.id}.${e.field}`);
    if (translation === undefined) continue;
    const senses = byEnglish.get(fold(e.text)) ?? new Map<string, string[]>();
    senses.set(fold(translation), [...(senses.get(fold(translation)) ?? []), `${e.family}.${e.id}`]);
    byEnglish.set(fold(e.text), senses);
  }
  const found: string[] = [];
  for (const [english, senses] of byEnglish) {
    if (senses.size < 2) continue;
    const ids = [...senses.values()].flat();
    const allowed = homonyms[english];
    if (allowed && ids.every((id) => allowed.includes(id)) && senses.size === allowed.length) continue;
    found.push(
      `"${english}": ${[...senses].map(([t, where]) => `«${t}» (${where.join(", ")})`).join(" / ")}`,
    );
  }
  return found;
}

/** Two ids of one family with one label in one language: the reader could not tell them apart. */
function sharedLabels(entries: readonly VocabularyEntry[]): string[] {
  const seen = new Map<string, string>();
  const found: string[] = [];
  for (const e of entries) {
    if (e.field === "description") continue;
    const key = `${e.family}|${e.lang}|${e.field}|${fold(e.text)}`;
    const other = seen.get(key);
    if (other !== undefined && other !== e.id)
      found.push(`${e.family} ${e.lang} "${e.text}": ${other}, ${e.id}`);
    else seen.set(key, e.id);
  }
  return found;
}

/** Ids without both words in both languages, or with Ukrainian that is not Ukrainian. */
function missingWords(
  families: Record<string, { ids: readonly string[]; terms: Readonly<Record<string, unknown>> }>,
): string[] {
  const found: string[] = [];
  for (const [family, { ids, terms }] of Object.entries(families)) {
    for (const key of Object.keys(terms)) if (!ids.includes(key)) found.push(`${family}.${key}: not an id`);
    for (const id of ids) {
      const term = terms[id] as Record<string, Record<string, unknown>> | undefined;
      for (const lang of vocabularyLangs) {
        const w = term?.[lang];
        for (const field of ["label", "description"]) {
          const text = w?.[field];
          if (typeof text !== "string" || text.trim() === "" || text !== text.trim())
            found.push(`${family}.${id}: no ${lang} ${field}`);
          else if (lang === "uk" && !cyrillic.test(text))
            found.push(`${family}.${id}: uk ${field} not Ukrainian`);
        }
      }
      if (term && term.uk?.label === term.en?.label) found.push(`${family}.${id}: uk label is the English`);
    }
  }
  return found;
}

const entries = vocabularyEntries();

describe("the vocabulary", () => {
  it("has every family's words for every id, in English and Ukrainian", () => {
    expect(missingWords(vocabulary)).toEqual([]);
    // Every field of every id, both languages: label, description and, for tiers and stages, their extra word.
    const perLang = (lang: string) => entries.filter((e) => e.lang === lang).length;
    expect(perLang("en")).toBe(perLang("uk"));
    expect(entries.filter((e) => e.family === "stage" && e.field === "moneyLabel")).toHaveLength(8);
    expect(entries.filter((e) => e.family === "tier" && e.field === "heading")).toHaveLength(6);
  });

  it("gives one term one translation, homonyms aside", () => {
    expect(twoTranslations(entries)).toEqual([]);
  });

  it("gives the ids of a family labels a reader can tell apart", () => {
    expect(sharedLabels(entries)).toEqual([]);
  });

  it("allows only homonyms that are still there", () => {
    for (const [english, senses] of Object.entries(homonyms)) {
      const translations = senses.map((sense) => {
        const [family, ...id] = sense.split(".");
        const en = entries.find(
          (e) => e.lang === "en" && `${e.family}.${e.id}` === sense && e.field === "label",
        );
        expect(fold(en?.text ?? ""), sense).toBe(english);
        return label(family as Family, id.join(".") as never, "uk");
      });
      expect(new Set(translations).size).toBe(senses.length);
    }
  });

  // The checks must be able to fail: each is shown a vocabulary with the fault it looks for.
  describe("its checks catch", () => {
    const entry = (family: Family, id: string, lang: "en" | "uk", text: string): VocabularyEntry => ({
      family,
      id,
      lang,
      field: "label",
      text,
    });

    it("one term with two translations, as «Реактивні снаряди» and «Некеровані ракети» were", () => {
      const planted = [
        entry("category", "ammunition.rockets", "en", "Rockets"),
        entry("category", "ammunition.rockets", "uk", "Реактивні снаряди"),
        entry("provisionKind", "rockets_elsewhere", "en", "rockets"),
        entry("provisionKind", "rockets_elsewhere", "uk", "Некеровані ракети"),
      ];
      expect(twoTranslations(planted)).toEqual([
        '"rockets": «реактивні снаряди» (category.ammunition.rockets) / «некеровані ракети» (provisionKind.rockets_elsewhere)',
      ]);
      expect(twoTranslations(planted.slice(0, 2))).toEqual([]);
    });

    it("a homonym beyond the declared senses", () => {
      const planted = [
        ...["workflowStatus", "agreementStatus", "sourceKind"].map((family) =>
          entry(family as Family, "draft", "en", "Draft"),
        ),
        entry("workflowStatus", "draft", "uk", "Чернетка"),
        entry("agreementStatus", "draft", "uk", "Проєкт"),
        entry("sourceKind", "draft", "uk", "Нарис"),
      ];
      expect(twoTranslations(planted)).toHaveLength(1);
      expect(twoTranslations(planted.filter((e) => e.family !== "sourceKind"))).toEqual([]);
    });

    it("two ids of a family sharing a label", () => {
      expect(
        sharedLabels([
          entry("stage", "pledged", "uk", "Обіцяно"),
          entry("stage", "committed", "uk", "обіцяно"),
        ]),
      ).toEqual(['stage uk "обіцяно": pledged, committed']);
    });

    it("an id without a word, an id not in the family, and Ukrainian left in English", () => {
      const words = (label: string, description: string) => ({ label, description });
      expect(
        missingWords({
          stage: {
            ids: ["pledged", "committed", "allocated"],
            terms: {
              pledged: { en: words("Pledged", "Announced."), uk: words("Оголошено", "") },
              committed: { en: words("Committed", "Made binding."), uk: words("Committed", "Made binding.") },
              delivered: { en: words("Delivered", "Handed over."), uk: words("Поставлено", "Передано.") },
            },
          },
        }),
      ).toEqual([
        "stage.delivered: not an id",
        "stage.pledged: no uk description",
        "stage.committed: uk label not Ukrainian",
        "stage.committed: uk description not Ukrainian",
        "stage.committed: uk label is the English",
        "stage.allocated: no en label",
        "stage.allocated: no en description",
        "stage.allocated: no uk label",
        "stage.allocated: no uk description",
      ]);
    });
  });

  it("is the glossary README.md gives", () => {
    const readme = readFileSync(new URL("README.md", import.meta.url), "utf8");
    const rows = [...readme.matchAll(/^\| `(\w+)\.([\w.]+)` +\| ([^|]+?) +\| ([^|]+?) +\|/gm)];
    expect(rows.length).toBeGreaterThan(20);
    for (const [, family, id, en, uk] of rows) {
      const known = family !== undefined && family in vocabulary;
      expect(known, `${family}.${id}`).toBe(true);
      expect([en, uk], `${family}.${id}`).toEqual([
        label(family as Family, id as never, "en"),
        label(family as Family, id as never, "uk"),
      ]);
    }
  });

  it("gives money its own word for delivery, and says so of any other text", () => {
    expect(words("stage", "delivered", "en").moneyLabel).toBe("Disbursed");
    expect(words("stage", "delivered", "uk").moneyLabel).toBe("Виплачено");
    expect(labelOrId("category", "drones", "uk")).toBe(label("category", "drones", "uk"));
    expect(labelOrId("category", "not_a_category", "uk")).toBe("not_a_category");
  });
});

describe("core reads its ids and words from the vocabulary", () => {
  it.each([
    ["tier", Tier.options],
    ["instrumentType", InstrumentType.options],
    ["stage", Stage.options],
    ["confidence", Confidence.options],
    ["category", CategoryId.options],
    ["quantityUnit", QuantityUnit.options],
    ["measureBasis", CommitmentRecord.shape.measureBasis.unwrap().options],
    ["sourceKind", SourceKind.options],
    ["sourceDataset", SourceDataset.options],
    ["organisationKind", OrganisationKind.options],
    ["role", Role.options],
    ["tokenScope", TokenScope.options],
    ["workflowStatus", WorkflowStatus.options],
    ["disputeStatus", DisputeStatus.options],
    ["agreementStatus", AgreementStatus.options],
    ["provisionKind", provisionKinds],
    ["cooperationArea", CooperationArea.options],
  ] as const)("%s", (family, options) => {
    expect([...options]).toEqual([...vocabulary[family].ids]);
  });

  it("and the zod-free access rules use the same ids", () => {
    expect([organisationKinds, roles, tokenScopes, workflowStatuses]).toEqual([
      vocabulary.organisationKind.ids,
      vocabulary.role.ids,
      vocabulary.tokenScope.ids,
      vocabulary.workflowStatus.ids,
    ]);
  });

  it("the provisions' NATO stances and coalition roles too", () => {
    const option = (kind: string) => Provision.options.find((o) => o.shape.kind.value === kind)?.shape;
    const nato = option("nato_membership") as { stance: { options: readonly string[] } };
    const coalition = option("capability_coalition") as { role: { options: readonly string[] } };
    expect(nato.stance.options).toEqual([...vocabulary.natoStance.ids]);
    expect(coalition.role.options).toEqual([...vocabulary.coalitionRole.ids]);
  });

  it("the English of the API's lists is the vocabulary's", () => {
    expect(categories.map((c) => c.label)).toEqual(categories.map((c) => label("category", c.id, "en")));
    expect(tiers.map((t) => [t.label, t.heading, t.description])).toEqual(
      tiers.map((t) => [
        label("tier", t.id, "en"),
        words("tier", t.id, "en").heading,
        words("tier", t.id, "en").description,
      ]),
    );
    expect(instrumentTypes.map((t) => [t.label, t.description])).toEqual(
      instrumentTypes.map((t) => [
        label("instrumentType", t.id, "en"),
        words("instrumentType", t.id, "en").description,
      ]),
    );
    expect(Object.values(sourceDatasets).map((d) => d.title)).toEqual(
      Object.values(sourceDatasets).map((d) => label("sourceDataset", d.id, "en")),
    );
  });
});
