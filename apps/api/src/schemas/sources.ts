import { SourceDataset } from "@commitments/core";
import { z } from "@hono/zod-openapi";

/** A source dataset as a figure cites it: who publishes it, the release the tracker holds, the terms of use. */
export const FigureSource = z
  .object({
    id: SourceDataset,
    publisher: z.string().nullable(),
    release: z.string().nullable().openapi({
      description: "The release the tracker held at asOf (the label its latest import named); null if none.",
    }),
  })
  .openapi("FigureSource");
