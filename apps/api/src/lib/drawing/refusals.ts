import type { ChartTheme } from "@commitments/charts";
import { ApiError } from "../errors.ts";
import { ChartsBusy, ChartTimedOut } from "./render-pool.ts";

// What a chart request is refused with. Apart from drawing.ts, which the app's context imports: errors.ts reads the
// context, so the two would import each other.

/**
 * Waits for a drawing on the pool: a full pool, or a drawing past its time, is the 503 with Retry-After that
 * tells a client to come back shortly.
 */
export async function drawnOnPool<T>(
  c: { header(name: string, value: string): void },
  draw: () => Promise<T>,
) {
  try {
    return await draw();
  } catch (error) {
    if (!(error instanceof ChartsBusy || error instanceof ChartTimedOut)) throw error;
    c.header("Retry-After", "5");
    throw new ApiError("SERVICE_UNAVAILABLE", error.message);
  }
}

/** A PNG has one ground: `auto` (both drawings, the reader's setting choosing) is for SVG and the embed. */
export function pngGround(theme: ChartTheme): void {
  if (theme === "auto")
    throw new ApiError(
      "VALIDATION_FAILED",
      'Invalid query field "theme": a PNG has one ground, light or dark (auto is for SVG and embeds)',
      [{ location: "query", path: "theme", message: "light or dark for a PNG" }],
    );
}
