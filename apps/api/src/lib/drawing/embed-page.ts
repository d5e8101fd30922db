import { type ChartLang, type ChartTheme, chartThemes, escapeXml } from "@commitments/charts";
import { ApiError } from "../errors.ts";

/*
 * The page other sites frame to show a chart (GET /embed/series, /embed/guarantors): no script, the chart inline,
 * its description as text, notes, and a caption with the source, date and dataset version and links to the data
 * and to the tracker.
 */

/** The embed page's theme, and its chart's: light, dark, or `auto`, which follows the reader's setting. */
export type EmbedTheme = ChartTheme;

/** The `theme` of an embed's query; anything else is the 400 naming the field. */
export function embedThemeOf(asked: string | undefined): EmbedTheme {
  const theme = asked ?? "light";
  if (!(chartThemes as readonly string[]).includes(theme))
    throw new ApiError("VALIDATION_FAILED", 'Invalid query field "theme": expected light, dark or auto', [
      { location: "query", path: "theme", message: "expected light, dark or auto" },
    ]);
  return theme as EmbedTheme;
}

/** Inline only, as the embed's Content-Security-Policy allows: the SVG takes the width of the frame. */
const base = [
  "html,body{margin:0;padding:0}",
  "body{font-family:'DejaVu Sans',Verdana,Arial,sans-serif}",
  "figure{margin:0}",
  "svg{display:block;width:100%;height:auto}",
  "figcaption,.chart-notes{font-size:13px;line-height:1.45;padding:4px 8px;margin:0}",
].join("");
// The page's colours; the chart, drawn in the same theme, paints its own ground.
const light =
  "html,body{background:#fff;color:#1a1a1a}figcaption,.chart-notes{color:#4d4d4d}a{color:#0b4f8a}";
const dark =
  "html,body{background:#121212;color:#ececec}figcaption,.chart-notes{color:#d0d0d0}a{color:#9ecbff}";
const styles: Record<EmbedTheme, string> = {
  light: base + light,
  dark: base + dark,
  auto: `${base}${light}@media (prefers-color-scheme: dark){${dark}}`,
};

export interface EmbedPage {
  lang: ChartLang;
  title: string;
  /** The chart's SVG document, inline. */
  svg: string;
  /** The chart's `<desc>`, already escaped as the SVG holds it. */
  description: string;
  /** Plain text: what the figures count. */
  notes: string;
  /** Plain text: source, date, dataset version. */
  caption: string;
  /** Same-origin links, opened in the top window: the data, the tracker. */
  links: readonly { text: string; href: string }[];
  theme: EmbedTheme;
}

export function embedPage(page: EmbedPage): string {
  const links = page.links
    .map((link) => `<a href="${escapeXml(link.href)}" target="_top">${escapeXml(link.text)}</a>`)
    .join(" · ");
  return `<!doctype html>
<html lang="${page.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(page.title)}</title>
<style>${styles[page.theme]}</style>
</head>
<body>
<figure aria-describedby="chart-description">
${page.svg}<p class="chart-notes" id="chart-description">${page.description}</p>
<p class="chart-notes">${escapeXml(page.notes)}</p>
<figcaption>${escapeXml(page.caption)} · ${links}</figcaption>
</figure>
</body>
</html>
`;
}
