import type { VocabularyLang } from "@commitments/core";
import { csvLine } from "./csv.ts";
import { templateRowValues } from "./template.ts";
import { clerkRows, templateChoices } from "./template-clerk.ts";
import { templateColumns } from "./template-columns.ts";
import { templateHeader } from "./template-write.ts";
import type { TemplateXlsxWriteOptions, XlsxTextSheet } from "./template-xlsx.ts";
import type { ImportedRecords } from "./types.ts";

/*
 * What turns the blank template into one a clerk can fill: an instructions sheet (every column, what it holds,
 * on which rows, an example), an example sheet (real records written as a clerk would), drop-downs for every
 * coded column, and columns formatted as text, so what is typed stays as typed. Import reads the first sheet only,
 * so none of it is ever imported.
 */

const intro: Record<VocabularyLang, string[]> = {
  en: [
    "How to fill in the tracker's template",
    "One row per record on the first sheet (records): a commitment, then its tranches (the schedule) and its events (committed, allocated, delivered…). A source or condition row adds one more source or condition to the record just above it.",
    "Write names or codes (United Kingdom or GB; Air defence or air_defence), amounts as you write them (1,500,000,000 or 1500000000.50; a £, €, $ or ₴ sign fills the currency) and dates day first (31/03/2027) or as 2027-03-31, 2027-03 or 2027, to the precision your source gives. Ids are lower-case words joined by hyphens and are yours to choose.",
    "The drop-downs offer the usual words; other accepted forms may be typed. The import names the row, the column and an accepted value for anything it cannot read, and writes nothing until every row reads.",
  ],
  uk: [
    "Як заповнити шаблон трекера",
    "Один рядок на запис на першому аркуші (records): зобов’язання, далі його транші (графік) і події (взято зобов’язання, виділено, поставлено…). Рядок source чи condition додає ще одне джерело чи умову до запису рядком вище.",
    "Пишіть назви або коди (Велика Британія або GB; назва категорії або її код), суми як звично (1 500 000 000 або 1 250 000,50; знак £, €, $ чи ₴ заповнює валюту) і дати з дня (31.03.2027) або як 2027-03-31, 2027-03 чи 2027 — з точністю, яку дає джерело. Ідентифікатори — слова малими латинськими літерами через дефіс, на ваш вибір.",
    "Списки пропонують звичні слова; інші прийняті форми можна вписати. Імпорт називає рядок, стовпець і прийнятне значення для всього, що не може прочитати, і нічого не записує, доки не прочитано кожен рядок.",
  ],
};

const headings: Record<VocabularyLang, string[]> = {
  en: ["column", "filled on rows", "required on rows", "what it holds", "example"],
  uk: ["стовпець", "заповнюють у рядках", "обов’язковий у рядках", "що містить (англійською)", "приклад"],
};

/** The instructions sheet: the introduction, then every column of the template. */
export function templateInstructions(lang: VocabularyLang): XlsxTextSheet {
  const columns = templateColumns.filter((c) => !c.exportOnly);
  return {
    name: lang === "uk" ? "інструкція" : "instructions",
    rows: [
      ...intro[lang].map((line) => [line]),
      [],
      headings[lang],
      ...columns.map((c) => [
        c.name,
        c.appliesTo.join(", "),
        c.required.join(", "),
        c.description,
        c.example,
      ]),
    ],
  };
}

/** The example sheet: `records`, real and cited, under the template's header as a clerk would write them. */
export function templateExample(records: ImportedRecords, lang: VocabularyLang): XlsxTextSheet {
  return {
    name: lang === "uk" ? "приклад" : "example",
    rows: [templateHeader(), ...clerkRows(records, lang).map(templateRowValues)],
  };
}

/**
 * The example as a CSV file beside the blank CSV template: the same rows as the workbook's example sheet, under
 * the template's header, so a clerk who works in CSV sees names and local formats in place. It imports as it is.
 */
export async function* writeTemplateExampleCsv(
  records: ImportedRecords,
  lang: VocabularyLang,
): AsyncGenerator<string> {
  yield `\uFEFF${csvLine(templateHeader())}`;
  for (const row of clerkRows(records, lang)) yield csvLine(templateRowValues(row));
}

/** The options that write the blank template with its guide, in `lang`, its example drawn from `example`. */
export function templateGuide(example: ImportedRecords, lang: VocabularyLang): TemplateXlsxWriteOptions {
  return {
    sheets: [templateInstructions(lang), templateExample(example, lang)],
    choices: templateChoices(lang),
    typedAsText: true,
  };
}
