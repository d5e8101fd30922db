import { localised } from "../i18n/index.ts";
import { inSentence, label, labelsOf, words } from "../i18n/vocabulary.ts";

/** "day" / "days" and Ukrainian's three plural forms, chosen by the language's own rules. */
const ukPlural = (n: number, one: string, few: string, many: string) => {
  const form = new Intl.PluralRules("uk").select(n);
  return form === "one" ? one : form === "few" ? few : many;
};
const enPlural = (n: number, one: string, other: string) => (n === 1 ? one : other);
const enCount = (n: number) => new Intl.NumberFormat("en-GB").format(n);
const ukCount = (n: number) => new Intl.NumberFormat("uk-UA").format(n);

/** An outcome to choose when resolving a dispute, and what it means: "Dispute upheld: the record should be …". */
const outcomeChoice = (outcome: "upheld" | "rejected", lang: "en" | "uk") => {
  const outcomeWords = words("disputeStatus", outcome, lang);
  return `${outcomeWords.label}: ${inSentence(outcomeWords.description)}`;
};

/** The strings of the commitments list and of one commitment's page, its remarks and the NGO's forms. */
export const messages = localised(
  {
    // Words shared by several parts of the page; the vocabulary's where they are its terms.
    sourceKinds: labelsOf("sourceKind", "en"),
    perYear: "a year",
    inTotal: "in total",
    badges: {
      synthetic: "Synthetic",
      retracted: "Retracted",
      disputed: label("confidence", "disputed", "en"),
    },

    list: {
      title: "Commitments",
      lede: "Pledge lines: what each donor promised, measured in money or in items. Open one to see its schedule and what has been delivered against it.",
      loading: "Loading the commitments…",
      failed: (message: string) => `Could not load the commitments: ${message}`,
      empty: "No commitments recorded.",
      caption: (n: number) =>
        `${enCount(n)} ${enPlural(n, "commitment", "commitments")}, by id. Amounts as each line records them: a promise, or the later stage its source reports it at (the Kiel Institute's allocation lines); open a line for its stages.`,
      donor: "Donor",
      commitment: "Commitment",
      category: "Category",
      promised: "Amount recorded",
    },

    page: {
      breadcrumb: "Breadcrumb",
      back: "← All commitments",
      failed: (message: string) => `Could not load the commitment: ${message}`,
      notFound:
        "There is no commitment at this address: check the link, or find it in the list of all commitments.",
      loading: "Loading the commitment…",
      eyebrow: "Commitment",
      donorRecipient: "Donor → recipient",
      agreement: "Agreement",
      noAgreement: "None: a commitment under no recorded agreement",
      promised: "Promised",
      period: "Period",
      noPeriod: "Not stated in the sources",
      conditions: "Conditions",
      sources: "Sources",
      watchList: "My watch list (kept in this browser)",
    },

    sources: {
      published: (date: string) => `published ${date}`,
    },

    citation: {
      lead: "Commitments tracker, dataset version",
      asOf: "as of",
      data: "Data:",
    },

    fulfilment: {
      title: "Fulfilment",
      failed: (message: string) => `Could not load the fulfilment figures: ${message}`,
      loading: "Loading the fulfilment figures…",
      none: (problem: string) => `No fulfilment figures: ${problem}`,
      noneYet: (promisedAs: string, deliveredAs: string, date: string) =>
        `No fulfilment figures yet: nothing recorded as ${promisedAs.toLowerCase()} or ${deliveredAs.toLowerCase()}, and no tranche due by ${date}.`,
      basis: (date: string, promisedAs: string) =>
        `As of ${date}. The promise counted is what has been recorded as ${promisedAs.toLowerCase()}, which may differ from the headline figure above.`,
      separateLines: (source: string, promisedAs: string, deliveredAs: string) =>
        `${source} reports what is ${promisedAs.toLowerCase()} and what is ${deliveredAs.toLowerCase()} in separate lines, not commitment by commitment: no share is read from one line alone.`,
      donorPage: (donor: string) => `${donor}: both side by side`,
      notReported: (stage: string, source: string) => `${stage}: not reported by ${source}.`,
      deliveredNoPromise: (amount: string, deliveredAs: string, promisedAs: string) =>
        `${amount} ${deliveredAs.toLowerCase()}; nothing recorded as ${promisedAs.toLowerCase()}, so no share of a promise`,
      deliveredOf: (amount: string, deliveredAs: string, promised: string, promisedAs: string) =>
        `${amount} ${deliveredAs.toLowerCase()} of ${promised} ${promisedAs.toLowerCase()}:`,
      againstSchedule: "Against the schedule",
      noTrancheDue: (date: string) => `No tranche due by ${date}`,
      dueBy: (amount: string, date: string) => `${amount} due by ${date}:`,
      ofIt: (deliveredAs: string) => `of it ${deliveredAs.toLowerCase()}`,
      delay: "Delay",
      onSchedule: "None: on schedule",
      delayDays: (n: number) =>
        `${enCount(n)} ${enPlural(n, "day", "days")} since the oldest tranche not yet covered fell due`,
      completion: "Completion",
      projected: (date: string) => `Projected ${date}, in a straight line from deliveries so far`,
      reached: (date: string) => `Reached ${date}`,
      excess: "Beyond the promise",
    },

    timeline: {
      title: "Schedule and deliveries over time",
      nothing: "Nothing to draw yet: no tranche is scheduled and nothing has been delivered.",
      nothingReported: "Nothing to draw: no tranche is scheduled, and the source reports no deliveries.",
      mixed:
        "No timeline: the schedule and the deliveries are not all measured like the commitment, so they do not add up.",
      summary: (o: {
        scheduled: string;
        tranches: number;
        delivered: string;
        deliveries: number;
        deliveredAs: string;
        asOf: string;
        synthetic: number;
        estimated: number;
        disputed: number;
      }) =>
        `Cumulative timeline. Scheduled: ${o.scheduled} in ${enCount(o.tranches)} ${enPlural(o.tranches, "tranche", "tranches")}. ${o.deliveredAs}: ${o.delivered} in ${enCount(o.deliveries)} ${enPlural(o.deliveries, "event", "events")}, as of ${o.asOf}. Marked: ${enCount(o.synthetic)} synthetic, ${enCount(o.estimated)} estimated, ${enCount(o.disputed)} disputed.`,
      legend: "Legend",
      scheduledLine: "Due by the schedule, cumulative",
      deliveredLine: (deliveredAs: string) => `${deliveredAs}, cumulative`,
      tranche: "A tranche falls due",
      delivery: (deliveredAs: string) => `${deliveredAs}: one event`,
      synthetic: "Synthetic demo data (hollow purple)",
      estimated: `${label("confidence", "estimated", "en")} (dashed ring)`,
      disputed: `${label("confidence", "disputed", "en")} (red cross)`,
      asOf: (date: string) => `As of ${date} (dotted line)`,
      partialDates:
        "A date known only to the month or the year is placed at its end, as the fulfilment figures count it.",
    },

    schedule: {
      title: "Schedule",
      empty: "No schedule recorded: the sources give no split by date.",
      caption: (n: number) =>
        `${enCount(n)} planned ${enPlural(n, "tranche", "tranches")}, in order. Their sources are the commitment's, above.`,
      due: "Due",
      amount: "Amount",
      note: "Note",
    },

    events: {
      title: "Deliveries and other stage events",
      noDeliveries: "No deliveries recorded.",
      deliveriesNotReported: (source: string) => `${source} does not report deliveries.`,
      nothingDated:
        "Nothing pledged, committed, allocated or delivered has been dated against this commitment yet.",
      stepsBefore: "The events below are steps before delivery.",
      caption: (n: number) =>
        `${enCount(n)} stage ${enPlural(n, "event", "events")}, by date, each with its own sources.`,
      date: "Date",
      stage: "Stage",
      amount: "Amount",
      confidence: "Confidence",
      sources: "Sources",
      remarks: "Your remarks",
      forPeriod: (start: string, end: string) => `(for ${start} – ${end})`,
      deliveryOf: (date: string) => `the delivery of ${date}`,
    },

    remarks: {
      outcome: labelsOf("disputeStatus", "en"),
      by: (name: string) => `by ${name}`,
      recorded: "Recorded figure",
      theirs: (name: string) => `Figure given by ${name}`,
      resolution: "Resolution:",
      receiptConfirmed: "Receipt confirmed",
      confirmedBy: (name: string, date: string | undefined) => `by ${name}${date ? ` on ${date}` : ""}`,
      note: "Note",
      withdraw: "Withdraw",
      resolve: "Resolve",
    },

    actions: {
      disputeFigure: "Dispute this figure",
      annotate: "Annotate",
      disputed: "Your dispute is recorded and shown beside the figure.",
      annotated: "Your note is recorded and shown beside the record.",
      closed: "The dispute is closed; its outcome is shown beside the figure.",
      signInToRemark: "Analysts of NGOs may dispute or annotate these figures once signed in.",
      signIn: "Sign in",
      loadingForm: "Opening the form…",
    },

    form: {
      disputeTitle: (what: string) => `Dispute ${what}`,
      annotateTitle: (what: string) => `Annotate ${what}`,
      theCommitment: "the commitment’s promised figure",
      theCommitmentRecord: "this commitment",
      recorded: (figure: string) => `The recorded figure: ${figure}.`,
      figure: (unit: string) => `Your organisation’s figure (${unit})`,
      figureHint:
        "As you write it, e.g. 1,250,000.50 or 1250000.50. Leave it empty if you dispute something other than the amount.",
      statement: "Reason",
      statementHint: "What is wrong with the recorded figure, and how you know.",
      text: "Note",
      sources: "Evidence",
      sourceLegend: (n: number) => `Source ${n}`,
      sourceTitle: "Title",
      sourceUrl: "Web address",
      sourceUrlHint: "Where the evidence can be read: https://…",
      sourceKind: "Kind of source",
      addSource: "Add another source",
      removeSource: (n: number) => `Remove source ${n}`,
      optionalSource: "Source (optional)",
      submitDispute: "Record the dispute",
      submitNote: "Record the note",
      sending: "Recording…",
      cancel: "Cancel",
      checkFields: "Check the fields marked below: nothing has been recorded.",
      errors: {
        statement: "Say why, in at least 3 characters.",
        text: "Write the note.",
        figure: "Write the figure as 1,250,000.50 or 1250000.50, in the recorded figure's currency or unit.",
        sources: "Give at least one source of evidence.",
        title: "Give the source’s title.",
        url: "Give a full web address beginning with https:// or http://.",
        kind: "Choose what kind of source it is.",
        resolution: "Say why, in at least 3 characters.",
      },
      closeTitle: {
        withdraw: "Withdraw your dispute",
        resolve: "Resolve the dispute",
      },
      outcome: "Outcome",
      upheld: outcomeChoice("upheld", "en"),
      rejected: outcomeChoice("rejected", "en"),
      closeReason: "Why",
      submitWithdraw: "Withdraw the dispute",
      submitResolve: "Resolve the dispute",
    },

    history: {
      title: "History",
      lede: "Every version of this commitment, of its schedule and of its stage events, and of what others said of them: who recorded it, when, and why. Nothing is ever overwritten.",
      loading: "Loading the history…",
      failed: (message: string) => `Could not load the history: ${message}`,
      caption: (n: number) => `${enCount(n)} ${enPlural(n, "version", "versions")}, the latest first.`,
      when: "When",
      record: "Record",
      who: "Who",
      change: "What changed",
      why: "Why",
      changeSet: (n: number) => `change set ${n}`,
      version: (n: number) => `version ${n}`,
      actions: {
        create: "Recorded",
        update: "Corrected",
        retract: "Retracted",
        submit: "Submitted",
        publish: label("workflowStatus", "published", "en"),
        return: "Returned",
      },
      kinds: {
        commitment: "This commitment",
        tranche: (due: string) => `Tranche due ${due}`,
        event: (stage: string, date: string) => `${stage}, ${date}`,
        dispute: "Dispute",
        confirmation: "Confirmation of receipt",
        annotation: "Note",
      },
      publishedProposal: (approver: string, proposer: string) =>
        `${approver}, publishing the proposal of ${proposer}`,
      firstVersion: "First version",
      noChange: "No field changed",
      empty: "(none)",
      /** A remark's fields; a record's are the review's (workspace/review-messages.ts). */
      fields: {
        statement: "Reason",
        figure: "Figure given",
        received: "Date received",
        text: "Note",
        status: "Status",
        resolution: "Resolution",
      },
    },
  },
  {
    sourceKinds: labelsOf("sourceKind", "uk"),
    perYear: inSentence(label("measureBasis", "per_year", "uk")),
    inTotal: "загалом",
    badges: {
      synthetic: "Синтетичні",
      retracted: "Відкликано",
      disputed: label("confidence", "disputed", "uk"),
    },

    list: {
      title: "Зобов’язання",
      lede: "Лінії зобов’язань: що пообіцяв кожен донор, у грошах або в одиницях. Відкрийте будь-яку, щоб побачити її графік і що вже поставлено.",
      loading: "Завантаження зобов’язань…",
      failed: (message: string) => `Не вдалося завантажити зобов’язання: ${message}`,
      empty: "Зобов’язань не записано.",
      caption: (n: number) =>
        `${ukCount(n)} ${ukPlural(n, "зобов’язання", "зобов’язання", "зобов’язань")}, за ідентифікатором. Суми — як їх записано в кожному рядку: обіцянка або пізніша стадія, на якій її подає джерело (рядки виділеної допомоги Кільського інституту); відкрийте рядок, щоб побачити його стадії.`,
      donor: "Донор",
      commitment: "Зобов’язання",
      category: "Категорія",
      promised: "Записана сума",
    },

    page: {
      breadcrumb: "Навігаційний ланцюжок",
      back: "← Усі зобов’язання",
      failed: (message: string) => `Не вдалося завантажити зобов’язання: ${message}`,
      notFound:
        "За цією адресою немає зобов’язання: перевірте посилання або знайдіть його в переліку всіх зобов’язань.",
      loading: "Завантаження зобов’язання…",
      eyebrow: "Зобов’язання",
      donorRecipient: "Донор → отримувач",
      agreement: "Угода",
      noAgreement: "Немає: зобов’язання поза будь-якою записаною угодою",
      promised: "Обіцяно",
      period: "Період",
      noPeriod: "У джерелах не вказано",
      conditions: "Умови",
      sources: "Джерела",
      watchList: "Мій список спостереження (зберігається в цьому браузері)",
    },

    sources: {
      published: (date: string) => `опубліковано ${date}`,
    },

    citation: {
      lead: "Трекер зобов’язань, версія набору даних",
      asOf: "станом на",
      data: "Дані:",
    },

    fulfilment: {
      title: "Виконання",
      failed: (message: string) => `Не вдалося завантажити показники виконання: ${message}`,
      loading: "Завантаження показників виконання…",
      none: (problem: string) => `Показників виконання немає: ${problem}`,
      noneYet: (promisedAs: string, deliveredAs: string, date: string) =>
        `Показників виконання ще немає: до ${date} жоден транш не мав надійти, і нічого не записано на стадії «${promisedAs}» чи «${deliveredAs}».`,
      basis: (date: string, promisedAs: string) =>
        `Станом на ${date}: обіцянкою вважається те, що записано на стадії «${promisedAs}»; це може відрізнятися від заголовної цифри вище.`,
      separateLines: (source: string, promisedAs: string, deliveredAs: string) =>
        `${source} подає етапи «${promisedAs}» і «${deliveredAs}» окремими рядками, а не для кожного зобов’язання: з одного рядка частку не визначити.`,
      donorPage: (donor: string) => `${donor}: обидва поруч`,
      notReported: (stage: string, source: string) => `«${stage}»: ${source} про це не повідомляє.`,
      deliveredNoPromise: (amount: string, deliveredAs: string, promisedAs: string) =>
        `${deliveredAs} ${amount}; на стадії «${promisedAs}» нічого не записано, тож частку обіцяного визначити не можна`,
      deliveredOf: (amount: string, deliveredAs: string, promised: string, promisedAs: string) =>
        `${deliveredAs} ${amount} із ${promised} (стадія «${promisedAs}»):`,
      againstSchedule: "За графіком",
      noTrancheDue: (date: string) => `Жоден транш не мав надійти до ${date}`,
      dueBy: (amount: string, date: string) => `До ${date} мало надійти ${amount}:`,
      ofIt: (deliveredAs: string) => `із цього ${deliveredAs.toLowerCase()}`,
      delay: "Затримка",
      onSchedule: "Немає: за графіком",
      delayDays: (n: number) =>
        `${ukCount(n)} ${ukPlural(n, "день", "дні", "днів")} від терміну найдавнішого ще не покритого траншу`,
      completion: "Завершення",
      projected: (date: string) => `Прогноз: ${date}, якщо поставки йтимуть тим самим темпом`,
      reached: (date: string) => `Досягнуто ${date}`,
      excess: "Понад обіцяне",
    },

    timeline: {
      title: "Графік і поставки в часі",
      nothing: "Поки нічого показати: жодного траншу не заплановано і нічого не поставлено.",
      nothingReported:
        "Нічого показати: жодного траншу не заплановано, а джерело не повідомляє про поставки.",
      mixed:
        "Часової шкали немає: графік і поставки виміряні не так, як зобов’язання, тож їх не можна додати.",
      summary: (o: {
        scheduled: string;
        tranches: number;
        delivered: string;
        deliveries: number;
        deliveredAs: string;
        asOf: string;
        synthetic: number;
        estimated: number;
        disputed: number;
      }) =>
        `Часова шкала наростаючим підсумком. За графіком: ${o.scheduled}, ${ukCount(o.tranches)} ${ukPlural(o.tranches, "транш", "транші", "траншів")}. ${o.deliveredAs}: ${o.delivered}, ${ukCount(o.deliveries)} ${ukPlural(o.deliveries, "подія", "події", "подій")}, станом на ${o.asOf}; позначено: синтетичних — ${ukCount(o.synthetic)}, оцінок — ${ukCount(o.estimated)}, оскаржених — ${ukCount(o.disputed)}.`,
      legend: "Умовні позначення",
      scheduledLine: "За графіком, наростаючим підсумком",
      deliveredLine: (deliveredAs: string) => `${deliveredAs}, наростаючим підсумком`,
      tranche: "Термін траншу",
      delivery: (deliveredAs: string) => `${deliveredAs}: одна подія`,
      synthetic: "Синтетичні демонстраційні дані (порожнє фіолетове коло)",
      estimated: `${label("confidence", "estimated", "uk")} (пунктирне кільце)`,
      disputed: `${label("confidence", "disputed", "uk")} (червоний хрестик)`,
      asOf: (date: string) => `Станом на ${date} (пунктирна лінія)`,
      partialDates:
        "Дату, відому лише з точністю до місяця чи року, показано в кінці цього періоду — так її враховують показники виконання.",
    },

    schedule: {
      title: "Графік",
      empty: "Графік не записано: джерела не розподіляють суму за датами.",
      caption: (n: number) =>
        `${ukCount(n)} ${ukPlural(n, "запланований транш", "заплановані транші", "запланованих траншів")}, по черзі. Їхні джерела — ті самі, що й у зобов’язання, вище.`,
      due: "Термін",
      amount: "Сума",
      note: "Примітка",
    },

    events: {
      title: "Поставки та інші стадії",
      noDeliveries: "Поставок не записано.",
      deliveriesNotReported: (source: string) => `${source}: про поставки не повідомляє.`,
      nothingDated:
        "Для цього зобов’язання ще не датовано жодної обіцянки, зобов’язання, виділення чи поставки.",
      stepsBefore: "Події нижче — кроки до поставки.",
      caption: (n: number) =>
        `${ukCount(n)} ${ukPlural(n, "подія", "події", "подій")} за датою, кожна з власними джерелами.`,
      date: "Дата",
      stage: "Стадія",
      amount: "Сума",
      confidence: "Достовірність",
      sources: "Джерела",
      remarks: "Ваші зауваження",
      forPeriod: (start: string, end: string) => `(за ${start} – ${end})`,
      deliveryOf: (date: string) => `поставку від ${date}`,
    },

    remarks: {
      outcome: labelsOf("disputeStatus", "uk"),
      by: (name: string) => `від ${name}`,
      recorded: "Цифра в записі",
      theirs: (name: string) => `Цифра, яку наводить ${name}`,
      resolution: "Рішення:",
      receiptConfirmed: "Отримання підтверджено",
      confirmedBy: (name: string, date: string | undefined) => `(${name}${date ? `, ${date}` : ""})`,
      note: "Примітка",
      withdraw: "Відкликати",
      resolve: "Вирішити",
    },

    actions: {
      disputeFigure: "Оскаржити цю цифру",
      annotate: "Додати примітку",
      disputed: "Ваше оскарження записано; його показано поруч із цифрою.",
      annotated: "Вашу примітку записано; її показано поруч із записом.",
      closed: "Оскарження закрито; його підсумок показано поруч із цифрою.",
      signInToRemark:
        "Аналітики громадських організацій можуть оскаржувати ці цифри й додавати примітки, увійшовши в систему.",
      signIn: "Увійти",
      loadingForm: "Відкриваємо форму…",
    },

    form: {
      disputeTitle: (what: string) => `Оскаржити ${what}`,
      annotateTitle: (what: string) => `Примітка: ${what}`,
      theCommitment: "обіцяну в зобов’язанні цифру",
      theCommitmentRecord: "це зобов’язання",
      recorded: (figure: string) => `Цифра в записі: ${figure}.`,
      figure: (unit: string) => `Цифра вашої організації (${unit})`,
      figureHint:
        "Як ви пишете, наприклад 1 250 000,50 або 1250000.50. Залиште порожнім, якщо оскаржуєте не суму.",
      statement: "Причина",
      statementHint: "Що не так із цифрою в записі і звідки ви це знаєте.",
      text: "Примітка",
      sources: "Доказ",
      sourceLegend: (n: number) => `Джерело ${n}`,
      sourceTitle: "Назва",
      sourceUrl: "Вебадреса",
      sourceUrlHint: "Де можна прочитати доказ: https://…",
      sourceKind: "Тип джерела",
      addSource: "Додати ще одне джерело",
      removeSource: (n: number) => `Прибрати джерело ${n}`,
      optionalSource: "Джерело (необов’язково)",
      submitDispute: "Записати оскарження",
      submitNote: "Записати примітку",
      sending: "Записуємо…",
      cancel: "Скасувати",
      checkFields: "Перевірте позначені нижче поля: нічого не записано.",
      errors: {
        statement: "Поясніть причину: щонайменше 3 символи.",
        text: "Напишіть примітку.",
        figure: "Запишіть цифру як 1 250 000,50 або 1250000.50, у валюті чи одиницях цифри в записі.",
        sources: "Наведіть щонайменше одне джерело доказу.",
        title: "Вкажіть назву джерела.",
        url: "Вкажіть повну вебадресу, що починається з https:// або http://.",
        kind: "Виберіть тип джерела.",
        resolution: "Поясніть причину: щонайменше 3 символи.",
      },
      closeTitle: {
        withdraw: "Відкликати ваше оскарження",
        resolve: "Вирішити оскарження",
      },
      outcome: "Рішення",
      upheld: outcomeChoice("upheld", "uk"),
      rejected: outcomeChoice("rejected", "uk"),
      closeReason: "Чому",
      submitWithdraw: "Відкликати оскарження",
      submitResolve: "Вирішити оскарження",
    },

    history: {
      title: "Історія",
      lede: "Кожна версія цього зобов’язання, його графіка і стадій, а також зауважень до них: хто записав, коли і чому. Нічого не перезаписується.",
      loading: "Завантаження історії…",
      failed: (message: string) => `Не вдалося завантажити історію: ${message}`,
      caption: (n: number) => `${ukCount(n)} ${ukPlural(n, "версія", "версії", "версій")}, від найновішої.`,
      when: "Коли",
      record: "Запис",
      who: "Хто",
      change: "Що змінено",
      why: "Чому",
      changeSet: (n: number) => `набір змін ${n}`,
      version: (n: number) => `версія ${n}`,
      actions: {
        create: "Записано",
        update: "Виправлено",
        retract: "Відкликано",
        submit: "Подано",
        publish: label("workflowStatus", "published", "uk"),
        return: "Повернуто",
      },
      kinds: {
        commitment: "Це зобов’язання",
        tranche: (due: string) => `Транш із терміном ${due}`,
        event: (stage: string, date: string) => `${stage}, ${date}`,
        dispute: "Оскарження",
        confirmation: "Підтвердження отримання",
        annotation: "Примітка",
      },
      publishedProposal: (approver: string, proposer: string) =>
        `${approver}, опублікувавши пропозицію від ${proposer}`,
      firstVersion: "Перша версія",
      noChange: "Жодне поле не змінилося",
      empty: "(немає)",
      fields: {
        statement: "Причина",
        figure: "Наведена цифра",
        received: "Дата отримання",
        text: "Примітка",
        status: "Стан",
        resolution: "Рішення",
      },
    },
  },
);

export type Messages = (typeof messages)["en"];
