import type { Terms } from "./terms.ts";

/** The words of accounts and the workflow; the rules that use them are in ../access.ts. */

export const organisationKinds = [
  "partner_ministry",
  "beneficiary_ministry",
  "ngo",
  "newsroom",
  "maintainers",
] as const;

export const organisationKindTerms: Terms<(typeof organisationKinds)[number]> = {
  partner_ministry: {
    en: {
      label: "Partner ministry",
      description: "A ministry of a donor country, keeping its own country's records.",
    },
    uk: {
      label: "Міністерство країни-партнера",
      description: "Міністерство країни-донора, що веде записи своєї країни.",
    },
  },
  beneficiary_ministry: {
    en: {
      label: "Beneficiary ministry",
      description: "A ministry of the receiving country, confirming receipt.",
    },
    uk: {
      label: "Міністерство країни-отримувача",
      description: "Міністерство країни-отримувача, що підтверджує отримання.",
    },
  },
  ngo: {
    en: { label: "NGO", description: "A non-governmental organisation that checks and annotates records." },
    uk: {
      label: "Громадська організація",
      description: "Неурядова організація, що перевіряє записи й додає до них примітки.",
    },
  },
  newsroom: {
    en: { label: "Newsroom", description: "A newsroom that reads and cites the tracker." },
    uk: { label: "Редакція ЗМІ", description: "Редакція, що читає трекер і посилається на нього." },
  },
  maintainers: {
    en: {
      label: "The tracker's maintainers",
      description: "The people who maintain the tracker, its reference data and its accounts.",
    },
    uk: {
      label: "Команда трекера",
      description: "Ті, хто підтримує трекер, його довідкові дані та облікові записи.",
    },
  },
};

export const roles = [
  "ngo_analyst",
  "ministry_editor",
  "ministry_approver",
  "recipient_verifier",
  "administrator",
] as const;

export const roleTerms: Terms<(typeof roles)[number]> = {
  ngo_analyst: {
    en: { label: "NGO analyst", description: "Annotates and disputes records." },
    uk: { label: "Аналітик громадської організації", description: "Коментує й оскаржує записи." },
  },
  ministry_editor: {
    en: {
      label: "Ministry editor",
      description: "Creates and corrects its own country's records, and submits them.",
    },
    uk: {
      label: "Редактор міністерства",
      description: "Створює й виправляє записи своєї країни та подає їх на затвердження.",
    },
  },
  ministry_approver: {
    en: {
      label: "Ministry approver",
      description: "Publishes the drafts and corrections its own organisation submitted.",
    },
    uk: {
      label: "Затверджувач міністерства",
      description: "Публікує чернетки й виправлення, подані власною організацією.",
    },
  },
  recipient_verifier: {
    en: { label: "Recipient verifier", description: "Confirms or disputes deliveries as received." },
    uk: { label: "Верифікатор отримувача", description: "Підтверджує або оскаржує отримання поставок." },
  },
  administrator: {
    en: { label: "Administrator", description: "Maintains the tracker, its reference data and accounts." },
    uk: { label: "Адміністратор", description: "Підтримує трекер, його довідкові дані та облікові записи." },
  },
};

/** API token scopes: a token reads, or reads and writes, on behalf of its organisation. */
export const tokenScopes = ["read", "write"] as const;

export const tokenScopeTerms: Terms<(typeof tokenScopes)[number]> = {
  read: {
    en: { label: "Read only", description: "Reads what the organisation may read." },
    uk: { label: "Лише читання", description: "Читає те, що може читати організація." },
  },
  write: {
    en: {
      label: "Read and write (uploads)",
      description: "Also uploads and changes records, with its creator's roles except approval.",
    },
    uk: {
      label: "Читання й запис (завантаження)",
      description: "Також завантажує й змінює записи, з ролями свого творця, окрім затвердження.",
    },
  },
};

export const workflowStatuses = ["draft", "submitted", "published"] as const;

export const workflowStatusTerms: Terms<(typeof workflowStatuses)[number]> = {
  draft: {
    en: {
      label: "Draft",
      description: "Seen only by the ministry that keeps it; its editors may still change it.",
    },
    uk: {
      label: "Чернетка",
      description: "Її бачить лише міністерство, що її веде; редактори ще можуть її змінити.",
    },
  },
  submitted: {
    en: {
      label: "Submitted for approval",
      description: "Waits for an approver of the ministry, who publishes it or returns it to draft.",
    },
    uk: {
      label: "Подано на затвердження",
      description: "Чекає на затверджувача міністерства, який його опублікує або поверне на доопрацювання.",
    },
  },
  published: {
    en: { label: "Published", description: "Public: corrected with a reason, never unpublished." },
    uk: {
      label: "Опубліковано",
      description: "Публічний запис: його виправляють із зазначенням причини, але не знімають.",
    },
  },
};
