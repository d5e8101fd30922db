import type { CommitmentDetail } from "../api.ts";

/** What the API says of a figure, as the remarks show it: an event's disputes, confirmations and notes. */
type EventView = CommitmentDetail["data"]["events"][number];
export type DisputeView = EventView["disputes"][number];
export type ConfirmationView = EventView["confirmations"][number];
export type AnnotationView = EventView["annotations"][number];
