/*
 * The chart's look and its vocabulary of marks, shared by the layout (render.ts) and the plot (plot.ts).
 */

/** A ground a chart is drawn on: light (the default, for print and pages) or dark (for dark pages). */
export type Ground = "light" | "dark";
/** The theme asked of a chart: a ground, or `auto`, both drawings with the reader's setting choosing (SVG only). */
export type ChartTheme = Ground | "auto";
export const chartThemes: readonly ChartTheme[] = ["light", "dark", "auto"];

/** The colours of a chart on its ground. Text keeps at least 4.5:1 against the ground, marks at least 3:1. */
export interface Look {
  ground: string;
  ink: string;
  muted: string;
  grid: string;
  axis: string;
  /** Every other band of a chart (the ladder's rungs), behind its marks. */
  band: string;
  bannerFill: string;
  bannerStroke: string;
  disputed: string;
  /** One colour a group, all of one length across themes so a group keeps its place in the palette. */
  palette: readonly string[];
  other: string;
  /** Of the ladder's standings, in the vocabulary's order. */
  standings: readonly string[];
}

// Okabe–Ito, which readers with the common colour-vision deficiencies tell apart. On white its yellow is left
// out and its orange and sky blue are darkened, to keep 3:1 (WCAG's non-text contrast); on the dark ground its
// black is left out and the yellow takes its place.
export const looks: Record<Ground, Look> = {
  light: {
    ground: "#ffffff",
    ink: "#1a1a1a",
    muted: "#4d4d4d",
    grid: "#e3e3e3",
    axis: "#767676",
    band: "#f5f5f5",
    bannerFill: "#fff4ce",
    bannerStroke: "#8a6d00",
    disputed: "#a40000",
    palette: ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#B87A00", "#2F8FCB", "#000000"],
    other: "#767676",
    standings: ["#007A5A", "#D55E00", "#0072B2", "#767676"],
  },
  dark: {
    ground: "#121212",
    ink: "#ececec",
    muted: "#c4c4c4",
    grid: "#333333",
    axis: "#8a8a8a",
    band: "#1c1c1c",
    bannerFill: "#3a3000",
    bannerStroke: "#e6c200",
    disputed: "#ff8a80",
    palette: ["#56B4E9", "#E69F00", "#009E73", "#CC79A7", "#F0E442", "#0072B2", "#ffffff"],
    other: "#9e9e9e",
    standings: ["#00B383", "#E69F00", "#56B4E9", "#9e9e9e"],
  },
};

/** The look of a drawing in `theme`: dark, or light (`auto` is drawn as both by the renderers, see readerThemed). */
export const lookOf = (theme: ChartTheme | undefined): Look => (theme === "dark" ? looks.dark : looks.light);

/** How many colours a palette has: groups beyond it are folded into "Other". */
export const paletteSize = looks.light.palette.length;

export const fontFamily = "DejaVu Sans, Verdana, Arial, sans-serif";

export const defaultWidth = 960;
export const defaultHeight = 540;
export const pad = 16;

export type Stage = "promised" | "delivered";
export const stages: Stage[] = ["promised", "delivered"];
export const flagNames = ["synthetic", "estimated", "disputed"] as const;
export type FlagName = (typeof flagNames)[number];

/**
 * A chart that follows the reader's light or dark setting: both drawings in one SVG, the other one hidden by its
 * style. The outer element keeps the light drawing's size, role and labels; the drawings inside are hidden from
 * assistive technology, which reads the outer one's title and description. (A PNG has one ground: no `auto`.)
 */
export function readerThemed(light: string, dark: string): string {
  const open = light.slice(0, light.indexOf(">") + 1);
  const inner = (svg: string, ground: Ground) =>
    svg.trimEnd().replace(/^<svg /, `<svg class="reader-${ground}" aria-hidden="true" `);
  const style =
    ".reader-dark{display:none}@media (prefers-color-scheme: dark){.reader-light{display:none}.reader-dark{display:inline}}";
  return [open, `<style>${style}</style>`, inner(light, "light"), inner(dark, "dark"), "</svg>\n"].join("\n");
}
