import type { WorkflowStatus } from "@commitments/core/access";
import { stageIds } from "@commitments/core/vocabulary";
import { messages as accountMessages } from "../account/messages.ts";
import { pluralUk } from "../format.ts";
import { type Lang, localised } from "../i18n/index.ts";
import { inSentence, label, labelsOf, words } from "../i18n/vocabulary.ts";

type Kind = "commitment" | "tranche" | "event";
type Step = "submit" | "publish" | "return" | "delete";

const records = (n: number) => (n === 1 ? "record" : "records");
const записи = (n: number) => pluralUk(n, "запис", "записи", "записів");
/** After «з» ("of"), the genitive: «1 з 1 запису», «2 з 5 записів». */
const записів = (n: number) => pluralUk(n, "запису", "записів", "записів");

/** The stages as the event form offers them, each with what it means: "Pledged: announced, not binding.". */
const stageChoices = (lang: Lang) =>
  Object.fromEntries(
    stageIds.map((stage) => {
      const stageWords = words("stage", stage, lang);
      return [stage, `${stageWords.label}: ${inSentence(stageWords.description)}`];
    }),
  ) as Record<(typeof stageIds)[number], string>;

/** The measure bases as they end the sentence "The amount or quantity is …". */
const basesInSentence = (lang: Lang) => {
  const bases = labelsOf("measureBasis", lang);
  return { total: inSentence(bases.total), per_year: inSentence(bases.per_year) };
};

