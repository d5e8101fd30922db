import { z } from "zod";

/**
 * The taxonomy of what is promised. Dotted ids: "air_defence.interceptors" sits under "air_defence". Two ids say
 * what a source does not: "all_types" holds figures a source gives for every kind of aid together (Kiel's
 * commitments), "military" military aid the source does not break down (Kiel's military allocations, a SIPRI
 * weapon description the tracker has no category for yet).
 */
export const categoryIds = [
  "all_types",
  "funding",
  "funding.budget_support",
  "funding.military_financing",
  "funding.loans",
  "funding.grants",
  "military",
  "air_defence",
  "air_defence.systems",
  "air_defence.interceptors",
  "ammunition",
  "ammunition.artillery_155mm",
  "ammunition.artillery_152mm",
  "ammunition.artillery_122mm",
  "ammunition.artillery_105mm",
  "ammunition.mortar",
  "ammunition.tank",
  "ammunition.rockets",
  "ammunition.small_arms",
  "artillery",
  "armoured_vehicles",
  "armoured_vehicles.tanks",
  "armoured_vehicles.infantry_fighting_vehicles",
  "armoured_vehicles.personnel_carriers",
  "long_range_fires",
  "aircraft",
  "drones",
  "training",
  "intelligence",
  "cyber",
  "demining",
  "maritime",
  "defence_industrial",
  "reconstruction",
  "humanitarian",
] as const;

export const CategoryId = z
  .enum(categoryIds)
  .meta({ id: "CategoryId", description: "A category of the commitments taxonomy." });
export type CategoryId = z.infer<typeof CategoryId>;

export interface CategoryDefinition {
  id: CategoryId;
  parent: CategoryId | null;
  label: string;
}

const labels: Record<CategoryId, string> = {
  all_types: "All types, not split by the source",
  funding: "Funding lines",
  "funding.budget_support": "Budget support",
  "funding.military_financing": "Military financing",
  "funding.loans": "Loans",
  "funding.grants": "Grants",
  military: "Military aid, type not specified",
  air_defence: "Air defence",
  "air_defence.systems": "Air defence systems",
  "air_defence.interceptors": "Interceptors",
  ammunition: "Ammunition",
  "ammunition.artillery_155mm": "Artillery ammunition, 155 mm",
  "ammunition.artillery_152mm": "Artillery ammunition, 152 mm",
  "ammunition.artillery_122mm": "Artillery ammunition, 122 mm",
  "ammunition.artillery_105mm": "Artillery ammunition, 105 mm",
  "ammunition.mortar": "Mortar ammunition",
  "ammunition.tank": "Tank ammunition",
  "ammunition.rockets": "Rockets",
  "ammunition.small_arms": "Small-arms ammunition",
  artillery: "Artillery",
  armoured_vehicles: "Armoured vehicles",
  "armoured_vehicles.tanks": "Tanks",
  "armoured_vehicles.infantry_fighting_vehicles": "Infantry fighting vehicles",
  "armoured_vehicles.personnel_carriers": "Armoured personnel carriers",
  long_range_fires: "Long-range fires",
  aircraft: "Aircraft",
  drones: "Drones",
  training: "Training",
  intelligence: "Intelligence",
  cyber: "Cyber",
  demining: "Demining",
  maritime: "Maritime",
  defence_industrial: "Defence-industrial production",
  reconstruction: "Reconstruction",
  humanitarian: "Humanitarian",
};

export const categories: readonly CategoryDefinition[] = categoryIds.map((id) => {
  const dot = id.lastIndexOf(".");
  return { id, parent: dot === -1 ? null : (id.slice(0, dot) as CategoryId), label: labels[id] };
});

/** The top-level category a category rolls up to ("ammunition.tank" → "ammunition"). */
export function topCategory(id: CategoryId): CategoryId {
  return id.split(".")[0] as CategoryId;
}
