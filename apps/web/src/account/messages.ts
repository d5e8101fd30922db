import type { Action, OrganisationKind, Role } from "@commitments/core/access";
import { roles } from "@commitments/core/vocabulary";
import { formatInteger, pluralUk } from "../format.ts";
import { type Lang, localised } from "../i18n/index.ts";
import { labelsOf, words } from "../i18n/vocabulary.ts";

/** Each role's name and what it may do, in the vocabulary's words. */
const rolesIn = (lang: Lang) =>
  Object.fromEntries(roles.map((role) => [role, words("role", role, lang)])) as Record<
    Role,
    { label: string; description: string }
  >;

/**
 * Core's reasons for refusing an action, in Ukrainian. Core speaks English (the API answers with these words), so
 * the page translates them by their text; a reason not listed here is shown as core gave it.
 */
const reasonsUk: Record<string, string> = {
  "sign in first: the public reads published data only":
    "спершу увійдіть: без облікового запису можна лише читати опубліковані дані",
  "this API token may only read": "цей токен API дозволяє лише читати",
  "tokens are managed by a signed-in person, not by another token":
    "токенами керує людина, що увійшла, а не інший токен",
  "only your own organisation's tokens": "лише токени вашої організації",
  "only a ministry editor may change records": "змінювати записи може лише редактор міністерства",
  "a published record is corrected, with a reason, not edited":
    "опублікований запис не редагують, а виправляють із зазначенням причини",
  "only a published record is corrected; a draft is edited":
    "виправляють лише опублікований запис; чернетку редагують",
  "only a draft can be submitted": "подати на затвердження можна лише чернетку",
  "only a ministry approver may publish or return a record":
    "опублікувати або повернути запис на доопрацювання може лише затверджувач міністерства",
  "a ministry may only publish its own country's records":
    "міністерство може публікувати лише записи своєї країни",
  "an approver publishes its own organisation's drafts only":
    "затверджувач публікує лише чернетки власної організації",
  "only a submitted record can be published or returned":
    "опублікувати або повернути можна лише запис, поданий на затвердження",
  "a published record is retracted through a proposal its ministry's approver publishes":
    "опублікований запис відкликають через пропозицію, яку публікує затверджувач міністерства",
  "a ministry changes its own organisation's drafts only":
    "міністерство змінює лише чернетки власної організації",
  "a published record changes through a proposal its ministry's approver publishes":
    "опублікований запис змінюють через пропозицію, яку публікує затверджувач міністерства",
  "only a ministry approver may publish or return a proposal":
    "опублікувати або повернути пропозицію може лише затверджувач міністерства",
  "an approver decides its own organisation's proposals only":
    "затверджувач вирішує лише щодо пропозицій власної організації",
  "only a submitted proposal can be published or returned":
    "опублікувати або повернути можна лише подану пропозицію",
  "only analysts, verifiers and ministry editors may dispute a record":
    "оскаржити запис можуть лише аналітики, верифікатори та редактори міністерств",
  "only the organisation that opened a dispute may withdraw it":
    "відкликати оскарження може лише організація, що його подала",
  "only NGO analysts may annotate": "коментувати можуть лише аналітики громадських організацій",
  "only the recipient's verifiers may confirm receipt":
    "отримання підтверджують лише верифікатори отримувача",
  "a verifier confirms deliveries to its own country only":
    "верифікатор підтверджує лише поставки до своєї країни",
  "only the tracker's administrators may do this": "це можуть робити лише адміністратори трекера",
};

