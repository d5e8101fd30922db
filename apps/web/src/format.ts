import type { Measure, PartialDate } from "@commitments/core";

/**
 * Formats an exact decimal string without passing it through a float (Intl accepts decimal strings). Compact
 * ("€5bn") for headlines; `exact` gives every digit the source gave ("€5,000,000,000"), for tables of figures.
 */
export function formatMeasure(measure: Measure, { exact = false }: { exact?: boolean } = {}): string {
  if (measure.kind === "money") {
    return new Intl.NumberFormat("en-GB", {
      style: "currency",
      currency: measure.currency,
      // Whole amounts without ".00"; fractional ones keep at least the currency's minor digits ("€1,250,000.50").
      ...(exact
        ? { maximumFractionDigits: 10, ...(measure.amount.includes(".") ? {} : { minimumFractionDigits: 0 }) }
        : { notation: "compact", minimumFractionDigits: 0, maximumFractionDigits: 2 }),
    }).format(measure.amount as unknown as number);
  }
  const count = new Intl.NumberFormat("en-GB").format(measure.count as unknown as number);
  return `${count} ${measure.item} (${measure.unit.replace("_", " ")})`;
}

const monthNames = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "2024-02" reads "February 2024": no more precision than the source gave. */
export function formatPartialDate(date: PartialDate): string {
  const [year, month, day] = date.split("-");
  if (!month) return year as string;
  const name = monthNames[Number(month) - 1];
  return day ? `${Number(day)} ${name} ${year}` : `${name} ${year}`;
}

export function humanise(id: string): string {
  const text = id.replaceAll("_", " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** An ISO timestamp as a reader would cite it: "14 May 2025, 10:32 UTC". */
export function formatTimestamp(iso: string): string {
  return `${formatPartialDate(iso.slice(0, 10))}, ${iso.slice(11, 16)} UTC`;
}

/** A ratio the API computed (0.375) as a share: "37.5%". */
export function formatRatio(ratio: number): string {
  return new Intl.NumberFormat("en-GB", { style: "percent", maximumFractionDigits: 1 }).format(ratio);
}

/** An exact amount in the same measure as another: the API gives fulfilment figures as bare decimals. */
export function inMeasureOf(measure: Measure, amount: string): Measure {
  return measure.kind === "money" ? { ...measure, amount } : { ...measure, count: amount };
}
