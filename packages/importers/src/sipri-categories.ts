import type { CategoryId } from "@commitments/core";

/**
 * Every weapon description SIPRI's trade register uses (all recipients, the export of 13 March 2025), and the
 * tracker category each is filed under. Looked up without regard to case: SIPRI writes "Armoured supply vehicle" as
 * well as "armoured supply vehicle". A description not listed here (a later export's new one) is imported as
 * "military" with a warning naming it, to be added here.
 *
 * Judgement calls, applied throughout:
 * - What a weapon does, not what carries it: air-to-air missiles are interceptors (in Ukraine they are fired from
 *   ground-based air defence as well as aircraft); radars and sensors of air defence are air defence systems.
 * - Guided munitions the taxonomy has no finer category for (air-to-surface, anti-tank and anti-radar missiles,
 *   guided bombs and shells) are ammunition; guided rockets are rockets; ballistic and land-attack missiles and
 *   their launchers are long-range fires (and see `sipriDesignationCategories` for cruise missiles SIPRI files as
 *   air-to-surface missiles).
 * - Everything of navies (ships, boats, submarines, their guns, sonars, torpedoes, anti-ship missiles, naval SAM
 *   systems and coastal defence against ships) is maritime.
 * - Manned aircraft and helicopters of every role are aircraft; unmanned ones and loitering munitions are drones;
 *   satellites and stand-alone intelligence and surveillance systems are intelligence.
 * - Components SIPRI lists as transfers of their own (engines, turrets, chassis, radars and sensors for aircraft
 *   built elsewhere) are defence-industrial supply, never the vehicles or aircraft they go into.
 */
