import { localised } from "./index.ts";
import { label } from "./vocabulary.ts";

/** Strings the whole interface shares: the site's frame and navigation. */
export const common = localised(
  {
    siteName: "Commitments tracker",
    tagline: "What was promised to Ukraine, and what has arrived.",
    skipToContent: "Skip to content",
    mainNav: "Main",
    nav: {
      dashboard: "Dashboard",
      donors: "Donors",
      guarantors: "Guarantors",
      agreements: "Agreements",
      commitments: "Commitments",
      watch: "Watch list",
      workspace: "Workspace",
    },
    language: "Language",
    loading: "Loading…",
    failed: (message: string) => `Could not load this: ${message}`,
    footer: {
      lead: "Every figure carries its source. Data:",
      reference: "API reference",
      openapi: "OpenAPI 3.1 document",
      dictionary: "Data dictionary",
    },
    synthetic: "Synthetic demo data — not real figures",
    estimated: label("confidence", "estimated", "en"),
    disputed: label("confidence", "disputed", "en"),
    pageSuffix: "Commitments tracker",
  },
  {
    siteName: "Трекер зобов’язань",
    tagline: "Що пообіцяли Україні і що вже надійшло.",
    skipToContent: "Перейти до змісту",
    mainNav: "Головне меню",
    nav: {
      dashboard: "Огляд",
      donors: "Донори",
      guarantors: "Гаранти",
      agreements: "Угоди",
      commitments: "Зобов’язання",
      watch: "Список спостереження",
      workspace: "Робочий простір",
    },
    language: "Мова",
    loading: "Завантаження…",
    failed: (message: string) => `Не вдалося завантажити: ${message}`,
    footer: {
      lead: "Кожна цифра має джерело. Дані:",
      reference: "Довідник API",
      openapi: "Документ OpenAPI 3.1",
      dictionary: "Словник даних",
    },
    synthetic: "Синтетичні демонстраційні дані — не реальні цифри",
    estimated: label("confidence", "estimated", "uk"),
    disputed: label("confidence", "disputed", "uk"),
    pageSuffix: "Трекер зобов’язань",
  },
);
