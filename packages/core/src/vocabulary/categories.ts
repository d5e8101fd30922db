import type { Terms } from "./terms.ts";

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

const artillery = (calibre: string) =>
  ({
    en: {
      label: `Artillery ammunition, ${calibre} mm`,
      description: `Shells of ${calibre} mm calibre for guns and howitzers.`,
    },
    uk: {
      label: `Артилерійські боєприпаси, ${calibre} мм`,
      description: `Снаряди калібру ${calibre} мм для гармат і гаубиць.`,
    },
  }) as const;

export const categoryTerms: Terms<(typeof categoryIds)[number]> = {
  all_types: {
    en: {
      label: "All types, not split by the source",
      description: "Figures the source gives for every kind of aid together, without a split by type.",
    },
    uk: {
      label: "Усі види, без розподілу джерелом",
      description: "Цифри, які джерело наводить для всіх видів допомоги разом, без розподілу за видами.",
    },
  },
  funding: {
    en: { label: "Funding lines", description: "Money for Ukraine's budget, its defence or its economy." },
    uk: { label: "Фінансування", description: "Кошти для бюджету України, її оборони чи економіки." },
  },
  "funding.budget_support": {
    en: { label: "Budget support", description: "Money paid into Ukraine's state budget." },
    uk: { label: "Бюджетна підтримка", description: "Кошти, що надходять до державного бюджету України." },
  },
  "funding.military_financing": {
    en: {
      label: "Military financing",
      description: "Money for weapons, ammunition and equipment, bought for or by Ukraine.",
    },
    uk: {
      label: "Військове фінансування",
      description: "Кошти на озброєння, боєприпаси й спорядження, закуплені для України або нею самою.",
    },
  },
  "funding.loans": {
    en: { label: "Loans", description: "Money lent, to be repaid." },
    uk: { label: "Кредити", description: "Позикові кошти, що підлягають поверненню." },
  },
  "funding.grants": {
    en: { label: "Grants", description: "Money given, not to be repaid." },
    uk: { label: "Гранти", description: "Безповоротні кошти." },
  },
  military: {
    en: {
      label: "Military aid, type not specified",
      description: "Military aid the source does not break down by type.",
    },
    uk: {
      label: "Військова допомога, вид не визначено",
      description: "Військова допомога, яку джерело не розподіляє за видами.",
    },
  },
  air_defence: {
    en: { label: "Air defence", description: "Defence against aircraft, missiles and drones." },
    uk: { label: "Протиповітряна оборона", description: "Захист від літаків, ракет і дронів." },
  },
  "air_defence.systems": {
    en: { label: "Air defence systems", description: "Air defence systems, batteries and launchers." },
    uk: {
      label: "Системи ППО",
      description: "Системи, батареї та пускові установки протиповітряної оборони.",
    },
  },
  "air_defence.interceptors": {
    en: { label: "Interceptors", description: "Missiles that shoot down aircraft, missiles and drones." },
    uk: { label: "Ракети-перехоплювачі", description: "Ракети, що збивають літаки, ракети і дрони." },
  },
  ammunition: {
    en: { label: "Ammunition", description: "Ammunition of every kind." },
    uk: { label: "Боєприпаси", description: "Боєприпаси всіх видів." },
  },
  "ammunition.artillery_155mm": artillery("155"),
  "ammunition.artillery_152mm": artillery("152"),
  "ammunition.artillery_122mm": artillery("122"),
  "ammunition.artillery_105mm": artillery("105"),
  "ammunition.mortar": {
    en: { label: "Mortar ammunition", description: "Bombs for mortars." },
    uk: { label: "Мінометні боєприпаси", description: "Міни для мінометів." },
  },
  "ammunition.tank": {
    en: { label: "Tank ammunition", description: "Rounds for tank guns." },
    uk: { label: "Танкові боєприпаси", description: "Постріли для танкових гармат." },
  },
  "ammunition.rockets": {
    en: { label: "Rockets", description: "Unguided and guided rockets for multiple rocket launchers." },
    uk: {
      label: "Реактивні снаряди",
      description: "Некеровані й керовані реактивні снаряди для реактивних систем залпового вогню.",
    },
  },
  "ammunition.small_arms": {
    en: { label: "Small-arms ammunition", description: "Cartridges for rifles, machine guns and pistols." },
    uk: {
      label: "Боєприпаси до стрілецької зброї",
      description: "Набої для гвинтівок, кулеметів і пістолетів.",
    },
  },
  artillery: {
    en: { label: "Artillery", description: "Guns, howitzers and multiple rocket launchers." },
    uk: { label: "Артилерія", description: "Гармати, гаубиці та реактивні системи залпового вогню." },
  },
  armoured_vehicles: {
    en: { label: "Armoured vehicles", description: "Tanks and other armoured fighting vehicles." },
    uk: { label: "Бронетехніка", description: "Танки та інші броньовані бойові машини." },
  },
  "armoured_vehicles.tanks": {
    en: { label: "Tanks", description: "Main battle tanks." },
    uk: { label: "Танки", description: "Основні бойові танки." },
  },
  "armoured_vehicles.infantry_fighting_vehicles": {
    en: {
      label: "Infantry fighting vehicles",
      description: "Armoured vehicles that carry infantry and fight alongside it.",
    },
    uk: {
      label: "Бойові машини піхоти",
      description: "Броньовані машини, що перевозять піхоту й ведуть бій разом із нею.",
    },
  },
  "armoured_vehicles.personnel_carriers": {
    en: { label: "Armoured personnel carriers", description: "Armoured vehicles that carry troops." },
    uk: { label: "Бронетранспортери", description: "Броньовані машини для перевезення військ." },
  },
  long_range_fires: {
    en: { label: "Long-range fires", description: "Missiles and rockets that strike far behind the front." },
    uk: {
      label: "Далекобійні засоби ураження",
      description: "Ракети й реактивні снаряди, що уражають цілі далеко за лінією фронту.",
    },
  },
  aircraft: {
    en: { label: "Aircraft", description: "Combat and transport aircraft and helicopters." },
    uk: { label: "Авіація", description: "Бойові й транспортні літаки та гелікоптери." },
  },
  drones: {
    en: { label: "Drones", description: "Uncrewed aerial, maritime and ground vehicles." },
    uk: { label: "Дрони", description: "Безпілотні повітряні, морські й наземні апарати." },
  },
  training: {
    en: { label: "Training", description: "Training of Ukraine's service members." },
    uk: { label: "Навчання", description: "Підготовка українських військовослужбовців." },
  },
  intelligence: {
    en: {
      label: "Intelligence",
      description: "Intelligence shared with Ukraine, and the means to gather it.",
    },
    uk: { label: "Розвідка", description: "Розвідувальні дані для України та засоби їх збирання." },
  },
  cyber: {
    en: { label: "Cyber", description: "Cyber defence and support against cyber attacks." },
    uk: { label: "Кібербезпека", description: "Кіберзахист і допомога в протидії кібератакам." },
  },
  demining: {
    en: { label: "Demining", description: "Clearing mines and unexploded ordnance." },
    uk: { label: "Розмінування", description: "Очищення від мін і вибухонебезпечних предметів." },
  },
  maritime: {
    en: { label: "Maritime", description: "Ships, boats and the means to defend the sea." },
    uk: { label: "Морські спроможності", description: "Кораблі, катери й засоби захисту на морі." },
  },
  defence_industrial: {
    en: {
      label: "Defence-industrial production",
      description: "Producing weapons and ammunition in or for Ukraine.",
    },
    uk: {
      label: "Оборонно-промислове виробництво",
      description: "Виробництво озброєння й боєприпасів в Україні або для неї.",
    },
  },
  reconstruction: {
    en: { label: "Reconstruction", description: "Rebuilding what the war destroyed." },
    uk: { label: "Відбудова", description: "Відновлення зруйнованого війною." },
  },
  humanitarian: {
    en: { label: "Humanitarian", description: "Aid to civilians: food, shelter, medicine." },
    uk: { label: "Гуманітарна допомога", description: "Допомога цивільним: їжа, житло, ліки." },
  },
};