export const sipriWeaponCategories: Readonly<Record<string, CategoryId>> = {
  // Air defence: systems and their radars
  "ABM system": "air_defence.systems",
  "ABM/SAM system": "air_defence.systems",
  "SAM system": "air_defence.systems",
  "mobile SAM system": "air_defence.systems",
  "SAM system radar": "air_defence.systems",
  "air-defence system": "air_defence.systems",
  "self-propelled AD system": "air_defence.systems",
  "self-propelled air-defence system": "air_defence.systems",
  "anti-aircraft gun": "air_defence.systems",
  "anti-aircraft gun system": "air_defence.systems",
  "anti-aircraft gun/SAM system": "air_defence.systems",
  "self-propelled anti-aircraft gun": "air_defence.systems",
  "air search radar": "air_defence.systems",
  "air search system": "air_defence.systems", // passive sensors (VERA-E, Kolchuga) that find aircraft
  "air-search/fire-control radar": "air_defence.systems",
  "fire-control/air-search radar": "air_defence.systems",
  "fire control radar": "air_defence.systems",
  "fire-control radar": "air_defence.systems",
  "height-finding radar": "air_defence.systems",
  "multi-function radar": "air_defence.systems",
  "multi-role radar": "air_defence.systems",

  // Air defence: interceptors
  "ABM missile": "air_defence.interceptors",
  SAM: "air_defence.interceptors",
  "SAM/ABM": "air_defence.interceptors",
  "portable SAM": "air_defence.interceptors",
  "long-range air-to-air missile": "air_defence.interceptors",
  "long-range air-to-air missile/SAM": "air_defence.interceptors",
  "short-range air-to-air missile": "air_defence.interceptors",
  // LMM Martlet: in Ukraine fired from Stormer air-defence vehicles at drones.
  "anti-ship missile/ASM/SAM": "air_defence.interceptors",

  // Ammunition: guided munitions without a finer category
  "air-to-surface missile": "ammunition",
  "anti-radar missile": "ammunition",
  "anti-radar missile/ASM": "ammunition",
  "anti-tank missile": "ammunition",
  "anti-tank/air-to-surface missile": "ammunition",
  "air-to-surface/surface-to-surface missile": "ammunition", // Spike-NLOS, a long-range anti-tank missile
  "guided bomb": "ammunition",
  "guided glide bomb": "ammunition",
  "guided shell": "ammunition", // Excalibur, SMART-155, Vulcano: calibre not in the description
  "guided rocket": "ammunition.rockets",
  "guided rocket/air-to-surface missile": "ammunition.rockets",

  // Long-range fires
  "surface-to-surface missile": "long_range_fires",
  "surface-to-surface missile launcher": "long_range_fires",
  "land-attack missile": "long_range_fires",
  "submarine-launched ballistic missile": "long_range_fires",

  // Artillery
  "self-propelled gun": "artillery",
  "towed gun": "artillery",
  mortar: "artillery",
  "self-propelled mortar": "artillery",
  "multiple rocket launcher": "artillery",
  "artillery locating radar": "artillery",

  // Armoured vehicles
  tank: "armoured_vehicles.tanks",
  "light tank": "armoured_vehicles.tanks",
  "training tank": "armoured_vehicles.tanks",
  "infantry fighting vehicle": "armoured_vehicles.infantry_fighting_vehicles",
  APC: "armoured_vehicles.personnel_carriers",
  "armoured car": "armoured_vehicles",
  "armoured reconnaissance vehicle": "armoured_vehicles",
  "fire-support vehicle": "armoured_vehicles",
  "tank destroyer": "armoured_vehicles", // not a tank: a gun or missile carrier on another hull
  "armoured recovery vehicle": "armoured_vehicles",
  "armoured engineer vehicle": "armoured_vehicles",
  "armoured engineer/recovery vehicle": "armoured_vehicles",
  "armoured bridgelayer": "armoured_vehicles",
  "armoured supply vehicle": "armoured_vehicles",
  "armoured logistical vehicle": "armoured_vehicles",

  // Aircraft
  "FGA aircraft": "aircraft",
  "FGA/electronic warfare aircraft": "aircraft",
  "fighter aircraft": "aircraft",
  "ground-attack aircraft": "aircraft",
  "bomber aircraft": "aircraft",
  "trainer aircraft": "aircraft",
  "(armed) trainer aircraft": "aircraft",
  "trainer/combat aircraft": "aircraft",
  "transport/trainer aircraft": "aircraft",
  "light aircraft": "aircraft",
  "light /trainer aircraft": "aircraft",
  "light/trainer aircraft": "aircraft",
  "light transport aircraft": "aircraft",
  "transport aircraft": "aircraft",
  "heavy transport aircraft": "aircraft",
  "tanker/transport aircraft": "aircraft",
  "target tow aircraft": "aircraft",
  "light transport airship": "aircraft",
  "maritime patrol aircraft": "aircraft",
  "anti-submarine aircraft": "aircraft",
  "airborne early-warning aircraft": "aircraft",
  "airborne early-warning/ground surveillance aircraft": "aircraft",
  "reconnaissance aircraft": "aircraft",
  "reconnaissance/signals intelligence aircraft": "aircraft",
  "signals intelligence aircraft": "aircraft",
  "signals intelligence/ground surveillance aircraft aircraft": "aircraft", // SIPRI's wording
  "ground surveillance aircraft": "aircraft",
  helicopter: "aircraft",
  "light helicopter": "aircraft",
  "transport helicopter": "aircraft",
  "combat helicopter": "aircraft",
  "anti-ship helicopter": "aircraft",
  "anti-submarine helicopter": "aircraft",
  "airborne early-warning helicopter": "aircraft",
  "signals intelligence helicopter": "aircraft",
  "helicopter/transport aircraft": "aircraft", // V-22 Osprey

  // Drones
  UAV: "drones",
  "(armed) UAV": "drones",
  "armed UAV": "drones",
  "maritime patrol UAV": "drones",
  "light aircraft/UAV": "drones", // optionally piloted aircraft, sold as UAVs
  "armed UGV": "drones", // an unmanned ground vehicle
  "loitering munition": "drones",
  "one-way attack drone": "drones",

  // Intelligence
  "recce satellite": "intelligence",
  "surveillance satellite": "intelligence",
  "signals intelligence system": "intelligence",
  "reconnaissance/signals intelligence system": "intelligence",
  "ground surveillance radar": "intelligence",
  "ground-surveillance radar": "intelligence",
  "EO system": "intelligence", // stand-alone electro-optical surveillance (Gatekeeper, ARTEMIS)

  // Maritime: ships and boats
  "aircraft carrier": "maritime",
  "amphibious assault ship": "maritime",
  "ampibious assault ship/frigate": "maritime", // SIPRI's spelling
  cruiser: "maritime",
  destroyer: "maritime",
  frigate: "maritime",
  "frigate/landing ship": "maritime",
  corvette: "maritime",
  "corvette/minesweeper": "maritime",
  "patrol ship": "maritime",
  "patrol ship/frigate": "maritime",
  "patrol ship/icebreaker": "maritime",
  "patrol ship/support ship": "maritime",
  "patrol ship/training ship": "maritime",
  "patrol ship/transport ship": "maritime",
  "patrol ship/tug": "maritime",
  "patrol boat": "maritime",
  "patrol boat/transport craft": "maritime",
  "missile boat": "maritime",
  "torpedo boat": "maritime",
  "torpdeo boat": "maritime", // SIPRI's spelling
  gunboat: "maritime",
  submarine: "maritime",
  "midget submarine": "maritime",
  "nuclear submarine": "maritime",
  "MCM ship": "maritime",
  minehunter: "maritime",
  minesweeper: "maritime",
  minelayer: "maritime",
  "landing ship": "maritime",
  "landing craft": "maritime",
  "landing craft/patrol boat": "maritime",
  "support/landing ship": "maritime",
  "support ship": "maritime",
  "support craft": "maritime",
  "replenishment ship": "maritime",
  "replenishment tanker": "maritime",
  tanker: "maritime", // ships (Patapsco, YO): SIPRI writes "tanker/transport aircraft" for aircraft
  "cargo ship": "maritime",
  "cargo craft": "maritime",
  "transport ship": "maritime",
  "transport craft": "maritime",
  "salvage ship": "maritime",
  "survey ship": "maritime",
  "training ship": "maritime",
  "signals intelligence ship": "maritime",
  icebreaker: "maritime",
  tug: "maritime",

  // Maritime: naval weapons and sensors, and coastal defence against ships
  "anti-ship missile": "maritime",
  "anti-ship/anti-radar missile": "maritime",
  "anti-ship/land-attack missile": "maritime", // Harpoon Block-2, in Ukraine a coastal anti-ship weapon
  "anti-ship/surface-to-surface missile": "maritime",
  "air-to-surface/anti-ship missile": "maritime",
  "anti-submarine missile": "maritime",
  "anti-ship torpedo": "maritime",
  "anti-submarine torpedo": "maritime",
  "anti-ship/anti-submarine torpedo": "maritime",
  "anti-submarine/ship torpedo": "maritime",
  "naval mine/torpedo": "maritime",
  "anti-submarine mortar": "maritime",
  "anti-submarine rocket launcher": "maritime",
  "naval multiple rocket launcher": "maritime",
  "naval gun": "maritime",
  "naval SAM system": "maritime", // ship-borne: part of a ship's fit, not ground-based air defence
  "coastal defence system": "maritime",
  "coastal defence gun": "maritime",
  "air/sea search radar": "maritime", // ship radars (Scanter, SMART-L)
  "sea search radar": "maritime",
  "aircraft sea search radar": "maritime",
  "EO search/fire control": "maritime", // ship fire control (MIRADOR)
  "Naval EO system": "maritime",
  sonar: "maritime",
  "ASW sonar": "maritime",
  "anti-submarine sonar": "maritime",
  "submarine sonar": "maritime",

  // Defence-industrial supply: components for platforms built or upgraded by the recipient
  "aircraft engine": "defence_industrial",
  "aircraft jet engine": "defence_industrial",
  "vehicle engine": "defence_industrial",
  "ship engine": "defence_industrial",
  "gas turbine": "defence_industrial",
  turbofan: "defence_industrial",
  turbojet: "defence_industrial",
  turboprop: "defence_industrial",
  "ship nuclear reactor": "defence_industrial",
  "tank chassis": "defence_industrial",
  "self-propelled gun chassis": "defence_industrial",
  "tank turret": "defence_industrial",
  "tank destroyer turret": "defence_industrial",
  "APC turret": "defence_industrial",
  "infantry fighting vehicle turret": "defence_industrial",
  "iinfantry fighting vehicle turret": "defence_industrial", // SIPRI's spelling
  "self-propelled gun turret": "defence_industrial",
  "mortar turret": "defence_industrial",
  "anti-aircraft gun turret": "defence_industrial",
  "helicopter turret": "defence_industrial",
  "air refuel system": "defence_industrial",
  "combat aircraft radar": "defence_industrial",
  "combat heli radar": "defence_industrial",
  "maritime patrol aircraft radar": "defence_industrial",
  "airborne early-warning radar": "defence_industrial",
  "aircraft EO system": "defence_industrial", // targeting pods (Sniper, Litening)
  "aircraft EO/radar system": "defence_industrial",
  "aircraft recce system": "defence_industrial",
};

