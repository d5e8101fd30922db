import { similarAccord } from "./early-2024-accords.ts";

export const netherlandsUkraine2024 = similarAccord("NL", "the Netherlands", "2024-03", "Early March 2024");
