ALTER TABLE "series_cells" ADD COLUMN "source" text DEFAULT 'tracker' NOT NULL;--> statement-breakpoint
ALTER TABLE "series_rollups" ADD COLUMN "source" text DEFAULT 'tracker' NOT NULL;--> statement-breakpoint
ALTER TABLE "series_cells" DROP CONSTRAINT "series_cells_pk";
--> statement-breakpoint
ALTER TABLE "series_cells" ADD CONSTRAINT "series_cells_pk" PRIMARY KEY("stage","month","measure_kind","measure","donor","category","agreement","source");--> statement-breakpoint
ALTER TABLE "series_rollups" DROP CONSTRAINT "series_rollups_pk";
--> statement-breakpoint
ALTER TABLE "series_rollups" ADD CONSTRAINT "series_rollups_pk" PRIMARY KEY("dimension","measure_kind","stage","month","key","measure","source");--> statement-breakpoint
-- Every commitment before this release is the tracker's own (source datasets came with 0009 in the same release),
-- so the cells' source is "tracker" as defaulted; the new grouping by source is filled from them.
INSERT INTO "series_rollups" ("dimension", "key", "stage", "month", "measure_kind", "measure", "source", "amount",
  "events", "eur", "eur_unconverted", "eur_unconverted_events", "usd", "usd_unconverted", "usd_unconverted_events",
  "synthetic_events", "estimated_events", "disputed_events")
SELECT 'source', "source", "stage", "month", "measure_kind", "measure", "source", sum("amount"), sum("events"),
  sum("eur"), sum("eur_unconverted"), sum("eur_unconverted_events"), sum("usd"), sum("usd_unconverted"),
  sum("usd_unconverted_events"), sum("synthetic_events"), sum("estimated_events"), sum("disputed_events")
FROM "series_cells"
GROUP BY "source", "stage", "month", "measure_kind", "measure";