function reasonUk(reason: string): string {
  const own = reason.match(/^a ministry may only change its own country's records \((.+)\)$/);
  if (own)
    return `міністерство може змінювати лише записи своєї країни (${own[1] === "none" ? "жодної" : own[1]})`;
  return reasonsUk[reason] ?? reason;
}

/** The account area's strings: sign-in, the account page, API tokens, and what a role may do. */
export const messages = localised(
  {
    nav: {
      label: "Account",
      demo: "Demo",
      importFile: "Import a file",
      account: "Account",
      signIn: "Sign in",
    },
    breadcrumb: "Breadcrumb",
    back: "← The ladder and all commitments",
    account: {
      title: "Your account",
      sessionFailed: (message: string) => `Could not load your session: ${message}`,
      loading: "Loading your account…",
      notSignedIn: "You are not signed in.",
      signIn: "Sign in",
      notSignedInTail: "to record or check commitments; reading needs no account.",
      you: "You",
      name: "Name",
      email: "E-mail",
      organisation: "Organisation",
      kind: "Kind",
      country: "Country",
      sessionEnds: "Session ends",
      demoTitle: "DEMO organisation.",
      demoText: "This account is for trying the tracker out: it speaks for no real ministry or NGO.",
      rolesTitle: "Your roles",
      noRoles: "No roles: you read published data, as everyone can.",
      canTitle: "What you can do",
      nothing: "Nothing beyond reading published data, as everyone can.",
      canLead: "You can:",
      cannotTitle: "What you cannot do, and why",
      cannot: (label: string, reason: string) => `You cannot ${label}: ${reason}.`,
      rulesHint:
        "Worked out by the same rules the API applies; the API still checks each record you act on (a published record, for one, is corrected with a reason rather than edited).",
      importTitle: "Importing",
      importLead: "Many records at once, from the tracker's template or from SIPRI, Kiel or IATI files:",
      importLink: "Import a file",
      workspaceTitle: "Workspace",
      workspaceLead: "Your ministry's drafts, what waits for approval, and forms for new records:",
      workspaceLink: "Ministry workspace",
    },
    signOut: {
      title: "Signing out",
      done: "You have signed out.",
      everywhereDone: (n: number) =>
        `You have signed out everywhere: ${formatInteger(n, "en")} ${n === 1 ? "session" : "sessions"} ended.`,
      failed: (message: string) => `Could not sign out: ${message}`,
      signOut: "Sign out",
      everywhere: "Sign out everywhere",
      hint: "“Sign out everywhere” ends every session of yours, on every browser. API tokens keep working until they are revoked or expire.",
    },
    signIn: {
      title: "Sign in",
      enterEmail: "Enter your e-mail address",
      enterPassword: "Enter your password",
      wrong: "Wrong e-mail or password",
      emailProblem: (message: string) => `E-mail: ${message}`,
      passwordProblem: (message: string) => `Password: ${message}`,
      signedInAs: (name: string) => `You are signed in as ${name}.`,
      goToAccount: "Go to your account",
      lede: "For the people of partner ministries, the Ukrainian government, NGOs and the tracker's maintainers, who record and check commitments. Reading needs no account.",
      email: "E-mail",
      password: "Password",
      signingIn: "Signing in…",
      submit: "Sign in",
      hint: "Accounts are created by the tracker's administrators. The session ends after a while, or when you sign out.",
    },
    tokens: {
      title: "API tokens",
      lede: "For programs that upload to the tracker on your organisation's behalf. A token acts with your roles, except publishing, which stays a person's decision. Reading needs no token.",
      access: labelsOf("tokenScope", "en"),
      loadFailed: (message: string) => `Could not load the tokens: ${message}`,
      loading: "Loading the tokens…",
      none: "Your organisation has no API tokens yet.",
      caption: (n: number) =>
        `${formatInteger(n, "en")} ${n === 1 ? "token" : "tokens"}, newest first. Only the first characters of each are kept, to tell them apart.`,
      columns: {
        name: "Name",
        begins: "Begins",
        scopes: "Scopes",
        created: "Created",
        expires: "Expires",
        lastUsed: "Last used",
        status: "Status",
      },
      never: "Never",
      revokedAt: "Revoked",
      expired: "Expired",
      active: "Active",
      refusedAtOnce: "Programs using it are refused at once.",
      revokeNow: "Revoke now",
      keep: "Keep it",
      revoke: "Revoke",
      revokeLabel: (name: string) => `Revoke the token “${name}”`,
      revokeFailed: (message: string) => `Could not revoke it: ${message}`,
      createTitle: "Create a token",
      createFailed: (message: string) => `Could not create the token: ${message}`,
      nameMissing: "Give the token a name, to know later what uses it",
      daysWrong: "A whole number of days, from 1 to 366: every token expires",
      name: "Name",
      nameHint: "What will use it, e.g. “Nightly upload from the ministry's database”.",
      scopes: "Scopes",
      days: "Expires in (days)",
      daysHint: "From 1 to 366.",
      creating: "Creating…",
      create: "Create token",
      newTitle: (name: string) => `Your new token “${name}”`,
      copyNow: "Copy it now: it will not be shown again.",
      keepSafe: "Keep it as you would a password. If it is lost, revoke it and create another.",
      newLabel: "New API token",
      copy: "Copy",
      copied: "Copied to the clipboard.",
      copyFailed: "The browser did not allow copying: the token is selected, copy it with Ctrl+C (⌘C).",
      done: "I have copied it",
    },
    organisationKinds: labelsOf("organisationKind", "en") satisfies Record<OrganisationKind, string>,
    roles: rolesIn("en"),
    abilities: {
      "record.create": (country: string | null) =>
        `record and correct ${country ? `${country}'s` : "any donor's"} commitments, schedules and deliveries`,
      "record.publish": () => "publish the drafts your organisation submitted",
      "delivery.confirm": () => "confirm deliveries as received",
      "dispute.open": () => "dispute a record",
      "annotation.create": () => "annotate records",
      "reference.edit": () => "edit the reference data: parties, agreements, categories",
      "rates.load": () => "load exchange rates",
      "organisation.manage": () => "manage organisations and their accounts",
      "token.manage": () => "create and revoke your organisation's API tokens",
    } satisfies Partial<Record<Action, (country: string | null) => string>>,
    /** Core's reason for a refusal, as the reader reads it. */
    reason: (reason: string) => reason,
  },
  {
    nav: {
      label: "Обліковий запис",
      demo: "Демо",
      importFile: "Імпортувати файл",
      account: "Обліковий запис",
      signIn: "Увійти",
    },
    breadcrumb: "Навігаційний ланцюжок",
    back: "← Драбина гарантій і всі зобов’язання",
    account: {
      title: "Ваш обліковий запис",
      sessionFailed: (message: string) => `Не вдалося завантажити сеанс: ${message}`,
      loading: "Завантаження облікового запису…",
      notSignedIn: "Ви не увійшли.",
      signIn: "Увійдіть",
      notSignedInTail: "щоб вносити або перевіряти зобов’язання; для читання обліковий запис не потрібен.",
      you: "Ви",
      name: "Ім’я",
      email: "Електронна пошта",
      organisation: "Організація",
      kind: "Тип",
      country: "Країна",
      sessionEnds: "Сеанс завершиться",
      demoTitle: "ДЕМО-організація.",
      demoText:
        "Цей обліковий запис призначений для ознайомлення з трекером: він не представляє жодного справжнього міністерства чи громадської організації.",
      rolesTitle: "Ваші ролі",
      noRoles: "Жодної ролі: ви читаєте опубліковані дані, як і всі.",
      canTitle: "Що ви можете робити",
      nothing: "Нічого, крім читання опублікованих даних, як і всі.",
      canLead: "Ви можете:",
      cannotTitle: "Чого ви не можете робити і чому",
      cannot: (label: string, reason: string) => `Ви не можете ${label}: ${reason}.`,
      rulesHint:
        "Визначено за тими самими правилами, що їх застосовує API; API все одно перевіряє кожен запис, з яким ви працюєте (наприклад, опублікований запис не редагують, а виправляють із зазначенням причини).",
      importTitle: "Імпорт",
      importLead: "Багато записів одразу — із шаблону трекера або з файлів SIPRI, Kiel чи IATI:",
      importLink: "Імпортувати файл",
      workspaceTitle: "Робочий простір",
      workspaceLead:
        "Чернетки вашого міністерства, записи, що чекають на затвердження, і форми для нових записів:",
      workspaceLink: "Робочий простір міністерства",
    },
    signOut: {
      title: "Вихід",
      done: "Ви вийшли.",
      everywhereDone: (n: number) =>
        `Ви вийшли на всіх пристроях: завершено ${formatInteger(n, "uk")} ${pluralUk(n, "сеанс", "сеанси", "сеансів")}.`,
      failed: (message: string) => `Не вдалося вийти: ${message}`,
      signOut: "Вийти",
      everywhere: "Вийти на всіх пристроях",
      hint: "«Вийти на всіх пристроях» завершує всі ваші сеанси в усіх браузерах. Токени API діють, доки їх не відкличуть або не спливе їхній строк.",
    },
    signIn: {
      title: "Вхід",
      enterEmail: "Введіть адресу електронної пошти",
      enterPassword: "Введіть пароль",
      wrong: "Неправильна електронна пошта або пароль",
      emailProblem: (message: string) => `Електронна пошта: ${message}`,
      passwordProblem: (message: string) => `Пароль: ${message}`,
      signedInAs: (name: string) => `Ви увійшли як ${name}.`,
      goToAccount: "Перейти до облікового запису",
      lede: "Для працівників міністерств країн-партнерів, українського уряду, громадських організацій і команди трекера, які вносять і перевіряють зобов’язання. Для читання обліковий запис не потрібен.",
      email: "Електронна пошта",
      password: "Пароль",
      signingIn: "Вхід…",
      submit: "Увійти",
      hint: "Облікові записи створюють адміністратори трекера. Сеанс завершується через деякий час або коли ви виходите.",
    },
    tokens: {
      title: "Токени API",
      lede: "Для програм, що завантажують дані до трекера від імені вашої організації. Токен діє з вашими ролями, окрім публікації: її завжди вирішує людина. Для читання токен не потрібен.",
      access: labelsOf("tokenScope", "uk"),
      loadFailed: (message: string) => `Не вдалося завантажити токени: ${message}`,
      loading: "Завантаження токенів…",
      none: "У вашої організації ще немає токенів API.",
      caption: (n: number) =>
        `${formatInteger(n, "uk")} ${pluralUk(n, "токен", "токени", "токенів")}, спершу найновіші. Зберігаються лише перші символи кожного, щоб їх розрізняти.`,
      columns: {
        name: "Назва",
        begins: "Починається з",
        scopes: "Дозволи",
        created: "Створено",
        expires: "Спливає",
        lastUsed: "Востаннє використано",
        status: "Стан",
      },
      never: "Ніколи",
      revokedAt: "Відкликано",
      expired: "Строк сплив",
      active: "Діє",
      refusedAtOnce: "Програмам, що ним користуються, буде одразу відмовлено.",
      revokeNow: "Відкликати зараз",
      keep: "Залишити",
      revoke: "Відкликати",
      revokeLabel: (name: string) => `Відкликати токен «${name}»`,
      revokeFailed: (message: string) => `Не вдалося відкликати: ${message}`,
      createTitle: "Створити токен",
      createFailed: (message: string) => `Не вдалося створити токен: ${message}`,
      nameMissing: "Дайте токену назву, щоб згодом знати, що ним користується",
      daysWrong: "Ціле число днів від 1 до 366: строк дії кожного токена обмежений",
      name: "Назва",
      nameHint: "Що ним користуватиметься, наприклад «Нічне завантаження з бази даних міністерства».",
      scopes: "Дозволи",
      days: "Діє (днів)",
      daysHint: "Від 1 до 366.",
      creating: "Створення…",
      create: "Створити токен",
      newTitle: (name: string) => `Ваш новий токен «${name}»`,
      copyNow: "Скопіюйте його зараз: більше його не буде показано.",
      keepSafe: "Зберігайте його як пароль. Якщо його втрачено, відкличте його і створіть інший.",
      newLabel: "Новий токен API",
      copy: "Копіювати",
      copied: "Скопійовано в буфер обміну.",
      copyFailed: "Браузер не дозволив копіювання: токен виділено, скопіюйте його клавішами Ctrl+C (⌘C).",
      done: "Я його скопіював(-ла)",
    },
    organisationKinds: labelsOf("organisationKind", "uk"),
    roles: rolesIn("uk"),
    abilities: {
      "record.create": (country: string | null) =>
        `вносити й виправляти зобов’язання, графіки та поставки ${country ? `донора «${country}»` : "будь-якого донора"}`,
      "record.publish": () => "публікувати чернетки, подані вашою організацією",
      "delivery.confirm": () => "підтверджувати отримання поставок",
      "dispute.open": () => "оскаржувати записи",
      "annotation.create": () => "коментувати записи",
      "reference.edit": () => "редагувати довідкові дані: сторони, угоди, категорії",
      "rates.load": () => "завантажувати обмінні курси",
      "organisation.manage": () => "керувати організаціями та їхніми обліковими записами",
      "token.manage": () => "створювати й відкликати токени API вашої організації",
    },
    reason: reasonUk,
  },
);

export type AccountMessages = typeof messages.en;