/**
 * Designations whose description misleads: air-launched cruise missiles with ranges of hundreds of kilometres,
 * which SIPRI files as "air-to-surface missile" like a Maverick, are long-range fires.
 */
export const sipriDesignationCategories: Readonly<Record<string, CategoryId>> = {
  "Storm Shadow/SCALP-EG": "long_range_fires",
  "Taurus KEPD-350": "long_range_fires",
  "AGM-158A JASSM": "long_range_fires",
  "AGM-158B JASSM-ER": "long_range_fires",
  "AGM-84H SLAM-ER": "long_range_fires",
  "Kh-55": "long_range_fires",
  SOM: "long_range_fires",
  "PJ-10 BrahMos-A": "long_range_fires",
};

const byDescription = new Map(
  Object.entries(sipriWeaponCategories).map(([description, category]) => [
    description.toLowerCase(),
    category,
  ]),
);

/** The table's category for a weapon description, whatever its case; undefined when it has no entry. */
export function sipriDescriptionCategory(description: string): CategoryId | undefined {
  return byDescription.get(description.trim().toLowerCase());
}

/** The tracker category of a SIPRI weapon, or undefined when its description is not in the table. */
export function sipriCategory(description: string, designation: string): CategoryId | undefined {
  return sipriDesignationCategories[designation.trim()] ?? sipriDescriptionCategory(description);
}
