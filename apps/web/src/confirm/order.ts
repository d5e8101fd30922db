/**
 * Orders partial dates as core's `comparePartialDates` does ("2024" before "2024-01" before "2024-01-01" before
 * "2024-02"), which for ISO partial dates is their order as text: the header's count of deliveries to confirm
 * keeps zod out of the first page's JavaScript.
 */
export const comparePartialDateText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Deliveries the oldest first, by id on the same date, so the queue's order is the same on every reading. */
export function oldestFirst<T extends { date: string; id: string }>(items: T[]): T[] {
  return items.sort((a, b) => comparePartialDateText(a.date, b.date) || comparePartialDateText(a.id, b.id));
}
