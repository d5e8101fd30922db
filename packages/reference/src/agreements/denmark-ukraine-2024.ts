import { similarAccord } from "./early-2024-accords.ts";

export const denmarkUkraine2024 = similarAccord("DK", "Denmark", "2024-02", "Late February 2024");
