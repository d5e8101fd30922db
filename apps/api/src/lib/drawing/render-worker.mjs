// A chart-drawing thread of the render pool (render-pool.ts): draws the SVG (a series chart or the guarantors'
// ladder) with @commitments/charts and, for a PNG, rasterises it with resvg and the fonts shipped with the
// server, so no drawing holds the API's event loop. Plain JavaScript, so Node runs it as it is: the charts
// package (TypeScript) is loaded through tsx's API, as the server loads it. Each message is one job:
// { id, chart: "series" | "ladder", input, format: "svg" | "png", fontFiles }; each answer { id, body, digest }
// or { id, error }. The digest (of the format and the SVG) names the chart in its ETag.
import { createHash } from "node:crypto";
import { parentPort } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

const { renderLadderChart, renderSeriesChart } = await tsImport("@commitments/charts", import.meta.url);
/** The native rasteriser, loaded on the first PNG. */
let Resvg;

parentPort.on("message", async ({ id, chart, input, format, fontFiles }) => {
  try {
    const svg = chart === "ladder" ? renderLadderChart(input) : renderSeriesChart(input);
    const digest = createHash("sha256").update(`${format}\n${svg}`).digest("base64url").slice(0, 22);
    if (format === "svg") {
      parentPort.postMessage({ id, body: svg, digest });
      return;
    }
    Resvg ??= (await import("@resvg/resvg-js")).Resvg;
    const resvg = new Resvg(svg, {
      font: { loadSystemFonts: false, fontFiles, defaultFontFamily: "DejaVu Sans" },
    });
    // Copied once out of the rasteriser's buffer, then moved to the API's thread rather than copied again.
    const body = new Uint8Array(resvg.render().asPng());
    parentPort.postMessage({ id, body, digest }, [body.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: String(error?.stack ?? error) });
  }
});
parentPort.postMessage({ ready: true });
