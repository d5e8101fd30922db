/*
 * The chart's look and its vocabulary of marks, shared by the layout (render.ts) and the plot (plot.ts).
 */

// Okabe–Ito, which readers with the common colour-vision deficiencies tell apart; its yellow is left out, too
// faint on white. Colours mark lines and bars only: all text is dark on white (contrast far above 4.5:1).
export const palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"];
export const otherColour = "#767676";
export const ink = "#1a1a1a";
export const muted = "#4d4d4d";
export const gridColour = "#e3e3e3";
export const axisColour = "#767676";
export const bannerFill = "#fff4ce";
export const bannerStroke = "#8a6d00";
export const fontFamily = "DejaVu Sans, Verdana, Arial, sans-serif";

export const defaultWidth = 960;
export const defaultHeight = 540;
export const pad = 16;

export type Stage = "promised" | "delivered";
export const stages: Stage[] = ["promised", "delivered"];
export const flagNames = ["synthetic", "estimated", "disputed"] as const;
export type FlagName = (typeof flagNames)[number];