/** The ministry workspace's strings: its lists of drafts, the bulk steps, and the record forms. */
export const messages = localised(
  {
    title: "Ministry workspace",
    sessionFailed: (message: string) => `Could not load your session: ${message}`,
    loadingSession: "Loading your session…",
    notSignedIn: "You are not signed in.",
    signIn: "Sign in",
    notSignedInTail: "to keep your ministry's records: commitments, schedules and deliveries.",
    noCountry:
      "The workspace is where a partner ministry keeps its own country's records. Your organisation speaks for no country.",
    notAllowed: (reason: string) => `Your roles do not let you keep records here: ${reason}.`,
    verifier: (country: string) =>
      `The workspace is where donor ministries keep their records. Your ministry confirms, for ${country}, that published deliveries were received:`,
    toConfirm: "the deliveries waiting for your confirmation",
    reason: accountMessages.en.reason,
    lede: (organisation: string, country: string) =>
      `${organisation} keeps ${country}'s records here. New commitments, tranches and stage events are saved as drafts, which only your ministry sees; an editor submits them for approval, and an approver of the ministry publishes them.`,
    actionsNav: "Workspace",
    newCommitment: "New commitment",
    newTranche: "New tranche (schedule)",
    newEvent: "New stage event",
    importFile: "Import a file",
    backToList: "Drafts and approvals",
    saved: (kind: string, label: string, status: string, version: number) =>
      `Saved: ${kind.toLowerCase()} “${label}”, version ${version}, ${status.toLowerCase()}.`,
    proposed: (kind: string, label: string) =>
      `Proposed: your change of the ${kind.toLowerCase()} “${label}” waits for your ministry's approver; the public sees the published version until it is published.`,
    kinds: { commitment: "Commitment", tranche: "Tranche", event: "Stage event" } satisfies Record<
      Kind,
      string
    >,
    statuses: labelsOf("workflowStatus", "en"),
    stages: labelsOf("stage", "en"),
    stageChoices: stageChoices("en"),
    confidences: labelsOf("confidence", "en"),
    categories: labelsOf("category", "en"),
    rowLabels: {
      tranche: (n: number, due: string, commitment: string) => `No. ${n}, due ${due}, of “${commitment}”`,
      event: (stage: string, date: string, commitment: string) => `${stage}, ${date}, of “${commitment}”`,
    },
    list: {
      failed: (message: string) => `Could not load your ministry's records: ${message}`,
      loading: "Loading your ministry's records…",
      finding: (read: number, of: number) =>
        `Finding the records of that import: ${read} of ${of} histories read…`,
      importFilter: (changeSet: number, n: number) =>
        `Showing the ${n} ${records(n)} still unpublished of those written by the import in change set ${changeSet}.`,
      showAll: "Show all drafts",
      draftsTitle: "Drafts",
      draftsLede: "Not yet submitted: only your ministry sees them, and editors may still change them.",
      noDrafts: "No drafts.",
      submittedTitle: label("workflowStatus", "submitted", "en"),
      submittedLede:
        "Waiting for an approver of your ministry, who publishes them or returns them to draft. A change returns a record to draft.",
      noSubmitted: "Nothing waits for approval.",
      rulesNote:
        "The steps offered are those the tracker's rules allow your roles: an editor submits, an approver publishes. Approval is a person's act: no API token publishes.",
      count: (shown: string, n: number) => `${shown} ${records(n)} not yet published.`,
      caption: (shown: string, total: string, n: number) =>
        shown === total
          ? `${total} ${records(n)}, each under its commitment.`
          : `The first ${shown} of ${total} ${records(n)}, each under its commitment.`,
      showMore: (n: number) => `Show ${n} more`,
      selectAll: (section: string) => `Select all: ${section}`,
      select: (kind: string, label: string) => `Select ${kind.toLowerCase()} “${label}”`,
      columns: {
        record: "Record",
        measure: "Amount or quantity",
        status: "Status",
        version: "Version",
        lastChange: "Last change",
        by: "By",
        actions: "Actions",
      },
      editShort: "Edit",
      edit: (kind: string, label: string) => `Edit ${kind.toLowerCase()} “${label}”`,
      steps: {
        submit: (n: number) => `Submit selected for approval (${n})`,
        publish: (n: number) => `Publish selected (${n})`,
        return: (n: number) => `Return to draft (${n})`,
        delete: (n: number) => `Delete selected drafts (${n})`,
      } satisfies Record<Step, (n: number) => string>,
      nothingSelected: "Select at least one record first.",
      progress: {
        submit: (done: number, of: number) => `Submitting: ${done} of ${of} done…`,
        publish: (done: number, of: number) => `Publishing: ${done} of ${of} done…`,
        return: (done: number, of: number) => `Returning to draft: ${done} of ${of} done…`,
        delete: (done: number, of: number) => `Deleting: ${done} of ${of} done…`,
      } satisfies Record<Step, (done: number, of: number) => string>,
      outcome: {
        submit: (done: number, of: number) => `${done} of ${of} ${records(of)} submitted for approval`,
        publish: (done: number, of: number) => `${done} of ${of} ${records(of)} published`,
        return: (done: number, of: number) => `${done} of ${of} ${records(of)} returned to draft`,
        delete: (done: number, of: number) => `${done} of ${of} ${records(of)} deleted`,
      } satisfies Record<Step, (done: number, of: number) => string>,
      failuresLead: "Not done, with the tracker's reason:",
      confirmDelete: (n: number) =>
        `Delete ${n} ${records(n)}? A deleted draft leaves the lists (its versions stay in its history); a commitment's tranches and stage events selected with it go first.`,
      confirmDeleteButton: (n: number) => `Yes, delete ${n} ${records(n)}`,
      deleteReason: "Draft deleted by its ministry",
      failure: (kind: string, label: string, message: string) => `${kind} “${label}”: ${message}`,
    },
    form: {
      newCommitment: "New commitment",
      editCommitment: (title: string) => `Correct the commitment “${title}”`,
      newTranche: "New tranche",
      editTranche: (n: number, commitment: string) => `Correct tranche no. ${n} of “${commitment}”`,
      newEvent: "New stage event",
      editEvent: (stage: string, commitment: string) => `Correct the event “${stage}” of “${commitment}”`,
      reading: "Reading the record…",
      readFailed: (message: string) => `Could not read the record: ${message}`,
      standing: (version: number, when: string) => `Version ${version}, last changed ${when}.`,
      notes: {
        new: "Saved as a draft of your ministry: nothing is public until an approver publishes it.",
        draft: `${label("workflowStatus", "draft", "en")}: only your ministry sees it.`,
        submitted: `${label("workflowStatus", "submitted", "en")}: saving a change returns it to draft, to be submitted again.`,
        published: `${label("workflowStatus", "published", "en")}: your correction is proposed to your ministry's approver, and becomes public once the approver publishes it; its reason stays in the record's history.`,
      } satisfies Record<WorkflowStatus | "new", string>,
      problems: (n: number) => (n === 1 ? "There is a problem" : `There are ${n} problems`),
      couldNotSave: "Could not save it",
      nothingChanged: "Nothing has changed: change a field first.",
      leaveUnsaved: "This form has entries that are not saved. Leave it and lose them?",
      conflictTitle: "Someone else changed this record",
      conflictText:
        "Since you opened it, a newer version was saved. Reload it to see what changed, then make your change again: what you typed here is not saved.",
      reload: "Reload the record",
      reason: "Why it changes",
      reasonHint: "Kept in the record's history, e.g. “The ministry's second report corrects the figure”.",
      saveDraft: "Save draft",
      saveCorrection: "Save the correction",
      saving: "Saving…",
      cancel: "Cancel",
    },
    fields: {
      choose: "Choose…",
      donor: "Donor",
      donorHint: "Your ministry's country: a ministry records its own country's commitments.",
      title: "Title",
      titleHint:
        "What was promised, as the source puts it, e.g. “Air defence package: 4 IRIS-T SLM systems”.",
      recipient: "Recipient",
      category: "Category",
      agreement: "Agreement (optional)",
      agreementHint: "The agreement the commitment was made under, if any.",
      agreementNone: "None: under no recorded agreement",
      measureBasis: "The amount or quantity is",
      bases: basesInSentence("en"),
      period: "Period (optional)",
      periodHint: "When the commitment runs: leave both empty if the sources do not say.",
      periodStart: "From",
      periodEnd: "To",
      dateHint: "31/03/2027, March 2027, 2027 or 2027-03-31: no more precise than the source.",
      conditions: "Conditions (optional)",
      conditionsHint: "One per line, as the source states them.",
      commitment: "Commitment",
      commitmentHint: "One of your ministry's commitments; drafts are marked.",
      position: "Place in the schedule",
      positionHint: "From 1: the first instalment is 1, the next 2, …",
      due: "Due",
      note: "Note (optional)",
      trancheSources:
        "A tranche carries no sources of its own: it is cited through its commitment's sources.",
      stage: "Stage",
      stageHint: "How far the commitment has come: announced, made binding, earmarked, or handed over.",
      date: "Date",
      confidence: "Confidence",
      confidenceHint: "A ministry reports its figures; only the recipient confirms receipt.",
      eventPeriod: "Reported for a span (optional)",
      eventPeriodHint: "For a figure given for a span, such as a year's deliveries.",
    },
    measure: {
      legend: "Amount or quantity",
      kindLabel: "Measured as",
      kinds: labelsOf("measureKind", "en"),
      amount: "Amount",
      amountHint: "As you write it: 1,250,000.50, 1250000.50 or £1,250,000",
      currency: "Currency",
      currencyHint: "ISO 4217 code: EUR, USD, GBP…",
      count: "Count",
      unit: "Unit",
      item: "Item",
      itemHint: "As the source names it, e.g. “155 mm shells”.",
    },
    sources: {
      legend: "Sources",
      hint: "At least one: where the record's facts and figures are published.",
      source: (n: number) => `Source ${n}`,
      title: "Title",
      kind: "Kind of source",
      chooseKind: "Choose…",
      kinds: labelsOf("sourceKind", "en"),
      url: "Web address (URL, optional)",
      urlHint: "A web address, such as www.gov.uk/… or https://…",
      publisher: "Publisher (optional)",
      published: "Published (optional)",
      publishedHint: "YYYY, YYYY-MM or YYYY-MM-DD",
      locator: "Where in it (optional)",
      locatorHint: "Page, section, table or footnote.",
      quote: "Quotation (optional)",
      remove: (n: number) => `Remove source ${n}`,
      add: "Add another source",
    },
    errors: {
      required: "Fill this in",
      tooLong: (max: number) => `At most ${max} characters`,
      choose: "Choose one of the options",
      date: "Expected YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2025, 2025-03 or 2025-03-14",
      noSuchDay: "There is no such day",
      decimal: "Expected a number such as 1250000.50: digits, with a point before any decimals",
      negative: "Must not be negative",
      currency: "Expected a three-letter ISO 4217 code such as EUR",
      unknownCurrency: "Not an ISO 4217 currency code",
      periodOrder: "The period ends before it starts",
      needSource: "Every record needs at least one source",
      url: "Expected a web address starting with http:// or https://",
      invalid: "Not valid here",
      position: "A whole number from 1 to 1000",
      reason: "Say why, in at least 3 characters: it is kept in the record's history",
      entry: {
        amount:
          "Write the amount as 1,250,000.50 or 1250000.50 (a currency sign such as £ may stand before it)",
        date: "Write the date as 31/03/2027, 31 March 2027, 2027-03-31, 03/2027, 2027-03 or 2027",
        currencyClash: "The amount names another currency than the one chosen: change one of them",
      },
    },
  },
  {
    title: "Робочий простір міністерства",
    sessionFailed: (message: string) => `Не вдалося завантажити сеанс: ${message}`,
    loadingSession: "Завантаження сеансу…",
    notSignedIn: "Ви не увійшли.",
    signIn: "Увійдіть",
    notSignedInTail: "щоб вести записи свого міністерства: зобов’язання, графіки та поставки.",
    noCountry:
      "У робочому просторі міністерство країни-партнера веде записи своєї країни. Ваша організація не представляє жодної країни.",
    notAllowed: (reason: string) => `Ваші ролі не дозволяють вести тут записи: ${reason}.`,
    verifier: (country: string) =>
      `У робочому просторі міністерства-донори ведуть свої записи. Ваше міністерство підтверджує для країни «${country}», що опубліковані поставки отримано:`,
    toConfirm: "поставки, що чекають на ваше підтвердження",
    reason: accountMessages.uk.reason,
    lede: (organisation: string, country: string) =>
      `Тут ${organisation} веде записи донора «${country}». Нові зобов’язання, транші й події етапів зберігаються як чернетки, які бачить лише ваше міністерство; редактор подає їх на затвердження, а затверджувач міністерства публікує.`,
    actionsNav: "Робочий простір",
    newCommitment: "Нове зобов’язання",
    newTranche: "Новий транш (графік)",
    newEvent: "Нова подія етапу",
    importFile: "Імпортувати файл",
    backToList: "Чернетки й затвердження",
    saved: (kind: string, label: string, status: string, version: number) =>
      `Збережено: ${kind.toLowerCase()} «${label}», версія ${version}, стан: ${status.toLowerCase()}.`,
    proposed: (kind: string, label: string) =>
      `Запропоновано: ваша зміна (${kind.toLowerCase()} «${label}») чекає на затверджувача вашого міністерства; доки її не опубліковано, публіка бачить опубліковану версію.`,
    kinds: { commitment: "Зобов’язання", tranche: "Транш", event: "Подія етапу" },
    statuses: labelsOf("workflowStatus", "uk"),
    stages: labelsOf("stage", "uk"),
    stageChoices: stageChoices("uk"),
    confidences: labelsOf("confidence", "uk"),
    categories: labelsOf("category", "uk"),
    rowLabels: {
      tranche: (n: number, due: string, commitment: string) => `№ ${n}, строк — ${due}, до «${commitment}»`,
      event: (stage: string, date: string, commitment: string) => `${stage}, ${date}, до «${commitment}»`,
    },
    list: {
      failed: (message: string) => `Не вдалося завантажити записи міністерства: ${message}`,
      loading: "Завантаження записів міністерства…",
      finding: (read: number, of: number) =>
        `Пошук записів цього імпорту: прочитано історій — ${read} з ${of}…`,
      importFilter: (changeSet: number, n: number) =>
        `Показано ${n} ${записи(n)}, ще не опублікованих, з тих, що їх записав імпорт у наборі змін ${changeSet}.`,
      showAll: "Показати всі чернетки",
      draftsTitle: "Чернетки",
      draftsLede: "Ще не подані: їх бачить лише ваше міністерство, і редактори ще можуть їх змінювати.",
      noDrafts: "Чернеток немає.",
      submittedTitle: label("workflowStatus", "submitted", "uk"),
      submittedLede:
        "Чекають на затверджувача вашого міністерства, який їх опублікує або поверне на доопрацювання. Будь-яка зміна повертає запис у чернетки.",
      noSubmitted: "Нічого не чекає на затвердження.",
      rulesNote:
        "Пропоновані дії — ті, що їх правила трекера дозволяють вашим ролям: редактор подає, затверджувач публікує. Затвердження — це рішення людини: жоден токен API не публікує.",
      count: (shown: string, n: number) => `${shown} ${записи(n)} ще не опубліковано.`,
      caption: (shown: string, total: string, n: number) =>
        shown === total
          ? `${total} ${записи(n)}, кожен під своїм зобов’язанням.`
          : `Перші ${shown} з ${total} ${записів(n)}, кожен під своїм зобов’язанням.`,
      showMore: (n: number) => `Показати ще ${n}`,
      selectAll: (section: string) => `Вибрати всі: ${section}`,
      select: (kind: string, label: string) => `Вибрати: ${kind.toLowerCase()} «${label}»`,
      columns: {
        record: "Запис",
        measure: "Сума або кількість",
        status: "Стан",
        version: "Версія",
        lastChange: "Остання зміна",
        by: "Хто",
        actions: "Дії",
      },
      editShort: "Змінити",
      edit: (kind: string, label: string) => `Змінити ${kind.toLowerCase()} «${label}»`,
      steps: {
        submit: (n: number) => `Подати вибрані на затвердження (${n})`,
        publish: (n: number) => `Опублікувати вибрані (${n})`,
        return: (n: number) => `Повернути на доопрацювання (${n})`,
        delete: (n: number) => `Видалити вибрані чернетки (${n})`,
      },
      nothingSelected: "Спершу виберіть хоча б один запис.",
      progress: {
        submit: (done: number, of: number) => `Подання: виконано ${done} з ${of}…`,
        publish: (done: number, of: number) => `Публікація: виконано ${done} з ${of}…`,
        return: (done: number, of: number) => `Повернення на доопрацювання: виконано ${done} з ${of}…`,
        delete: (done: number, of: number) => `Видалення: виконано ${done} з ${of}…`,
      },
      outcome: {
        submit: (done: number, of: number) => `Подано на затвердження ${done} з ${of} ${записів(of)}`,
        publish: (done: number, of: number) => `Опубліковано ${done} з ${of} ${записів(of)}`,
        return: (done: number, of: number) => `Повернуто на доопрацювання ${done} з ${of} ${записів(of)}`,
        delete: (done: number, of: number) => `Видалено ${done} з ${of} ${записів(of)}`,
      },
      failuresLead: "Не виконано, з поясненням трекера:",
      confirmDelete: (n: number) =>
        `Видалити ${n} ${записів(n)}? Видалена чернетка зникає зі списків (її версії лишаються в історії); транші й події етапів зобов’язання, вибрані разом із ним, видаляються першими.`,
      confirmDeleteButton: (n: number) => `Так, видалити ${n} ${записів(n)}`,
      deleteReason: "Чернетку видалило її міністерство",
      failure: (kind: string, label: string, message: string) => `${kind} «${label}»: ${message}`,
    },
    form: {
      newCommitment: "Нове зобов’язання",
      editCommitment: (title: string) => `Виправити зобов’язання «${title}»`,
      newTranche: "Новий транш",
      editTranche: (n: number, commitment: string) => `Виправити транш № ${n} до «${commitment}»`,
      newEvent: "Нова подія етапу",
      editEvent: (stage: string, commitment: string) => `Виправити подію «${stage}» до «${commitment}»`,
      reading: "Читання запису…",
      readFailed: (message: string) => `Не вдалося прочитати запис: ${message}`,
      standing: (version: number, when: string) => `Версія ${version}, остання зміна — ${when}.`,
      notes: {
        new: "Зберігається як чернетка вашого міністерства: нічого не стане публічним, доки затверджувач не опублікує.",
        draft: `${label("workflowStatus", "draft", "uk")}: її бачить лише ваше міністерство.`,
        submitted: `${label("workflowStatus", "submitted", "uk")}: збережена зміна поверне запис у чернетки, і його треба буде подати знову.`,
        published: `${label("workflowStatus", "published", "uk")}: ваше виправлення буде запропоновано затверджувачеві вашого міністерства й стане публічним, коли він його опублікує; причина залишиться в історії запису.`,
      },
      problems: (n: number) =>
        n === 1 ? "Є проблема" : `Є ${n} ${pluralUk(n, "проблема", "проблеми", "проблем")}`,
      couldNotSave: "Не вдалося зберегти",
      nothingChanged: "Нічого не змінено: спершу змініть якесь поле.",
      leaveUnsaved: "У формі є незбережені дані. Вийти й утратити їх?",
      conflictTitle: "Цей запис змінив хтось інший",
      conflictText:
        "Відколи ви його відкрили, збережено новішу версію. Перезавантажте запис, щоб побачити зміни, а тоді внесіть свою зміну знову: введене тут не збережено.",
      reload: "Перезавантажити запис",
      reason: "Причина зміни",
      reasonHint: "Зберігається в історії запису, наприклад «Другий звіт міністерства виправляє цифру».",
      saveDraft: "Зберегти чернетку",
      saveCorrection: "Зберегти виправлення",
      saving: "Збереження…",
      cancel: "Скасувати",
    },
    fields: {
      choose: "Виберіть…",
      donor: "Донор",
      donorHint: "Країна вашого міністерства: міністерство вносить зобов’язання своєї країни.",
      title: "Назва",
      titleHint: "Що обіцяно, словами джерела, наприклад «Пакет ППО: 4 системи IRIS-T SLM».",
      recipient: "Отримувач",
      category: "Категорія",
      agreement: "Угода (необов’язково)",
      agreementHint: "Угода, у межах якої взято зобов’язання, якщо така є.",
      agreementNone: "Немає: поза будь-якою внесеною угодою",
      measureBasis: "Сума або кількість вказана",
      bases: basesInSentence("uk"),
      period: "Період (необов’язково)",
      periodHint: "Коли діє зобов’язання: залиште обидва поля порожніми, якщо джерела цього не вказують.",
      periodStart: "З",
      periodEnd: "По",
      dateHint: "31.03.2027, березень 2027, 2027 або 2027-03-31: не точніше, ніж у джерелі.",
      conditions: "Умови (необов’язково)",
      conditionsHint: "По одній у рядку, як їх сформульовано в джерелі.",
      commitment: "Зобов’язання",
      commitmentHint: "Одне із зобов’язань вашого міністерства; чернетки позначено.",
      position: "Місце в графіку",
      positionHint: "Від 1: перший транш — 1, наступний — 2, …",
      due: "Строк",
      note: "Примітка (необов’язково)",
      trancheSources: "Транш не має власних джерел: на нього посилаються через джерела його зобов’язання.",
      stage: "Етап",
      stageHint: "Наскільки просунулося зобов’язання: оголошено, набуло сили, виділено чи передано.",
      date: "Дата",
      confidence: "Достовірність",
      confidenceHint: "Міністерство повідомляє свої цифри; отримання підтверджує лише отримувач.",
      eventPeriod: "Звітний період (необов’язково)",
      eventPeriodHint: "Для цифри, наведеної за період, наприклад поставки за рік.",
    },
    measure: {
      legend: "Сума або кількість",
      kindLabel: "Вимірюється як",
      kinds: labelsOf("measureKind", "uk"),
      amount: "Сума",
      amountHint: "Як ви пишете: 1 250 000,50, 1250000.50 або 1 250 000 €",
      currency: "Валюта",
      currencyHint: "Код ISO 4217: EUR, USD, GBP…",
      count: "Кількість",
      unit: "Одиниця виміру",
      item: "Найменування",
      itemHint: "Як його названо в джерелі, наприклад «снаряди 155 мм».",
    },
    sources: {
      legend: "Джерела",
      hint: "Щонайменше одне: де опубліковано факти й цифри запису.",
      source: (n: number) => `Джерело ${n}`,
      title: "Назва",
      kind: "Тип джерела",
      chooseKind: "Виберіть…",
      kinds: labelsOf("sourceKind", "uk"),
      url: "Вебадреса (URL, необов’язково)",
      urlHint: "Вебадреса, як-от www.gov.uk/… або https://…",
      publisher: "Видавець (необов’язково)",
      published: "Опубліковано (необов’язково)",
      publishedHint: "РРРР, РРРР-ММ або РРРР-ММ-ДД",
      locator: "Де саме (необов’язково)",
      locatorHint: "Сторінка, розділ, таблиця чи примітка.",
      quote: "Цитата (необов’язково)",
      remove: (n: number) => `Вилучити джерело ${n}`,
      add: "Додати ще одне джерело",
    },
    errors: {
      required: "Заповніть це поле",
      tooLong: (max: number) => `Не більше ${max} ${pluralUk(max, "символу", "символів", "символів")}`,
      choose: "Виберіть один із варіантів",
      date: "Очікується РРРР, РРРР-ММ або РРРР-ММ-ДД, наприклад 2025, 2025-03 або 2025-03-14",
      noSuchDay: "Такого дня не існує",
      decimal: "Очікується число на кшталт 1250000.50: цифри, дробова частина — після крапки",
      negative: "Не може бути від’ємним",
      currency: "Очікується трилітерний код ISO 4217, наприклад EUR",
      unknownCurrency: "Це не код валюти ISO 4217",
      periodOrder: "Період закінчується раніше, ніж починається",
      needSource: "Кожен запис потребує щонайменше одного джерела",
      url: "Очікується вебадреса, що починається з http:// або https://",
      invalid: "Недійсне значення",
      position: "Ціле число від 1 до 1000",
      reason: "Вкажіть причину (щонайменше 3 символи): вона зберігається в історії запису",
      entry: {
        amount: "Запишіть суму як 1 250 000,50 або 1250000.50 (перед нею може стояти знак валюти, як-от €)",
        date: "Запишіть дату як 31.03.2027, 31 березня 2027, 2027-03-31, 03.2027, 2027-03 або 2027",
        currencyClash: "Сума називає іншу валюту, ніж вибрана: змініть одне з двох",
      },
    },
  },
);

export type WorkspaceMessages = typeof messages.en;
