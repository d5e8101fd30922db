import { midFebruaryPact } from "./early-2024-accords.ts";

export const franceUkraine2024 = midFebruaryPact("FR", "France");
