import type { Measure, PartialDate } from "@commitments/core";

/** Formats an exact decimal string without passing it through a float (Intl accepts decimal strings). */
export function formatMeasure(measure: Measure): string {
  if (measure.kind === "money") {
    return new Intl.NumberFormat("en-GB", {
      style: "currency",
      currency: measure.currency,
      notation: "compact",
      maximumFractionDigits: 2,
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
