import { midFebruaryPact } from "./early-2024-accords.ts";

export const germanyUkraine2024 = midFebruaryPact("DE", "Germany");
