import { isId, label } from "@commitments/core/vocabulary";
import { type ChartLang, categoryName, labels, tierName, unitName } from "./labels.ts";
import type { ChartGroup, ChartKind, ChartSeries, SeriesGroupBy } from "./types.ts";

/** The filters of a series query, as GET /v1/series takes them: what a chart's title and file name say. */
export interface ChartFilters {
  groupBy?: SeriesGroupBy | undefined;
  measure?: "money" | "quantity" | undefined;
  unit?: string | undefined;
  donor?: string | undefined;
  category?: string | undefined;
  tier?: string | undefined;
  agreement?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** The stages the series counts (GET /v1/series `promisedStage`, `deliveredStage`), when the caller knows them. */
  promisedStage?: string | undefined;
  deliveredStage?: string | undefined;
}

/** Names the caller looked up in the chart's language (a party's `name` or `nameUk`, an agreement's short title). */
export interface ChartNames {
  donor?: string | undefined;
  agreement?: string | undefined;
}

/**
 * A readable title from the filters: "Promised and delivered: Germany, Air defence, by donor, 2024–2025",
 * «Обіцяно і поставлено: Німеччина, Протиповітряна оборона, за донорами, 2024–2025». Ids stand in for names
 * the caller did not give.
 */
export function chartTitle(filters: ChartFilters, lang: ChartLang, names: ChartNames = {}): string {
  const l = labels[lang];
  const parts: string[] = [];
  if (filters.donor) parts.push(names.donor ?? filters.donor);
  if (filters.category) parts.push(categoryName(filters.category, lang));
  if (filters.tier) {
    parts.push(
      filters.tier === "none" ? tierName("none", lang) : `${tierName(filters.tier, lang)} ${l.tierSuffix}`,
    );
  }
  if (filters.agreement) parts.push(names.agreement ?? filters.agreement);
  if (filters.unit) parts.push(unitName(filters.unit, lang));
  if (filters.groupBy && filters.groupBy !== "all") parts.push(l.by[filters.groupBy]);
  if (filters.from && filters.to)
    parts.push(filters.from === filters.to ? filters.from : `${filters.from}–${filters.to}`);
  else if (filters.from) parts.push(l.fromPeriod(filters.from));
  else if (filters.to) parts.push(l.toPeriod(filters.to));
  const base = titleBase(filters, lang);
  return parts.length ? `${base}: ${parts.join(", ")}` : base;
}

/**
 * "Promised and delivered", or the stages the series counts when they are others: a chart of Kiel's figures is
 * "Promised and allocated", never "delivered", since Kiel reports allocations.
 */
function titleBase(filters: ChartFilters, lang: ChartLang): string {
  const l = labels[lang];
  const promised = filters.promisedStage ?? "committed";
  const delivered = filters.deliveredStage ?? "delivered";
  if (promised === "committed" && delivered === "delivered") return l.titleBase;
  const word = (stage: string, usual: string, fallback: string) =>
    stage === usual || !isId("stage", stage) ? fallback : label("stage", stage, lang);
  return l.titleStages(
    word(promised, "committed", l.promised),
    word(delivered, "delivered", l.delivered).toLocaleLowerCase(lang),
  );
}

/**
 * What the figures are: cumulative or per period, the interval, the currency and how it was converted (or the
 * unit), and the stages counted when they are not the usual committed and delivered.
 */
export function chartSubtitle(series: ChartSeries, kind: ChartKind, lang: ChartLang): string {
  const l = labels[lang];
  const parts = [kind === "cumulative" ? l.cumulativeBy[series.interval] : l.perPeriod[series.interval]];
  if (series.measure === "money") {
    const conversion = series.conversion;
    if (!conversion) parts.push(l.originalCurrencies);
    else if (conversion.convention === "fixed_date" && conversion.rateDate)
      parts.push(l.convertedAtFixedDate(conversion.currency, conversion.rateDate));
    else parts.push(l.convertedAtEventDate(conversion.currency));
  } else {
    parts.push(series.unit ? l.quantitiesIn(unitName(series.unit, lang)) : l.quantitiesPerUnit);
  }
  if (series.promisedStage !== "committed" || series.deliveredStage !== "delivered") {
    parts.push(
      l.stagesCounted(stageName(series.promisedStage, lang), stageName(series.deliveredStage, lang)),
    );
  }
  return parts.join(" · ");
}

/** A stage's name as it stands inside the subtitle's sentence: "promised = pledged". */
export function stageName(stage: string, lang: ChartLang): string {
  return isId("stage", stage) ? label("stage", stage, lang).toLowerCase() : stage;
}

/**
 * A group's name in the chart's language: the caller's name for it, else the package's own for the keys it
 * knows (all, none, categories, tiers), else the series' label; with its currency or unit when the series
 * keeps them apart.
 */
export function groupName(
  group: Pick<ChartGroup, "key" | "label" | "currency" | "unit">,
  groupBy: SeriesGroupBy,
  lang: ChartLang,
  groupLabels: Readonly<Record<string, string>> = {},
): string {
  const l = labels[lang];
  let name = group.label;
  if (Object.hasOwn(groupLabels, group.key)) name = groupLabels[group.key] as string;
  else if (group.key === "all" && groupBy === "all") name = l.allCommitments;
  else if (group.key === "none" && (groupBy === "agreement" || groupBy === "tier")) name = l.noAgreement;
  else if (groupBy === "category" && isId("category", group.key)) name = categoryName(group.key, lang);
  else if (groupBy === "tier" && isId("tier", group.key)) name = tierName(group.key, lang);
  if (group.currency) return `${name} (${group.currency})`;
  if (group.unit) return `${name} (${unitName(group.unit, lang)})`;
  return name;
}

/**
 * A file name for a downloaded chart that says what it shows and which dataset version:
 * "commitments-tracker-chart-cumulative-by-donor-air-defence-v42.svg". ASCII only, whatever the language.
 */
export function chartFileName(o: {
  kind: ChartKind;
  filters: ChartFilters;
  datasetVersion: number;
  format: "svg" | "png";
}): string {
  const f = o.filters;
  const parts = [
    "commitments-tracker-chart",
    o.kind,
    f.groupBy && f.groupBy !== "all" ? `by-${f.groupBy}` : undefined,
    f.donor,
    f.category,
    f.tier,
    f.agreement,
    f.unit,
    f.from,
    f.to && f.to !== f.from ? f.to : undefined,
    `v${o.datasetVersion}`,
  ];
  const slug = parts
    .filter((part): part is string => part !== undefined && part !== "")
    .map((part) =>
      part
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+|-+$/g, ""),
    )
    .filter((part) => part !== "")
    .join("-");
  return `${slug}.${o.format}`;
}
