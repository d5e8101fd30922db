import { localised } from "../i18n/index.ts";

export const messages = localised(
  {
    title: "Data dictionary",
    back: "← Dashboard",
    lede: "Everything the tracker publishes can be downloaded for any filter and any moment: the records in the tracker's own import template, and the series of promised against delivered. Every column of every export is described here. The same document, for programs:",
    failed: (message: string) => `Could not load the data dictionary: ${message}`,
    loading: "Loading the data dictionary…",
    headers: "Response headers",
    notes: "Notes",
    download: "Download:",
    downloadNote:
      "(everything published, as of now; add the API's filters and asOf to the address for a part of it or an earlier moment).",
    caption: (count: number, title: string) =>
      `The ${count} columns of the ${title.toLowerCase()} export, in the order the CSV and XLSX files have them.`,
    required:
      " Required on import: the row kinds (the record column) a column must be filled on; export-only columns are ignored on import.",
    column: "Column",
    type: "Type",
    description: "Description",
    example: "Example",
    filledOn: "Filled on",
    requiredOnImport: "Required on import",
    exportOnly: "Export only",
    ignored: "no: ignored",
    contentNote:
      "Column descriptions are kept in English, as the API documents them; the values of a column are named in the page's language.",
    values: (n: number) => `Its ${n} values`,
  },
  {
    title: "Словник даних",
    back: "← Огляд",
    lede: "Усе, що публікує трекер, можна завантажити для будь-якого фільтра і будь-якого моменту: записи у власному шаблоні імпорту трекера та ряди «обіцяно — поставлено». Тут описано кожен стовпець кожного експорту. Той самий документ для програм:",
    failed: (message: string) => `Не вдалося завантажити словник даних: ${message}`,
    loading: "Завантаження словника даних…",
    headers: "Заголовки відповіді",
    notes: "Примітки",
    download: "Завантажити:",
    downloadNote:
      "(усе опубліковане, станом на зараз; додайте до адреси фільтри API та asOf, щоб отримати частину або стан на ранішій момент).",
    caption: (count: number, title: string) =>
      `Стовпці експорту «${title}» (${count}) у тому порядку, в якому їх мають файли CSV і XLSX.`,
    required:
      " Обов’язкові при імпорті: види рядків (стовпець record), для яких стовпець треба заповнити; стовпці лише для експорту під час імпорту ігноруються.",
    column: "Стовпець",
    type: "Тип",
    description: "Опис",
    example: "Приклад",
    filledOn: "Заповнюється для",
    requiredOnImport: "Обов’язковий при імпорті",
    exportOnly: "Лише експорт",
    ignored: "ні: ігнорується",
    contentNote:
      "Описи стовпців подано англійською, як їх документує API; значення стовпців названо мовою сторінки.",
    values: (n: number) => `Значення (${n})`,
  },
);
