import type { FormatOption, formatList } from "@commitments/api/client";
import { formatInteger, pluralUk } from "../format.ts";
import { localised } from "../i18n/index.ts";

type FormatId = (typeof formatList)[number]["id"];
type Phase = "reading" | "checking" | "writing" | "done";

const en = (n: number) => formatInteger(n, "en");
const uk = (n: number) => formatInteger(n, "uk");

/** The import page's strings: the form, its progress, the report and the recent imports. */
export const messages = localised(
  {
    title: "Import a file",
    breadcrumb: "Breadcrumb",
    back: "← Your account",
    lede: "Every row is checked, against the others and against what the tracker already holds. If any row has a problem, nothing is written and every problem is listed; otherwise the records are written together, in one change set. Records the tracker already holds, unchanged, are skipped, so the same file twice changes nothing.",
    templateTitle: "The template",
    template: {
      lead: "The tracker's own format: one row per commitment, tranche or stage event. Download it blank, as",
      or: "or",
      exampleLead: "(with its instructions and an example sheet); see a filled-in",
      example: "example CSV",
      dictionaryLead: "; the",
      dictionary: "data dictionary",
      dictionaryTail: "describes every column (the records export's, which are the template's).",
    },
    sessionFailed: (message: string) => `Could not load your session: ${message}`,
    loadingSession: "Loading your session…",
    notSignedIn: "You are not signed in.",
    signIn: "Sign in",
    notSignedInTail: "to import a file.",
    notAllowed: (reason: string) => `Your roles do not let you import files: ${reason}.`,
    workspaceLead: "Records imported as drafts are reviewed and submitted for approval in the",
    workspace: "ministry workspace",
    form: {
      title: "Your file",
      failed: (message: string) => `Could not import it: ${message}`,
      format: "Format",
      file: "File",
      fileHint: (extensions: readonly string[]) => `A ${extensions.join(" or ")} file, up to 512 MB.`,
      optional: (label: string) => `${label} (optional)`,
      chooseFile: "Choose the file to import",
      give: (label: string) => `Give the ${label.toLowerCase()}`,
      check: "Check (dry run)",
      import: "Import",
      hint: "A dry run checks every row and writes nothing. Importing writes only if no row has a problem.",
      options: {
        release: {
          label: "Release",
          hint: "As the release's release_info.csv names it, e.g. “Ukraine Support Tracker, Release 29 (04/2026)”.",
        },
        releasePeriod: { label: "Data up to (YYYY-MM)", hint: "The month the release's data run to." },
        releaseDate: { label: "Release date (YYYY-MM-DD)", hint: "The day the release was published." },
        donor: { label: "Donor", hint: "A party id such as DK, where the file names no government." },
        recipient: { label: "Recipient", hint: "Whose receipts to import, as a party id. Empty means UA." },
      } satisfies Record<FormatOption, { label: string; hint: string }>,
    },
    formats: {
      "template-csv": "Commitments tracker template (CSV)",
      "template-xlsx": "Commitments tracker template (XLSX)",
      "sipri-trade-register": "SIPRI Arms Transfers Database, trade register (CSV)",
      "kiel-data-explorer": "Kiel Institute Ukraine Support Tracker, data explorer (CSV)",
      "kiel-weapons": "Kiel Institute Ukraine Support Tracker, heavy weapons (CSV)",
      "iati-activity": "IATI activity file (XML, standard 1.0x and 2.0x)",
    } satisfies Record<FormatId, string>,
    size: {
      bytes: (n: number) => `${en(n)} bytes`,
      kb: (n: string) => `${n} KB`,
      mb: (n: string) => `${n} MB`,
    },
    progress: {
      label: "Import progress",
      checking: (file: string) => `Checking ${file}`,
      importing: (file: string) => `Importing ${file}`,
      sending: (file: string, size: string) => `Sending ${file} (${size})…`,
      phases: {
        reading: "Reading the file",
        checking: "Checking every row",
        writing: "Writing to the ledger",
        done: "Finishing",
      } satisfies Record<Phase, string>,
      text: (phase: string, rows: number, problems: number) =>
        `${phase}: ${en(rows)} ${rows === 1 ? "row" : "rows"} read, ${
          problems === 0 ? "no problems" : `${en(problems)} ${problems === 1 ? "problem" : "problems"}`
        } so far.`,
    },
    report: {
      dryRun: "Dry run: nothing written",
      refused: "Refused: nothing written",
      imported: (changeSet: number | null) => `Imported as change set ${changeSet}`,
      unchanged: "Unchanged: every record is already there",
      summary: (file: string, format: string, rows: number, problems: number, warnings: number) =>
        `${file} (${format}): ${en(rows)} ${rows === 1 ? "row" : "rows"} read, ${
          problems === 0 ? "no problems" : `${en(problems)} ${problems === 1 ? "problem" : "problems"}`
        }, ${warnings === 0 ? "no warnings" : `${en(warnings)} ${warnings === 1 ? "warning" : "warnings"}`}.`,
      wouldBeRefused: "Importing it as it is would be refused: correct the rows below first.",
      wouldWrite: "Importing it would write the new records counted below.",
      correctAndRetry: "Correct the rows below and upload the file again.",
      published: "The records are published:",
      drafts: "The records are your organisation's drafts, out of public view until they are published:",
      seeAll: "see all commitments",
      orThe: ", or the",
      recent: "recent imports",
      review: "Review and submit these drafts",
      countsCaption: "Records in the file",
      kind: "Kind",
      inFile: "In the file",
      wouldBeNew: "Would be new",
      new: "New",
      kinds: { commitments: "Commitments", tranches: "Tranches (schedule)", events: "Stage events" },
      caption: (kind: "problems" | "warnings", total: number, listed: number) =>
        `${en(total)} ${
          kind === "problems" ? (total === 1 ? "problem" : "problems") : total === 1 ? "warning" : "warnings"
        }${total > listed ? `; the first ${en(listed)} are listed` : ""}, by row of the file.`,
      row: "Row",
      column: "Column",
      value: "Value",
      problem: "Problem",
      warning: "Warning",
      wholeFile: "File",
    },
    recent: {
      title: "Recent imports",
      failed: (message: string) => `Could not load the recent imports: ${message}`,
      loading: "Loading the recent imports…",
      none: "No imports yet.",
      caption: "Newest first; dry runs included.",
      when: "When",
      file: "File",
      format: "Format",
      by: "By",
      outcome: "Outcome",
      rows: "Rows",
      problems: "Problems",
      statuses: {
        running: "Running",
        dry_run: "Dry run",
        refused: "Refused",
        imported: "Imported",
        unchanged: "Unchanged",
      } as Record<string, string>,
      changeSet: (n: number) => `, change set ${n}`,
    },
  },
  {
    title: "Імпорт файлу",
    breadcrumb: "Навігаційний ланцюжок",
    back: "← Ваш обліковий запис",
    lede: "Кожен рядок перевіряється — з іншими рядками і з тим, що вже є в трекері. Якщо хоч один рядок має помилку, нічого не записується, а всі помилки перелічуються; інакше записи зберігаються разом, в одному наборі змін. Записи, які трекер уже містить без змін, пропускаються, тож повторний імпорт того самого файлу нічого не змінює.",
    templateTitle: "Шаблон",
    template: {
      lead: "Власний формат трекера: один рядок на зобов’язання, транш або подію етапу. Завантажте порожній шаблон у форматі",
      or: "або",
      exampleLead: "(з інструкцією та аркушем-прикладом); подивіться",
      example: "приклад заповненого CSV",
      dictionaryLead: ";",
      dictionary: "словник даних",
      dictionaryTail: "описує кожен стовпець (стовпці експорту записів — це стовпці шаблону).",
    },
    sessionFailed: (message: string) => `Не вдалося завантажити сеанс: ${message}`,
    loadingSession: "Завантаження сеансу…",
    notSignedIn: "Ви не увійшли.",
    signIn: "Увійдіть",
    notSignedInTail: "щоб імпортувати файл.",
    notAllowed: (reason: string) => `Ваші ролі не дозволяють імпортувати файли: ${reason}.`,
    workspaceLead: "Записи, імпортовані як чернетки, переглядають і подають на затвердження в",
    workspace: "робочому просторі міністерства",
    form: {
      title: "Ваш файл",
      failed: (message: string) => `Не вдалося імпортувати: ${message}`,
      format: "Формат",
      file: "Файл",
      fileHint: (extensions: readonly string[]) => `Файл ${extensions.join(" або ")}, до 512 МБ.`,
      optional: (label: string) => `${label} (необов’язково)`,
      chooseFile: "Виберіть файл для імпорту",
      give: (label: string) => `Заповніть поле «${label}»`,
      check: "Перевірити (пробний запуск)",
      import: "Імпортувати",
      hint: "Пробний запуск перевіряє кожен рядок і нічого не записує. Імпорт записує дані, лише якщо жоден рядок не має помилок.",
      options: {
        release: {
          label: "Випуск",
          hint: "Як його названо у release_info.csv випуску, наприклад «Ukraine Support Tracker, Release 29 (04/2026)».",
        },
        releasePeriod: {
          label: "Дані до (РРРР-ММ)",
          hint: "Місяць, до якого сягають дані випуску.",
        },
        releaseDate: { label: "Дата випуску (РРРР-ММ-ДД)", hint: "День, коли випуск опубліковано." },
        donor: {
          label: "Донор",
          hint: "Ідентифікатор сторони, наприклад DK, якщо у файлі не названо уряд.",
        },
        recipient: {
          label: "Отримувач",
          hint: "Чиї надходження імпортувати, як ідентифікатор сторони. Порожнє поле означає UA.",
        },
      },
    },
    formats: {
      "template-csv": "Шаблон трекера зобов’язань (CSV)",
      "template-xlsx": "Шаблон трекера зобов’язань (XLSX)",
      "sipri-trade-register": "База даних SIPRI про передачу озброєнь, реєстр торгівлі (CSV)",
      "kiel-data-explorer": "Ukraine Support Tracker Кільського інституту, дані оглядача (CSV)",
      "kiel-weapons": "Ukraine Support Tracker Кільського інституту, важке озброєння (CSV)",
      "iati-activity": "Файл діяльності IATI (XML, стандарт 1.0x і 2.0x)",
    },
    size: {
      bytes: (n: number) => `${uk(n)} ${pluralUk(n, "байт", "байти", "байтів")}`,
      kb: (n: string) => `${n} КБ`,
      mb: (n: string) => `${n} МБ`,
    },
    progress: {
      label: "Перебіг імпорту",
      checking: (file: string) => `Перевірка ${file}`,
      importing: (file: string) => `Імпорт ${file}`,
      sending: (file: string, size: string) => `Надсилання ${file} (${size})…`,
      phases: {
        reading: "Читання файлу",
        checking: "Перевірка кожного рядка",
        writing: "Запис до реєстру",
        done: "Завершення",
      },
      text: (phase: string, rows: number, problems: number) =>
        `${phase}: прочитано ${uk(rows)} ${pluralUk(rows, "рядок", "рядки", "рядків")}, ${
          problems === 0
            ? "помилок немає"
            : `${uk(problems)} ${pluralUk(problems, "помилка", "помилки", "помилок")}`
        } на цей момент.`,
    },
    report: {
      dryRun: "Пробний запуск: нічого не записано",
      refused: "Відхилено: нічого не записано",
      imported: (changeSet: number | null) => `Імпортовано як набір змін ${changeSet}`,
      unchanged: "Без змін: усі записи вже є",
      summary: (file: string, format: string, rows: number, problems: number, warnings: number) =>
        `${file} (${format}): прочитано ${uk(rows)} ${pluralUk(rows, "рядок", "рядки", "рядків")}, ${
          problems === 0
            ? "помилок немає"
            : `${uk(problems)} ${pluralUk(problems, "помилка", "помилки", "помилок")}`
        }, ${
          warnings === 0
            ? "попереджень немає"
            : `${uk(warnings)} ${pluralUk(warnings, "попередження", "попередження", "попереджень")}`
        }.`,
      wouldBeRefused: "Імпорт у такому вигляді буде відхилено: спершу виправте рядки нижче.",
      wouldWrite: "Імпорт запише нові записи, кількість яких наведено нижче.",
      correctAndRetry: "Виправте рядки нижче й завантажте файл ще раз.",
      published: "Записи опубліковано:",
      drafts:
        "Записи збережено як чернетки вашої організації; їх не видно публічно, доки їх не опубліковано:",
      seeAll: "переглянути всі зобов’язання",
      orThe: " або",
      recent: "останні імпорти",
      review: "Переглянути й подати ці чернетки",
      countsCaption: "Записи у файлі",
      kind: "Вид",
      inFile: "У файлі",
      wouldBeNew: "Будуть нові",
      new: "Нові",
      kinds: { commitments: "Зобов’язання", tranches: "Транші (графік)", events: "Події етапів" },
      caption: (kind: "problems" | "warnings", total: number, listed: number) =>
        `${uk(total)} ${
          kind === "problems"
            ? pluralUk(total, "помилка", "помилки", "помилок")
            : pluralUk(total, "попередження", "попередження", "попереджень")
        }${total > listed ? `; показано перші ${uk(listed)}` : ""}, за рядками файлу.`,
      row: "Рядок",
      column: "Стовпець",
      value: "Значення",
      problem: "Помилка",
      warning: "Попередження",
      wholeFile: "Файл",
    },
    recent: {
      title: "Останні імпорти",
      failed: (message: string) => `Не вдалося завантажити останні імпорти: ${message}`,
      loading: "Завантаження останніх імпортів…",
      none: "Імпортів ще не було.",
      caption: "Спершу найновіші; пробні запуски враховано.",
      when: "Коли",
      file: "Файл",
      format: "Формат",
      by: "Хто",
      outcome: "Результат",
      rows: "Рядки",
      problems: "Помилки",
      statuses: {
        running: "Триває",
        dry_run: "Пробний запуск",
        refused: "Відхилено",
        imported: "Імпортовано",
        unchanged: "Без змін",
      },
      changeSet: (n: number) => `, набір змін ${n}`,
    },
  },
);
